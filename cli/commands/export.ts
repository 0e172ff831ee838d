// `thumper export --format <format> --out <file>`: one command, one entry per format in EXPORT_FORMATS.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Library } from '../../core/library/library';
import { megadetectorExport, megadetectorJson } from '../../core/exports/megadetector';
import { count } from '../humanText';
import {
  jsonOption,
  libraryOption,
  printJson,
  UsageError,
  withLibrary,
  type Command,
  type ParsedArgs,
} from '../command';
import { INTEROP_FORMATS, interopExportOptions } from './exportInterop';

export interface ExportFormat {
  /** Writes the export to `out` and returns a one-line summary for the terminal. */
  write(library: Library, out: string, args?: ParsedArgs): Promise<string>;
}

export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  megadetector: {
    async write(library, out) {
      const md = megadetectorExport(library);
      await fs.writeFile(out, megadetectorJson(md));
      const failed = md.images.filter((i) => i.failure).length;
      return `${count(md.images.length, 'photo')} (${failed} failed), file paths relative to ${library.photosDir}`;
    },
  },
  ...INTEROP_FORMATS,
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'export detections and individuals to other tools (MegaDetector JSON, ...)',
  usage: `thumper export --library <dir> --format ${Object.keys(EXPORT_FORMATS).join('|')} --out <file or folder> [--utc-offset +HH:MM] [--coordinates LAT,LON] [--species NAME] [--contributor NAME] [--title TEXT] [--json]`,
  options: {
    ...libraryOption,
    ...jsonOption,
    ...interopExportOptions,
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
  },
  async run(args) {
    const name = args.values.format;
    const out = args.values.out;
    const format = typeof name === 'string' ? EXPORT_FORMATS[name] : undefined;
    if (!format) throw new UsageError(`--format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
    if (typeof out !== 'string' || out === '') throw new UsageError('--out <file> is required');
    const line = await withLibrary(args, (library) => format.write(library, path.resolve(out), args));
    if (args.values.json) printJson({ format: name, out: path.resolve(out), summary: line });
    else process.stderr.write(`wrote ${out}: ${line}\n`);
    return 0;
  },
};
