// The exports part of the API: the same writers as `thumper export`, run as a host task with progress events.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type ParsedArgs } from '../contract';
import { exportCamtrapDp } from '../exports/camtrapDp';
import { exportCsv } from '../exports/csv';
import { megadetectorExport, megadetectorJson } from '../exports/megadetector';
import type { ExportProgress } from '../exports/progress';
import type { Library } from '../library/library';
import type { Handlers } from './dispatch';
import type { ReportProgress, TaskRunner } from './tasks';

type Args = ParsedArgs<'exports.run'>;

async function runExport(library: Library, a: Args, report: ReportProgress): Promise<string> {
  const onProgress = (p: ExportProgress) => report(p.step, p.done, p.total);
  switch (a.format) {
    case 'camtrap-dp': {
      const { format: _, out, ...options } = a;
      const s = await exportCamtrapDp(library, out, { ...options, onProgress });
      return `Camtrap DP package in ${s.dir}: ${s.deployments} deployments, ${s.media} media, ${s.observations} observations, ${s.skipped.length} photos left out`;
    }
    case 'csv': {
      const s = await exportCsv(library, a.out, onProgress);
      return `${s.sightings} sightings in ${s.sightingsFile}, ${s.photos} photos in ${s.photosFile}`;
    }
    case 'megadetector': {
      report('photos', 0, 1);
      const md = megadetectorExport(library);
      await fs.mkdir(path.dirname(a.out), { recursive: true });
      await fs.writeFile(a.out, megadetectorJson(md));
      report('photos', 1, 1);
      return `${md.images.length} photos in ${a.out}`;
    }
  }
}

export function exportHandlers(library: Library, tasks: TaskRunner): Pick<Handlers, 'exports.run'> {
  return {
    'exports.run': (a) => {
      if (!path.isAbsolute(a.out))
        throw new ApiError('invalid_args', `the export destination must be an absolute path, not "${a.out}"`);
      return { taskId: tasks.start('export', (report) => runExport(library, a, report)) };
    },
  };
}
