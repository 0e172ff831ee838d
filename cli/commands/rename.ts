// `thumper rename <individualId> <name>`: a new display name (journalled, undoable). Exports keep identifying the
// individual by its id, so a rename changes no individualID.
import { rename } from '../../core/edits';
import { jsonOption, libraryOption, UsageError, waitOption, withLibrary, type Command } from '../command';
import { parseIds, printEditResult } from '../editOutput';

export const renameCommand: Command = {
  name: 'rename',
  summary: 'rename an individual (undoable; its id, and so its ID in exports, stays)',
  usage: 'thumper rename --library <dir> <individualId> <name> [--json]',
  options: { ...libraryOption, ...jsonOption, ...waitOption },
  async run(args) {
    const [idText, ...words] = args.positionals;
    const [individualId] = parseIds(idText === undefined ? [] : [idText], 'individuals');
    const name = words.join(' ').trim();
    if (individualId === undefined || name === '') throw new UsageError('give an individual id and the new name');
    return withLibrary(
      args,
      (library) => {
        printEditResult(library.db, rename(library.db, { individualId, name }), !!args.values.json);
        return 0;
      },
      { writer: 'thumper rename' },
    );
  },
};
