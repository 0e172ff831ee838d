// What the edit commands (merge, split, review, undo, redo) print: the journal entry and every individual the edit
// changed, as the gallery would show it now (merged ones with their target, deleted ones marked so).
import { eq } from 'drizzle-orm';
import type { Db } from '../core/db/open';
import { individuals } from '../core/db/schema';
import type { EditResult } from '../core/edits';
import { individualSummaries } from '../core/queries/individuals';
import { printJson, UsageError } from './command';
import { editText } from './editText';

export function editOutput(db: Db, result: EditResult) {
  const summaries = individualSummaries(db, result.individualIds);
  const mergedInto = (id: number) =>
    db.select({ m: individuals.mergedInto }).from(individuals).where(eq(individuals.id, id)).get()?.m ?? null;
  const changed = result.individualIds.map((id) => {
    const s = summaries.get(id);
    if (!s) return { id, deleted: true };
    return { ...s, mergedInto: mergedInto(id) };
  });
  return { journalId: result.journalId, canUndo: result.canUndo, canRedo: result.canRedo, individuals: changed };
}

export function printEditResult(db: Db, result: EditResult, json: boolean): void {
  const out = editOutput(db, result);
  if (json) {
    printJson(out);
    return;
  }
  process.stdout.write(`${editText(out)}\n`);
}

/** Parses "12" or "12,13,14" (positive integer ids); `what` names them in the error. */
export function parseIds(values: readonly string[], what: string): number[] {
  const ids = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  for (const v of ids)
    if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`${what} must be positive integer ids, not "${v}"`);
  return ids.map(Number);
}
