// The job the app runs for a card: import (unless an earlier worker finished it), then processing (detect, embed,
// match) of every photo waiting, which resumes by itself from each photo's state after a crash. A 'process' job
// (after a change of models) is the processing part alone.
import type { ImportJobSpec, ImportPassResult, WorkerJobResult } from '../../core/jobs/protocol';
import { runImportJob, type JobRun } from './importJob';
import { runProcessJob } from './processJob';

const NOTHING_IMPORTED: ImportPassResult = { scanned: 0, videos: 0, failures: [] };

export async function runCardJob(
  run: JobRun,
  spec: ImportJobSpec,
  onImported: (result: ImportPassResult) => void,
): Promise<WorkerJobResult> {
  const imported =
    spec.kind === 'process' ? NOTHING_IMPORTED : (run.recovery.imported ?? (await runImportJob(run, spec.options)));
  if (spec.kind === 'import' && !run.recovery.imported) onImported(imported);
  if (spec.options.process === false) return { ...imported, processingFailures: [] };
  return { ...imported, processingFailures: await runProcessJob(run) };
}
