// Rows as the edit journal stores them: every column by name, in table order, as JSON (blobs in base64, numbers as
// JS doubles, which round-trip exactly). Writing a stored image back restores the row bit for bit.
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open';
import { detections, images, individuals, suggestions, tracklets } from '../db/schema';
import { readStoredRow, storedColumns, writeStoredRow } from '../db/storedRows';

/** The tables an edit may change; everything else (settings, imports, vector tables) is outside the journal. */
export const JOURNALLED_TABLES = ['individuals', 'tracklets', 'detections', 'suggestions', 'images'] as const;
export type JournalledTable = (typeof JOURNALLED_TABLES)[number];

export const SCHEMA_TABLES: Record<JournalledTable, SQLiteTable> = {
  individuals,
  tracklets,
  detections,
  suggestions,
  images,
};

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

export const columnsOf = (db: Db, table: JournalledTable): string[] => storedColumns(db, SCHEMA_TABLES[table]);

export function encodeRow(columns: readonly string[], values: readonly unknown[]): StoredRow {
  return Object.fromEntries(columns.map((c, i) => [c, encodeValue(values[i])]));
}

export function readRow(db: Db, table: JournalledTable, id: number): StoredRow | null {
  const row = readStoredRow(db, SCHEMA_TABLES[table], id);
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
  const decoded = row && Object.fromEntries(Object.entries(row).map(([c, v]) => [c, decodeValue(v)]));
  writeStoredRow(db, SCHEMA_TABLES[table], id, decoded);
}
