import { openLibrary } from '../../library/library';
import { listSequences } from '../../reid/listings';
import { jsonOption, libraryOption, printJson, requireLibrary, type Command } from '../command';

export const sequencesCommand: Command = {
  name: 'sequences',
  summary: 'list the sequences (visits at one camera) and their photos',
  usage: 'thumper sequences --library <dir> [--json]',
  options: { ...libraryOption, ...jsonOption },
  async run(args) {
    const library = openLibrary(requireLibrary(args));
    try {
      const rows = listSequences(library.db);
      if (args.values.json) printJson(rows);
      else for (const s of rows) process.stdout.write(`${s.id}\t${s.camera ?? '-'}\t${s.start ?? 'unknown time'}\t${s.end ?? ''}\t${s.photos.length} photos\n`);
      return 0;
    } finally {
      library.close();
    }
  },
};
