// What the header Undo needs to know without making an edit: can anything be undone or redone, and what kind of edit
// ("review:accept", "rename", …) an undo would take back next.
import { desc, not } from 'drizzle-orm';
import type { Db } from '../db/open';
import { editJournal } from '../db/schema';
import { editStatus } from '../edits';

export interface EditStatus {
  canUndo: boolean;
  canRedo: boolean;
  undoKind: string | null;
}

export function currentEditStatus(db: Db): EditStatus {
  const next = db
    .select({ kind: editJournal.kind })
    .from(editJournal)
    .where(not(editJournal.undone))
    .orderBy(desc(editJournal.id))
    .limit(1)
    .get();
  return { ...editStatus(db), undoKind: next?.kind ?? null };
}
