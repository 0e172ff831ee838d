// The interop formats of `thumper export`: Camtrap DP packages and CSV tables, both written into a folder.
import { exportCamtrapDp } from '../../core/exports/camtrapDp';
import { exportCsv } from '../../core/exports/csv';
import type { Options, ParsedArgs } from '../command';
import { count } from '../humanText';
import type { ExportFormat } from './export';

export const interopExportOptions = {
  'utc-offset': { type: 'string' },
  coordinates: { type: 'string' },
  species: { type: 'string' },
  contributor: { type: 'string' },
  title: { type: 'string' },
} as const satisfies Options;

const text = (args: ParsedArgs | undefined, name: keyof typeof interopExportOptions) => {
  const value = args?.values[name];
  return typeof value === 'string' ? value : undefined;
};

export const INTEROP_FORMATS: Record<string, ExportFormat> = {
  'camtrap-dp': {
    async write(library, out, args) {
      const summary = await exportCamtrapDp(library, out, {
        utcOffset: text(args, 'utc-offset'),
        coordinates: text(args, 'coordinates'),
        species: text(args, 'species'),
        contributor: text(args, 'contributor'),
        title: text(args, 'title'),
      });
      const skipped =
        summary.skipped.length > 0
          ? `; ${count(summary.skipped.length, 'photo')} left out (no time, camera or file)`
          : '';
      return `Camtrap DP package: ${count(summary.deployments, 'deployment')}, ${summary.media} media, ${count(summary.observations, 'observation')}${skipped}`;
    },
  },
  csv: {
    async write(library, out) {
      const summary = await exportCsv(library, out);
      return `${count(summary.sightings, 'sighting')} in sightings.csv, ${count(summary.photos, 'photo')} in photos.csv`;
    },
  },
};
