// Capture times are camera-local wall-clock ISO strings without a zone ("2015-02-03T18:56:12"). Differences between
// them are meaningful only within one camera's clock or between cameras set to the same zone, which is how
// sequences and the time part of a suggestion score use them.

/** Milliseconds on a zone-less timeline (the wall-clock digits read as UTC); null for an unknown time. */
export function localMillis(takenAt: string | null): number | null {
  if (takenAt === null) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(takenAt);
  const ms = Date.parse(hasZone ? takenAt : `${takenAt}Z`);
  return Number.isNaN(ms) ? null : ms;
}
