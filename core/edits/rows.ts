// Rows as the edit journal stores them: every column by name, in table order, as JSON (blobs in base64, numbers as
// JS doubles, which round-trip exactly). Writing a stored image back restores the row bit for bit.
import type { Db } from '../db/open';

/** The tables an edit may change; everything else (settings, imports, vec0 mirrors) is outside the journal. */
export const JOURNALLED_TABLES = ['individuals', 'tracklets', 'detections', 'suggestions', 'images'] as const;
export type JournalledTable = (typeof JOURNALLED_TABLES)[number];

export type StoredValue = string | number | null | { b64: string };
export type StoredRow = Record<string, StoredValue>;

export function encodeValue(v: unknown): StoredValue {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (Buffer.isBuffer(v)) return { b64: v.toString('base64') };
  throw new Error(`a journalled column holds an unexpected ${typeof v}`);
}

export function decodeValue(v: StoredValue): string | number | null | Buffer {
  return v !== null && typeof v === 'object' ? Buffer.from(v.b64, 'base64') : v;
}

const columnCache = new WeakMap<object, Map<string, string[]>>();

export function columnsOf(db: Db, table: JournalledTable): string[] {
  let perDb = columnCache.get(db.$client);
  if (!perDb) columnCache.set(db.$client, (perDb = new Map()));
  let cols = perDb.get(table);
  if (!cols) {
    cols = (
      db.$client.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]
    ).map((r) => r.name);
    perDb.set(table, cols);
  }
  return cols;
}

export function encodeRow(columns: readonly string[], values: readonly unknown[]): StoredRow {
  return Object.fromEntries(columns.map((c, i) => [c, encodeValue(values[i])]));
}

export function readRow(db: Db, table: JournalledTable, id: number): StoredRow | null {
  const row = db.$client.prepare(`SELECT * FROM "${table}" WHERE id = ?`).raw().get(id) as unknown[] | undefined;
  return row ? encodeRow(columnsOf(db, table), row) : null;
}

export const sameRow = (a: StoredRow | null, b: StoredRow | null) => JSON.stringify(a) === JSON.stringify(b);

const sameValue = (a: StoredValue | undefined, b: StoredValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the journal keeps of an updated row: only the columns that changed, on both sides (a merge that moves 500
 * tracklets stores 500 individual_id pairs, not 500 embeddings twice). Inserted and deleted rows are kept whole.
 */
export function rowDelta(before: StoredRow | null, after: StoredRow | null): [StoredRow | null, StoredRow | null] {
  if (before === null || after === null) return [before, after];
  const changed = Object.keys(after).filter((c) => !sameValue(before[c], after[c]));
  return [
    Object.fromEntries(changed.map((c) => [c, before[c]!])),
    Object.fromEntries(changed.map((c) => [c, after[c]!])),
  ];
}

/** Whether the row currently holds `expected` (null: is absent) in every column `expected` names. */
export function rowHolds(current: StoredRow | null, expected: StoredRow | null): boolean {
  if (expected === null || current === null) return expected === current;
  return Object.keys(expected).every((c) => sameValue(current[c], expected[c]));
}

/** Writes `row`'s columns into row `id` of `table` (inserting it when absent), or deletes it when `row` is null. */
export function writeRow(db: Db, table: JournalledTable, id: number, row: StoredRow | null): void {
  if (row === null) {
    db.$client.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(id);
    return;
  }
  const cols = Object.keys(row);
  const values = cols.map((c) => decodeValue(row[c]!));
  // An update, not INSERT OR REPLACE: a replace deletes first, which would cascade to the photo's detections.
  const updated = db.$client
    .prepare(`UPDATE "${table}" SET ${cols.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`)
    .run(...values, id);
  if (updated.changes === 0) {
    db.$client
      .prepare(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      )
      .run(...values);
  }
}
