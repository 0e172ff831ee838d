import { importMegadetector } from '../../core/interop/megadetectorImport';
import { count } from '../humanText';
import { jsonOption, libraryOption, printJson, waitOption, UsageError, withLibrary, type Command } from '../command';

export const importDetectionsCommand: Command = {
  name: 'import-detections',
  summary:
    'use the boxes of a MegaDetector JSON file for photos already in the library instead of running the detector',
  usage:
    'thumper import-detections <results.json> --root <folder MegaDetector ran on> --library <dir> [--threshold 0.1] [--json]',
  options: { ...libraryOption, ...jsonOption, ...waitOption, root: { type: 'string' }, threshold: { type: 'string' } },
  async run(args) {
    const [file] = args.positionals;
    if (!file) throw new UsageError('give the MegaDetector JSON file to import');
    const root = args.values.root;
    if (typeof root !== 'string')
      throw new UsageError("--root <dir> is required: the folder the file's paths are relative to");
    const threshold = args.values.threshold === undefined ? undefined : Number(args.values.threshold);
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
      throw new UsageError('--threshold must be a number between 0 and 1');
    const summary = await withLibrary(args, (library) => importMegadetector(library, file, { root, threshold }), {
      writer: 'thumper import-detections',
    });
    if (args.values.json) printJson(summary);
    else {
      process.stderr.write(
        `${count(summary.photos, 'photo')} got ${count(summary.detections, 'box', 'boxes')} (confidence >= ${summary.threshold}) from ${count(summary.entries, 'entry', 'entries')}; ` +
          `${summary.unmatched.length} not in the library, ${summary.failures.length} failed in MegaDetector\n`,
      );
      for (const f of summary.unmatched.slice(0, 10)) process.stderr.write(`  not in the library: ${f}\n`);
      if (summary.unmatched.length > 10) process.stderr.write(`  ... and ${summary.unmatched.length - 10} more\n`);
    }
    return summary.photos === 0 && summary.entries > 0 ? 1 : 0;
  },
};
