// Which rows an edit changed, and what they were before: temporary triggers on this connection hand the old values
// of every updated or deleted row (and the id of every inserted one) to a JS function while a capture is on. The
// edit code therefore needs no bookkeeping of its own, and nothing it touches (derived columns, superseded
// suggestions, pruned tracklets) can be missed by undo.
import type { Db } from '../db/open';
import {
  columnsOf,
  encodeRow,
  JOURNALLED_TABLES,
  readRow,
  sameRow,
  type JournalledTable,
  type StoredRow,
} from './rows';

export interface RowChange {
  table: JournalledTable;
  id: number;
  before: StoredRow | null;
  after: StoredRow | null;
}

interface CaptureState {
  /** First image seen per "table:id" during the running capture; null when the row did not exist before. */
  active: Map<string, { table: JournalledTable; id: number; before: StoredRow | null }> | null;
}

const states = new WeakMap<object, CaptureState>();

function createTriggers(db: Db): void {
  const c = db.$client;
  c.exec('CREATE TEMP TABLE thumper_capture_on (on_ INTEGER)');
  const on = 'WHEN EXISTS (SELECT 1 FROM temp.thumper_capture_on)';
  for (const t of JOURNALLED_TABLES) {
    const old = columnsOf(db, t)
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

function install(db: Db): CaptureState {
  const c = db.$client;
  let state = states.get(c);
  if (!state) {
    const s: CaptureState = { active: null };
    c.function(
      'thumper_capture',
      { varargs: true, deterministic: false },
      (table: unknown, existed: unknown, id: unknown, ...values: unknown[]) => {
        const t = table as JournalledTable;
        const key = `${t}:${id}`;
        if (s.active && !s.active.has(key))
          s.active.set(key, { table: t, id: Number(id), before: existed ? encodeRow(columnsOf(db, t), values) : null });
        return null;
      },
    );
    states.set(c, (state = s));
  }
  // Temporary tables and triggers are transactional: created inside an edit that was then refused, they are gone.
  if (!c.prepare("SELECT 1 FROM temp.sqlite_master WHERE name = 'thumper_capture_on'").get()) createTriggers(db);
  return state;
}

/** Runs `fn` (inside the caller's transaction) and returns its result with the rows it changed, before and after. */
export function captureChanges<T>(db: Db, fn: () => T): { result: T; changes: RowChange[] } {
  const state = install(db);
  if (state.active) throw new Error('edits do not nest');
  state.active = new Map();
  db.$client.prepare('INSERT INTO temp.thumper_capture_on VALUES (1)').run();
  let seen: NonNullable<CaptureState['active']>;
  let result: T;
  try {
    result = fn();
  } finally {
    db.$client.prepare('DELETE FROM temp.thumper_capture_on').run();
    seen = state.active;
    state.active = null;
  }
  const changes: RowChange[] = [];
  for (const { table, id, before } of seen.values()) {
    const after = readRow(db, table, id);
    if (!sameRow(before, after)) changes.push({ table, id, before, after });
  }
  return { result, changes };
}
