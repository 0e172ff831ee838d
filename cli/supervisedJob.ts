// `thumper import` and `thumper process` run the way the app runs them: a Supervisor starts a forked worker
// (dist/worker/main.js), so a photo that crashes the worker is isolated, retried alone and recorded as failed with
// the reason, and the job goes on. `--in-process` runs the same job code in this process instead, for benchmarks
// and debugging only: no crash isolation.
import { forkLauncher } from '../core/jobs/launcher';
import type { ProcessingOptions } from '../core/jobs/protocol';
import { Supervisor, type JobFinished, type JobSummary } from '../core/jobs/supervisor';
import type { Library } from '../core/library/library';
import { getSettings } from '../core/library/settings';
import { inProcessLauncher } from '../worker/inProcessLauncher';
import { UsageError, type Options, type ParsedArgs } from './command';
import { progressPrinter } from './progressLine';
import { humanDuration } from '../core/contract/humanDuration';
import { count } from './humanText';

export const jobOptions = {
  models: { type: 'string' },
  provider: { type: 'string' },
  threads: { type: 'string' },
  /** Benchmarks and debugging: run the worker's code in this process (a crash ends the command). */
  'in-process': { type: 'boolean' },
} as const satisfies Options;

/** The processing options shared by `process`, `import` and `models use`. */
export function parseProcessingOptions(args: ParsedArgs): ProcessingOptions {
  const provider = args.values.provider;
  if (provider !== undefined && provider !== 'auto' && provider !== 'cuda' && provider !== 'cpu') {
    throw new UsageError(`--provider must be auto, cuda or cpu, not "${String(provider)}"`);
  }
  const threads = args.values.threads === undefined ? undefined : Number(args.values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0))
    throw new UsageError('--threads must be a positive integer');
  return { models: (args.values.models as string | undefined) ?? null, provider, threads };
}

export interface JobOutcome {
  summary: JobSummary;
  /** Where the models ran ("cpu", "cuda"), when the job loaded any. */
  provider: string | null;
  /** The library's detector, which processing ran. */
  detector: string;
  /** Why each worker restart happened (a crash the job survived). */
  restarts: string[];
}

/** Runs the job `start` begins, with a progress line on stderr; Ctrl-C cancels it, keeping what is done. */
export async function runSupervisedJob(
  library: Library,
  args: ParsedArgs,
  start: (supervisor: Supervisor) => number,
): Promise<JobOutcome> {
  const launcher = args.values['in-process'] ? inProcessLauncher : forkLauncher();
  const supervisor = new Supervisor({ launcher, library });
  const printer = progressPrinter();
  let provider: string | null = null;
  const restarts: string[] = [];
  supervisor.on('progress', (p) => {
    provider = p.provider ?? provider;
    printer.update(p);
  });
  supervisor.on('workerRestarted', (e) => {
    restarts.push(e.reason);
    printer.end();
    process.stderr.write(`${e.reason}: started a new worker, the job goes on\n`);
  });
  const finished = new Promise<JobFinished>((resolve) => supervisor.on('finished', resolve));
  const jobId = start(supervisor);
  const onSignal = () => supervisor.cancel(jobId);
  process.once('SIGINT', onSignal);
  try {
    const end = await finished;
    // Errors are one line on the command line; a worker's reason may span several (each missing model and how to
    // get it), joined so none is lost.
    if (end.status === 'failed') throw new Error((end.error ?? 'the job failed').split(/\n\s*/).join(' '));
    if (end.status === 'cancelled') throw new Error('cancelled: what was done is kept; run the command again to go on');
    return { summary: end.summary, provider, detector: getSettings(library.db).detector, restarts };
  } finally {
    process.off('SIGINT', onSignal);
    printer.end();
    supervisor.dispose();
  }
}

/** What `--json` prints: the job's summary, and for an import what its processing did. */
export function jobJson({ summary, provider, detector }: JobOutcome, kind: 'import' | 'process', processed: boolean) {
  const processing = { processed: summary.processed, failed: summary.failed, provider, detector };
  return kind === 'process'
    ? { ...summary, provider, detector }
    : { ...summary, processing: processed ? processing : null };
}

/** The lines `import` and `process` end with. */
export function describeJob(
  { summary: s, provider, detector, restarts }: JobOutcome,
  kind: 'import' | 'process',
): string {
  const took = humanDuration(s.elapsedMs / 1000);
  const lines = [
    kind === 'import'
      ? `imported ${count(s.imported, 'photo')} and ${count(s.videos, 'clip')} (${s.duplicates} already in the library, ${s.failed} failed), processed ${s.processed}, in ${took}`
      : `processed ${count(s.processed, 'photo')}, ${s.failed} failed (${detector}${provider ? ` on ${provider}` : ''}), in ${took}`,
  ];
  if (restarts.length > 0) lines.push(`  the worker was restarted ${count(restarts.length, 'time')} after a crash`);
  for (const f of s.failures) lines.push(`  failed: ${f.file}: ${f.reason}`);
  return `${lines.join('\n')}\n`;
}
