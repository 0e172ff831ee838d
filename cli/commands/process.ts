// `thumper process`: detect, embed and match every photo still waiting, including photos made by another detector or
// embedder than the library's settings (`thumper models use`); resumable: rerun after a stop. Runs in a supervised
// worker, as in the app (cli/supervisedJob.ts).
import { jsonOption, libraryOption, printJson, waitOption, withLibrary, type Command } from '../command';
import { describeJob, jobJson, jobOptions, parseProcessingOptions, runSupervisedJob } from '../supervisedJob';

export const processCommand: Command = {
  name: 'process',
  summary:
    'detect, embed and match photos not yet processed, or processed by another detector or embedder than the library uses',
  usage:
    'thumper process --library <dir> [--models DIR] [--provider auto|cuda|cpu] [--threads N] [--retry-failed] [--in-process] [--json]',
  options: { ...libraryOption, ...jsonOption, ...waitOption, ...jobOptions, 'retry-failed': { type: 'boolean' } },
  async run(args) {
    const options = { ...parseProcessingOptions(args), retryFailed: !!args.values['retry-failed'] };
    const outcome = await withLibrary(
      args,
      (library) => runSupervisedJob(library, args, (supervisor) => supervisor.startProcessing(options)),
      { writer: 'thumper process' },
    );
    if (args.values.json) printJson(jobJson(outcome, 'process', true));
    else process.stderr.write(describeJob(outcome, 'process'));
    return 0;
  },
};
