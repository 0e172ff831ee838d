import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rename, undo } from '../edits';
import { openLibrary } from '../library/library';
import { currentEditStatus } from './editStatus';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-edit-status-'));
const library = openLibrary(path.join(work, 'lib'), { create: true });
afterAll(() => {
  library.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('edit status', () => {
  it('says whether the journal holds an edit to undo, and of which kind', () => {
    const db = library.db;
    expect(currentEditStatus(db)).toEqual({ canUndo: false, canRedo: false, undoKind: null });
    const id = Number(
      db.$client.prepare(`INSERT INTO individuals (name, category) VALUES ('Deer A', 'animal')`).run().lastInsertRowid,
    );
    rename(db, { individualId: id, name: 'Old Doe' });
    expect(currentEditStatus(db)).toEqual({ canUndo: true, canRedo: false, undoKind: 'rename' });
    undo(db);
    expect(currentEditStatus(db)).toEqual({ canUndo: false, canRedo: true, undoKind: null });
  });
});
