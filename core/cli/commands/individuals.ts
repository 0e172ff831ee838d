import { openLibrary } from '../../library/library';
import { listIndividuals } from '../../reid/listings';
import { jsonOption, libraryOption, printJson, requireLibrary, type Command } from '../command';

export const individualsCommand: Command = {
  name: 'individuals',
  summary: 'list the individual animals with their sightings',
  usage: 'thumper individuals --library <dir> [--json]',
  options: { ...libraryOption, ...jsonOption },
  async run(args) {
    const library = openLibrary(requireLibrary(args));
    try {
      const rows = listIndividuals(library.db);
      if (args.values.json) printJson(rows);
      else {
        for (const i of rows) {
          process.stdout.write(`${i.id}\t${i.name}\t${i.detections} sightings\t${i.firstSeen ?? '-'} .. ${i.lastSeen ?? '-'}\t${i.cameras.join(', ')}\n`);
        }
      }
      return 0;
    } finally {
      library.close();
    }
  },
};
