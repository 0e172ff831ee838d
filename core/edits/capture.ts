// Which rows an edit changed, and what they were before: temporary triggers on this connection hand the old values
// of every updated or deleted row (and the id of every inserted one) to a JS function while a capture is on
// (core/db/changeCapture.ts). The edit code therefore needs no bookkeeping of its own, and nothing it touches (derived
// columns, superseded suggestions, pruned tracklets) can be missed by undo.
import { prepareChangeCapture, setChangeCapture } from '../db/changeCapture';
import type { Db } from '../db/open';
import {
  columnsOf,
  encodeRow,
  JOURNALLED_TABLES,
  readRow,
  sameRow,
  SCHEMA_TABLES,
  type JournalledTable,
  type StoredRow,
} from './rows';

export interface RowChange {
  table: JournalledTable;
  id: number;
  before: StoredRow | null;
  after: StoredRow | null;
}

/** First image seen per "table:id" during the running capture; null when the row did not exist before. */
type Seen = Map<string, { table: JournalledTable; id: number; before: StoredRow | null }>;

const running = new WeakMap<Db, Seen>();

const TABLES = JOURNALLED_TABLES.map((t) => SCHEMA_TABLES[t]);

/** Runs `fn` (inside the caller's transaction) and returns its result with the rows it changed, before and after. */
export function captureChanges<T>(db: Db, fn: () => T): { result: T; changes: RowChange[] } {
  prepareChangeCapture(db, TABLES, (name, existed, id, values) => {
    const seen = running.get(db);
    const table = JOURNALLED_TABLES.find((t) => t === name);
    const key = `${name}:${id}`;
    if (seen && table && !seen.has(key))
      seen.set(key, { table, id, before: existed ? encodeRow(columnsOf(db, table), values) : null });
  });
  if (running.has(db)) throw new Error('edits do not nest');
  const seen: Seen = new Map();
  running.set(db, seen);
  setChangeCapture(db, true);
  let result: T;
  try {
    result = fn();
  } finally {
    setChangeCapture(db, false);
    running.delete(db);
  }
  const changes: RowChange[] = [];
  for (const { table, id, before } of seen.values()) {
    const after = readRow(db, table, id);
    if (!sameRow(before, after)) changes.push({ table, id, before, after });
  }
  return { result, changes };
}
