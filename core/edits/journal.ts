// The edit journal: every edit is one transaction whose changed rows are stored with their before and after images,
// so undo writes the befores back and redo the afters. Undo and redo refuse (rather than clobber) when the rows
// changed since, e.g. the pipeline re-tracked that sequence in between.
import { asc, desc, eq, not, sql, type SQL } from 'drizzle-orm';
import { inTransaction, type Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { editJournal } from '../db/schema';
import { IndividualsError } from '../individuals/errors';
import { getSetting } from '../library/settings';
import { syncIndividualVectors } from '../reid/maintain';
import { captureChanges, type RowChange } from './capture';
import { describeConflict, rebuiltByPipeline } from './conflicts';
import { readRow, rowDelta, rowHolds, writeRow, type JournalledTable, type StoredRow } from './rows';

/** What every edit, undo and redo returns (the contract's EditResult). */
export interface EditResult {
  /** The journal entry, or null when nothing changed (or there was nothing to undo/redo). */
  journalId: number | null;
  /** Individuals whose data changed; for a split, the one that received the detections comes first. */
  individualIds: number[];
  canUndo: boolean;
  canRedo: boolean;
}

/** An undo or redo that would overwrite changes made since the edit. */
export class EditConflictError extends IndividualsError {}

interface JournalRows {
  rows: { table: JournalledTable; id: number; row: StoredRow | null }[];
}
interface Forward extends JournalRows {
  args: unknown;
  individualIds: number[];
}

// Prepared once per connection: every edit, undo and redo reports it.
const statusStatement = preparedOnce((db) =>
  db
    .select({
      canUndo: sql<number>`coalesce(max(NOT ${editJournal.undone}), 0)`,
      canRedo: sql<number>`coalesce(max(${editJournal.undone}), 0)`,
    })
    .from(editJournal)
    .prepare(),
);

export function editStatus(db: Db): Pick<EditResult, 'canUndo' | 'canRedo'> {
  const r = statusStatement(db).get();
  return { canUndo: r?.canUndo === 1, canRedo: r?.canRedo === 1 };
}

/** Individuals whose rows changed or whose tracklets came or went, in id order (or with `first` leading). */
function touchedIndividuals(changes: readonly RowChange[], first: readonly number[]): number[] {
  const ids = new Set<number>();
  for (const c of changes) {
    if (c.table === 'individuals') ids.add(c.id);
    if (c.table === 'tracklets') {
      for (const row of [c.before, c.after])
        if (row && typeof row.individual_id === 'number') ids.add(row.individual_id);
    }
  }
  const rest = [...ids].filter((id) => !first.includes(id)).sort((a, b) => a - b);
  return [...first.filter((id) => ids.has(id)), ...rest];
}

/**
 * Runs one edit in one transaction: `fn` makes the change (upkeep included) and returns the individuals to list
 * first; every row it changed is journalled. An edit that changed something ends the redo chain.
 */
export function runEdit(db: Db, kind: string, args: unknown, fn: () => number[]): EditResult {
  return inTransaction(db, () => {
    const { result: first, changes } = captureChanges(db, fn);
    const individualIds = touchedIndividuals(changes, first);
    if (changes.length === 0) return { journalId: null, individualIds, ...editStatus(db) };
    db.delete(editJournal).where(eq(editJournal.undone, true)).run();
    const deltas = changes.map((c) => ({ table: c.table, id: c.id, delta: rowDelta(c.before, c.after) }));
    const forward: Forward = {
      args,
      individualIds,
      rows: deltas.map((d) => ({ table: d.table, id: d.id, row: d.delta[1] })),
    };
    const inverse: JournalRows = { rows: deltas.map((d) => ({ table: d.table, id: d.id, row: d.delta[0] })) };
    const { id } = db.insert(editJournal).values({ kind, forward, inverse }).returning({ id: editJournal.id }).get();
    return { journalId: id, individualIds, ...editStatus(db) };
  });
}

type Entry = typeof editJournal.$inferSelect;

/** Writes `to` over rows that must currently hold `from`; returns the individuals touched. */
function replay(db: Db, entry: Entry, from: JournalRows, to: JournalRows, verb: 'undo' | 'redo'): number[] {
  const key = (r: { table: string; id: number }) => `${r.table}:${r.id}`;
  const expected = new Map(from.rows.map((r) => [key(r), r.row]));
  // Rows the pipeline rebuilt since (suggestions after a later import) are left as they are now.
  const rows = to.rows.filter((r) => {
    const current = readRow(db, r.table, r.id);
    if (rowHolds(current, expected.get(key(r)) ?? null)) return true;
    if (rebuiltByPipeline(r.table)) return false;
    throw new EditConflictError(describeConflict(entry.kind, verb, r.table, current, expected.get(key(r)) ?? null));
  });
  if (rows.length === 0 && to.rows.length > 0) {
    const r = to.rows[0]!;
    const current = readRow(db, r.table, r.id);
    throw new EditConflictError(describeConflict(entry.kind, verb, r.table, current, expected.get(key(r)) ?? null));
  }
  for (const r of rows) writeRow(db, r.table, r.id, r.row);
  const changes = rows.map((r) => ({
    table: r.table,
    id: r.id,
    before: expected.get(key(r)) ?? null,
    after: r.row,
  }));
  const individualIds = touchedIndividuals(changes, []);
  syncIndividualVectors(db, getSetting(db, 'embedder'), individualIds);
  return individualIds;
}

const latest = (where: SQL, order: SQL) =>
  preparedOnce((db) => db.select().from(editJournal).where(where).orderBy(order).limit(1).prepare());

const LATEST = {
  undo: latest(not(editJournal.undone), desc(editJournal.id)),
  // Undone entries form the tail of the journal: redo takes the earliest of them.
  redo: latest(eq(editJournal.undone, true), asc(editJournal.id)),
};

function step(db: Db, verb: 'undo' | 'redo'): EditResult {
  return inTransaction(db, () => {
    const entry = LATEST[verb](db).get();
    if (!entry) return { journalId: null, individualIds: [], ...editStatus(db) };
    // The journal's own JSON, written by runEdit above.
    const forward = entry.forward as Forward;
    const inverse = entry.inverse as JournalRows;
    const individualIds =
      verb === 'undo' ? replay(db, entry, forward, inverse, verb) : replay(db, entry, inverse, forward, verb);
    db.update(editJournal)
      .set({ undone: verb === 'undo' })
      .where(eq(editJournal.id, entry.id))
      .run();
    return { journalId: entry.id, individualIds, ...editStatus(db) };
  });
}

/** Undoes the latest edit not yet undone. */
export const undo = (db: Db): EditResult => step(db, 'undo');

/** Redoes the latest undone edit. */
export const redo = (db: Db): EditResult => step(db, 'redo');
