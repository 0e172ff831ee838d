import { openLibrary } from '../../library/library';
import { listPendingSuggestions } from '../../reid/listings';
import { jsonOption, libraryOption, printJson, requireLibrary, type Command } from '../command';

export const suggestionsCommand: Command = {
  name: 'suggestions',
  summary: 'list the pending "same animal?" suggestions, most likely first',
  usage: 'thumper suggestions --library <dir> [--json]',
  options: { ...libraryOption, ...jsonOption },
  async run(args) {
    const library = openLibrary(requireLibrary(args));
    try {
      const rows = listPendingSuggestions(library.db);
      if (args.values.json) printJson(rows);
      else {
        for (const s of rows) {
          const when = s.timeGapSeconds === null ? 'time unknown' : `${Math.round(s.timeGapSeconds)} s apart`;
          process.stdout.write(
            `${s.id}\t${s.individual} ~ ${s.candidate}\tscore ${s.score.toFixed(3)} (rank ${s.rank})\tappearance ${s.appearance.toFixed(3)}, ${when}, ${s.sameCamera ? 'same camera' : 'other camera'}\n`,
          );
        }
      }
      return 0;
    } finally {
      library.close();
    }
  },
};
