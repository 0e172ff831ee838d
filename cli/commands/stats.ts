import { libraryStats, type LibraryStats } from '../../core/queries/stats';
import { jsonOption, libraryOption, printJson, withLibrary, type Command } from '../command';
import { count, table } from '../humanText';

/** The totals as a person reads them: a two-column table. */
export function statsText(s: LibraryStats): string {
  const d = s.detections;
  const rows: [string, string][] = [
    [
      'photos',
      `${s.images.total} (${s.images.done} done, ${s.images.pending} waiting, ${s.images.failed} failed` +
        `${s.images.missing ? `, ${s.images.missing} missing their file` : ''})`,
    ],
    ['empty photos', String(s.images.empty)],
    ['cameras', String(s.cameras)],
    ['videos skipped', String(s.videosSkipped)],
    [
      'boxes',
      `${d.total} (${count(d.animal, 'animal')}, ${count(d.person, 'person')}, ${count(d.vehicle, 'vehicle')})`,
    ],
    ['visits', String(s.sequences)],
    ['individuals', String(s.individuals)],
    ['suggestions to review', String(s.suggestionsPending)],
    ['models ran on', s.provider ?? 'not yet run'],
  ];
  if (s.providerNote) rows.push(['note', s.providerNote]);
  return table(rows);
}

export const statsCommand: Command = {
  name: 'stats',
  summary: 'library totals',
  usage: 'thumper stats --library <dir> [--json]',
  options: { ...libraryOption, ...jsonOption },
  run: (args) =>
    withLibrary(args, (library) => {
      const stats = libraryStats(library.db);
      if (args.values.json) printJson(stats);
      else process.stdout.write(`${statsText(stats)}\n`);
      return 0;
    }),
};
