// Words and tables for people (the CLI's default output; --json gives the data as is). Spans of time are said by
// core/contract/humanDuration ("3 days", "10 min"), the same words the app uses.

/** "1 photo", "3 photos": a count with its noun, plural by the simple English rule or the form given. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** Rows of cells aligned in columns, the last column left ragged (and no trailing spaces). */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A table under a header row; a line saying there is nothing when there are no rows. */
export function listTable(header: readonly string[], rows: readonly (readonly string[])[], none: string): string {
  return rows.length === 0 ? none : table([header, ...rows]);
}

/** "2015-02-01 07:00": a stored time (ISO, as the camera wrote it) to the minute; "unknown" when there is none. */
export function when(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso);
  return m ? (m[2] ? `${m[1]} ${m[2]}` : m[1]!) : iso;
}

/** "2015-02-01 07:00 to 2015-02-03 09:12", or one time when both ends fall in the same minute. */
export function span(from: string | null | undefined, to: string | null | undefined): string {
  const a = when(from);
  const b = when(to);
  return a === b ? a : `${a} to ${b}`;
}

/** "Deer 12 (id 12)": a name first, with the id a command takes (merge, split, traits, rename). */
export function named(name: string, id: number): string {
  return `${name} (id ${id})`;
}
