import { libraryStats } from '../../core/queries/stats';
import { jsonOption, libraryOption, printJson, withLibrary, type Command } from '../command';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'library totals',
  usage: 'thumper stats --library <dir> [--json]',
  options: { ...libraryOption, ...jsonOption },
  run: (args) =>
    withLibrary(args, (library) => {
      printJson(libraryStats(library.db));
      return 0;
    }),
};
