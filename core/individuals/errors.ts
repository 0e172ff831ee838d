/** An individual operation that would break a rule (two deer in one photo, mixed categories...): shown to the user. */
export class IndividualsError extends Error {}
