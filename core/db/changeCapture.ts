// The rows a transaction changes, seen on one connection: temporary triggers on the given tables hand the old values
// of every updated or deleted row (and the id of every inserted one) to a JS callback while capture is on. The edit
// journal (core/edits/capture.ts) builds undo on it, so edit code needs no bookkeeping of its own.
import { getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './open';
import { storedColumns } from './storedRows';

/** `existed`: false for an inserted row (then `oldValues` is empty); old values in stored column order. */
export type OnRowChange = (table: string, existed: boolean, id: number, oldValues: unknown[]) => void;

const callbacks = new WeakMap<object, OnRowChange>();

function createTriggers(db: Db, tables: readonly SQLiteTable[]): void {
  const c = db.$client;
  c.exec('CREATE TEMP TABLE thumper_capture_on (on_ INTEGER)');
  const on = 'WHEN EXISTS (SELECT 1 FROM temp.thumper_capture_on)';
  for (const table of tables) {
    const t = getTableName(table);
    const old = storedColumns(db, table)
      .map((col) => `OLD."${col}"`)
      .join(', ');
    c.exec(`
      CREATE TEMP TRIGGER thumper_capture_${t}_insert AFTER INSERT ON main."${t}" ${on}
        BEGIN SELECT thumper_capture('${t}', 0, NEW.id); END;
      CREATE TEMP TRIGGER thumper_capture_${t}_update BEFORE UPDATE ON main."${t}" ${on}
        BEGIN SELECT thumper_capture('${t}', 1, OLD.id, ${old}); END;
      CREATE TEMP TRIGGER thumper_capture_${t}_delete BEFORE DELETE ON main."${t}" ${on}
        BEGIN SELECT thumper_capture('${t}', 1, OLD.id, ${old}); END;`);
  }
}

/** Makes sure the triggers on these tables exist on this connection and sends what they see to `onChange`. */
export function prepareChangeCapture(db: Db, tables: readonly SQLiteTable[], onChange: OnRowChange): void {
  const c = db.$client;
  if (!callbacks.has(c)) {
    c.function(
      'thumper_capture',
      { varargs: true, deterministic: false },
      (table: unknown, existed: unknown, id: unknown, ...values: unknown[]) => {
        callbacks.get(c)?.(String(table), Boolean(existed), Number(id), values);
        return null;
      },
    );
  }
  callbacks.set(c, onChange);
  // Temporary tables and triggers are transactional: created inside an edit that was then refused, they are gone.
  if (!c.prepare("SELECT 1 FROM temp.sqlite_master WHERE name = 'thumper_capture_on'").get())
    createTriggers(db, tables);
}

/** Switches capture on or off (inside the caller's transaction). */
export function setChangeCapture(db: Db, on: boolean): void {
  db.$client
    .prepare(on ? 'INSERT INTO temp.thumper_capture_on VALUES (1)' : 'DELETE FROM temp.thumper_capture_on')
    .run();
}
