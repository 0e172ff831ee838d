import { listAllImages, type ImageRecord } from '../../core/queries/images';
import { jsonOption, libraryOption, printJson, withLibrary, type Command } from '../command';
import { count, listTable, when } from '../humanText';

/** One row per file: where it is, its camera and time, and why it failed when it did. */
export function imagesText(rows: readonly ImageRecord[]): string {
  const failed = rows.filter((r) => r.state === 'failed').length;
  const body = listTable(
    ['file', 'camera', 'taken', 'state', 'reason'],
    rows.map((r) => [r.path ?? r.sourcePath, r.camera ?? '-', when(r.takenAt), r.state, r.error ?? '']),
    'no photos yet',
  );
  return rows.length === 0 ? body : `${body}\n${count(rows.length, 'file')}, ${failed} failed`;
}

export const imagesCommand: Command = {
  name: 'images',
  summary: 'list the photos of a library, failed files included',
  usage: 'thumper images --library <dir> [--json]',
  options: { ...libraryOption, ...jsonOption },
  run: (args) =>
    withLibrary(args, (library) => {
      const rows = listAllImages(library.db);
      if (args.values.json) printJson(rows);
      else process.stdout.write(`${imagesText(rows)}\n`);
      return 0;
    }),
};
