import { listAllImages } from '../../core/queries/images';
import { jsonOption, libraryOption, printJson, withLibrary, type Command } from '../command';

export const imagesCommand: Command = {
  name: 'images',
  summary: 'list the photos of a library, failed files included',
  usage: 'thumper images --library <dir> [--json]',
  options: { ...libraryOption, ...jsonOption },
  run: (args) =>
    withLibrary(args, (library) => {
      const rows = listAllImages(library.db);
      if (args.values.json) printJson(rows);
      else
        for (const r of rows)
          process.stdout.write(
            `${r.id}\t${r.state}\t${r.camera ?? '-'}\t${r.takenAt ?? 'unknown time'}\t${r.path ?? r.sourcePath}${r.error ? `\t${r.error}` : ''}\n`,
          );
      return 0;
    }),
};
