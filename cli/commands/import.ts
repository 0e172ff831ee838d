import fs from 'node:fs';
import path from 'node:path';
import { isUtcOffset, UTC_OFFSET_HINT } from '../../core/contract/utcOffset';
import { JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import { openLibrary } from '../../core/library/library';
import { importPhotos } from '../../worker/import/importPhotos';
import {
  jsonOption,
  libraryOption,
  lockForWriting,
  printJson,
  requireLibrary,
  UsageError,
  waitOption,
  type Command,
} from '../command';
import { progressPrinter } from '../progressLine';
import { describeProcessing, parseProcessOptions, processOptions, runProcessing } from './process';

export const importCommand: Command = {
  name: 'import',
  summary: 'copy photos from an SD card or folders into a library and process them',
  usage:
    'thumper import <path...> --library <dir> [--camera NAME] [--utc-offset +HH:MM] [--in-place] [--no-process] [--models DIR] [--provider auto|cuda|cpu] [--wait] [--json]',
  options: {
    ...libraryOption,
    ...jsonOption,
    ...waitOption,
    camera: { type: 'string' },
    'utc-offset': { type: 'string' },
    'in-place': { type: 'boolean' },
    /** Copy only; `thumper process` runs detection and re-identification later. */
    'no-process': { type: 'boolean' },
    ...processOptions,
  },
  async run(args) {
    if (args.positionals.length === 0) throw new UsageError('give at least one folder or file to import');
    const utcOffset = args.values['utc-offset'];
    if (typeof utcOffset === 'string' && !isUtcOffset(utcOffset)) {
      throw new UsageError(`--utc-offset: ${UTC_OFFSET_HINT}, not "${utcOffset}"`);
    }
    const missing = args.positionals.filter((p) => !fs.existsSync(p));
    if (missing.length > 0)
      throw new Error(`no such file or folder: ${missing.map((p) => path.resolve(p)).join(', ')}`);
    const processing = args.values['no-process'] ? null : parseProcessOptions(args);
    const library = openLibrary(requireLibrary(args), { create: true });
    const lock = await lockForWriting(library.root, 'thumper import', args).catch((err: unknown) => {
      library.close();
      throw err;
    });
    const printer = progressPrinter();
    const control = new JobControl();
    const onSignal = () => control.cancel();
    process.once('SIGINT', onSignal);
    try {
      const tracker = new ProgressTracker(0, (p) => printer.update(p));
      const summary = await importPhotos(
        library,
        {
          sources: args.positionals,
          camera: args.values.camera as string | undefined,
          utcOffset: utcOffset as string | undefined,
          inPlace: !!args.values['in-place'],
        },
        tracker,
        control,
      );
      printer.end();
      const processed = processing ? await runProcessing(library, processing) : null;
      if (args.values.json) printJson(processed ? { ...summary, processing: processed } : summary);
      else {
        process.stderr.write(
          `imported ${summary.imported}, duplicates ${summary.duplicates}, failed ${summary.failed}, videos skipped ${summary.videos} (${(summary.elapsedMs / 1000).toFixed(1)} s)\n`,
        );
        for (const f of summary.failures) process.stderr.write(`  failed: ${f.file}: ${f.reason}\n`);
        for (const f of summary.skipped) process.stderr.write(`  skipped: ${f.file}: ${f.reason}\n`);
        if (processed) process.stderr.write(describeProcessing(processed));
      }
      return 0;
    } finally {
      process.off('SIGINT', onSignal);
      await lock.release();
      library.close();
    }
  },
};
