import { review, type Decision } from '../../core/edits';
import { jsonOption, libraryOption, waitOption, UsageError, type Command, withLibrary } from '../command';
import { parseIds, printEditResult } from '../editOutput';

const DECISIONS: readonly Decision[] = ['accept', 'reject', 'skip'];

export const reviewCommand: Command = {
  name: 'review',
  summary: 'decide a "same deer?" suggestion: accept merges the pair (undoable)',
  usage: 'thumper review --library <dir> <suggestionId> accept|reject|skip [--json]',
  options: { ...libraryOption, ...jsonOption, ...waitOption },
  async run(args) {
    const [id, decision, ...rest] = args.positionals;
    if (id === undefined || decision === undefined || rest.length > 0)
      throw new UsageError('give a suggestion id and accept, reject or skip');
    if (!DECISIONS.includes(decision as Decision))
      throw new UsageError(`the decision must be accept, reject or skip, not "${decision}"`);
    const [suggestionId] = parseIds([id], 'the suggestion');
    return withLibrary(
      args,
      (library) => {
        printEditResult(
          library.db,
          review(library.db, { suggestionId: suggestionId!, decision: decision as Decision }),
          !!args.values.json,
        );
        return 0;
      },
      { writer: 'thumper review' },
    );
  },
};
