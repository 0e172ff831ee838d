import { openLibrary } from '../../library/library';
import { libraryStats } from '../../queries/stats';
import { jsonOption, libraryOption, printJson, requireLibrary, type Command } from '../command';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'library totals',
  usage: 'thumper stats --library <dir> [--json]',
  options: { ...libraryOption, ...jsonOption },
  async run(args) {
    const library = openLibrary(requireLibrary(args));
    try {
      const stats = libraryStats(library.db);
      if (args.values.json) printJson(stats);
      else process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
      return 0;
    } finally {
      library.close();
    }
  },
};
