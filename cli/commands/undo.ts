import type { Db } from '../../core/db/open';
import { redo, undo, type EditResult } from '../../core/edits';
import { jsonOption, libraryOption, waitOption, withLibrary, type Command } from '../command';
import { printEditResult } from '../editOutput';

function journalCommand(name: 'undo' | 'redo', summary: string, action: (db: Db) => EditResult): Command {
  return {
    name,
    summary,
    usage: `thumper ${name} --library <dir> [--json]`,
    options: { ...libraryOption, ...jsonOption, ...waitOption },
    run: (args) =>
      withLibrary(
        args,
        (library) => {
          printEditResult(library.db, action(library.db), !!args.values.json);
          return 0;
        },
        { writer: `thumper ${name}` },
      ),
  };
}

export const undoCommand = journalCommand('undo', 'undo the latest edit (merge, split, review, correction ...)', undo);
export const redoCommand = journalCommand('redo', 'redo the latest undone edit', redo);
