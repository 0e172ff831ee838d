import { merge } from '../../core/edits';
import { jsonOption, libraryOption, waitOption, UsageError, type Command, withLibrary } from '../command';
import { parseIds, printEditResult } from '../editOutput';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge individuals into the first one given (undoable)',
  usage: 'thumper merge --library <dir> <individualId> <individualId...> [--json]',
  options: { ...libraryOption, ...jsonOption, ...waitOption },
  async run(args) {
    const [targetId, ...sourceIds] = parseIds(args.positionals, 'individuals');
    if (targetId === undefined || sourceIds.length === 0)
      throw new UsageError('give at least two individual ids: the first one keeps its name');
    return withLibrary(
      args,
      (library) => {
        printEditResult(library.db, merge(library.db, { targetId, sourceIds }), !!args.values.json);
        return 0;
      },
      { writer: 'thumper merge' },
    );
  },
};
