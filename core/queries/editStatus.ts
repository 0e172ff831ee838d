// What the header Undo needs to know without making an edit: can anything be undone or redone, and what kind of edit
// ("review:accept", "rename", …) an undo would take back next.
import type { Db } from '../db/open';
import { editStatus } from '../edits';

export interface EditStatus {
  canUndo: boolean;
  canRedo: boolean;
  undoKind: string | null;
}

export function currentEditStatus(db: Db): EditStatus {
  const next = db.$client.prepare('SELECT kind FROM edit_journal WHERE NOT undone ORDER BY id DESC LIMIT 1').get() as
    { kind: string } | undefined;
  return { ...editStatus(db), undoKind: next?.kind ?? null };
}
