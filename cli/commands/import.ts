import fs from 'node:fs';
import path from 'node:path';
import { isUtcOffset, UTC_OFFSET_HINT } from '../../core/contract/utcOffset';
import { openLibrary } from '../../core/library/library';
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
import { describeJob, jobJson, jobOptions, parseProcessingOptions, runSupervisedJob } from '../supervisedJob';

export const importCommand: Command = {
  name: 'import',
  summary: 'copy photos from an SD card or folders into a library and process them',
  usage:
    'thumper import <path...> --library <dir> [--camera NAME] [--utc-offset +HH:MM] [--in-place] [--no-process] [--models DIR] [--provider auto|cuda|cpu] [--in-process] [--create] [--wait] [--json]',
  options: {
    ...libraryOption,
    ...jsonOption,
    ...waitOption,
    /** Make a library in a folder that already holds other things. */
    create: { type: 'boolean' },
    camera: { type: 'string' },
    'utc-offset': { type: 'string' },
    'in-place': { type: 'boolean' },
    /** Copy only; `thumper process` runs detection and re-identification later. */
    'no-process': { type: 'boolean' },
    ...jobOptions,
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
    const processing = parseProcessingOptions(args);
    const library = openLibrary(requireLibrary(args), { create: !!args.values.create });
    const lock = await lockForWriting(library.root, 'thumper import', args).catch((err: unknown) => {
      library.close();
      throw err;
    });
    try {
      // The app's path: a supervised, forked worker imports and then processes (unless --no-process).
      const options = {
        sources: args.positionals.map((p) => path.resolve(p)),
        camera: args.values.camera as string | undefined,
        utcOffset: utcOffset as string | undefined,
        inPlace: !!args.values['in-place'],
        process: !args.values['no-process'],
      };
      const outcome = await runSupervisedJob(library, args, (supervisor) =>
        supervisor.startImport(options, processing),
      );
      if (args.values.json) printJson(jobJson(outcome, 'import', !args.values['no-process']));
      else process.stderr.write(describeJob(outcome, 'import'));
      return 0;
    } finally {
      await lock.release();
      library.close();
    }
  },
};
