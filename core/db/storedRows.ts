// Rows exactly as SQLite stores them, for the edit journal (core/edits/rows.ts): a table's columns in stored order and
// a row's raw values (0/1 rather than booleans, JSON as text), written back bit for bit. The journal covers several
// tables alike, so the SQL is built from a schema table's name (getTableName), never from input.
import { getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './open';

const columnCache = new WeakMap<Db, Map<string, string[]>>();

/** The table's column names in the order SQLite stores them (a column added by a migration comes last). */
export function storedColumns(db: Db, table: SQLiteTable): string[] {
  const name = getTableName(table);
  let perDb = columnCache.get(db);
  if (!perDb) columnCache.set(db, (perDb = new Map()));
  let columns = perDb.get(name);
  if (!columns) {
    columns = db.$client.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(name).map(String);
    perDb.set(name, columns);
  }
  return columns;
}

/** Row `id`'s values in stored column order, or undefined when there is no such row. */
export function readStoredRow(db: Db, table: SQLiteTable, id: number): unknown[] | undefined {
  const row: unknown = db.$client
    .prepare(`SELECT * FROM "${getTableName(table)}" WHERE id = ?`)
    .raw()
    .get(id);
  return Array.isArray(row) ? row : undefined;
}

/** Writes these columns' raw values into row `id` (inserting the row when absent), or deletes it when null. */
export function writeStoredRow(db: Db, table: SQLiteTable, id: number, row: Record<string, unknown> | null): void {
  const name = getTableName(table);
  if (row === null) {
    db.$client.prepare(`DELETE FROM "${name}" WHERE id = ?`).run(id);
    return;
  }
  const columns = Object.keys(row);
  const values = columns.map((c) => row[c]);
  // An update, not INSERT OR REPLACE: a replace deletes first, which would cascade to the photo's detections.
  const updated = db.$client
    .prepare(`UPDATE "${name}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`)
    .run(...values, id);
  if (updated.changes === 0) {
    db.$client
      .prepare(
        `INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      )
      .run(...values);
  }
}
