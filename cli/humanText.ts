// Words and tables for people (the CLI's default output; --json gives the data as is).

/** "1 photo", "3 photos": a count with its noun, plural by the simple English rule or the form given. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** Rows of cells aligned in columns, the last column left ragged. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

const UNITS: [number, string][] = [
  [365 * 24 * 3600, 'year'],
  [30 * 24 * 3600, 'month'],
  [7 * 24 * 3600, 'week'],
  [24 * 3600, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** "3 days", "2 hours", "45 seconds": the largest whole unit, never "0.2 years" or "25131680 s". */
export function duration(seconds: number): string {
  const s = Math.abs(seconds);
  for (const [size, unit] of UNITS) if (s >= size) return count(Math.floor(s / size), unit);
  return count(0, 'second');
}
