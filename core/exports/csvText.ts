// CSV as RFC 4180 writes it: comma-separated, a field quoted when it holds a comma, a quote or a line break, and
// quotes doubled. Empty cells are empty strings (Camtrap DP reads "" as missing).
export type Cell = string | number | boolean | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly Cell[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

/** A whole table: the header line, then one line per row with the columns in header order. */
export function toCsv<K extends string>(columns: readonly K[], rows: readonly Partial<Record<K, Cell>>[]): string {
  return csvLine(columns) + rows.map((row) => csvLine(columns.map((c) => row[c]))).join('');
}
