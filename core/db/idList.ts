// A list of ids bound as one JSON parameter, so one statement takes a list of any length (one parameter per id would
// hit SQLite's limit on bound variables).
import { sql, type SQL } from 'drizzle-orm';

/** The ids as a subquery, for `inArray(column, anyOf(ids))`. */
export const anyOf = (ids: readonly number[]): SQL => sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** anyOf in a statement prepared once (core/db/prepared.ts): the ids are bound at run time as idsParam(ids). */
export const anyOfPlaceholder = (name: string): SQL => sql`(SELECT value FROM json_each(${sql.placeholder(name)}))`;

export const idsParam = (ids: readonly number[]): string => JSON.stringify(ids);
