// `thumper process`: detect, embed and match every photo still waiting, including photos made by another detector or
// embedder than the library's settings (`thumper models use`); resumable: rerun after a stop.
import { JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import type { Library } from '../../core/library/library';
import { processImages, type ProcessOptions, type ProcessSummary } from '../../worker/pipeline/processImages';
import {
  jsonOption,
  libraryOption,
  printJson,
  UsageError,
  waitOption,
  withLibrary,
  type Command,
  type Options,
  type ParsedArgs,
} from '../command';
import { progressPrinter } from '../progressLine';

export const processOptions = {
  models: { type: 'string' },
  provider: { type: 'string' },
  threads: { type: 'string' },
} as const satisfies Options;

/** The processing options shared by `process` and `import`. */
export function parseProcessOptions(args: ParsedArgs): ProcessOptions {
  const provider = args.values.provider;
  if (provider !== undefined && provider !== 'auto' && provider !== 'cuda' && provider !== 'cpu') {
    throw new UsageError(`--provider must be auto, cuda or cpu, not "${String(provider)}"`);
  }
  const threads = args.values.threads === undefined ? undefined : Number(args.values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0))
    throw new UsageError('--threads must be a positive integer');
  return { models: (args.values.models as string | undefined) ?? null, provider, threads };
}

/** Runs processing with a progress line on stderr; Ctrl-C stops after the current photos, keeping what is done. */
export async function runProcessing(
  library: Library,
  options: ProcessOptions,
  tracker?: ProgressTracker,
): Promise<ProcessSummary> {
  const printer = progressPrinter();
  const control = new JobControl();
  const onSignal = () => control.cancel();
  process.once('SIGINT', onSignal);
  try {
    return await processImages(library, options, tracker ?? new ProgressTracker(0, (p) => printer.update(p)), control);
  } finally {
    process.off('SIGINT', onSignal);
    printer.end();
  }
}

export function describeProcessing(s: ProcessSummary): string {
  const d = s.detections;
  const lines = [
    `processed ${s.processed}, failed ${s.failed}, empty ${s.empty}; boxes: ${d.animal} animal, ${d.person} person, ${d.vehicle} vehicle ` +
      `(${s.detector} on ${s.provider ?? 'no model loaded'}, ${(s.elapsedMs / 1000).toFixed(1)} s)`,
  ];
  if (s.providerNote) lines.push(`  note: ${s.providerNote}`);
  for (const f of s.failures) lines.push(`  failed: ${f.file}: ${f.reason}`);
  return `${lines.join('\n')}\n`;
}

export const processCommand: Command = {
  name: 'process',
  summary:
    'detect, embed and match photos not yet processed, or processed by another detector or embedder than the library uses',
  usage:
    'thumper process --library <dir> [--models DIR] [--provider auto|cuda|cpu] [--threads N] [--retry-failed] [--json]',
  options: { ...libraryOption, ...jsonOption, ...waitOption, ...processOptions, 'retry-failed': { type: 'boolean' } },
  async run(args) {
    const options = { ...parseProcessOptions(args), retryFailed: !!args.values['retry-failed'] };
    const summary = await withLibrary(args, (library) => runProcessing(library, options), {
      writer: 'thumper process',
    });
    if (args.values.json) printJson(summary);
    else process.stderr.write(describeProcessing(summary));
    return 0;
  },
};
