// The job the app runs for a card: import (unless an earlier worker finished it), then processing (detect, embed,
// match) of every photo waiting, which resumes by itself from each photo's state after a crash.
import type { ImportJobOptions, ImportPassResult, WorkerJobResult } from '../../core/jobs/protocol';
import { processImages } from '../pipeline/processImages';
import { runImportJob, type JobRun } from './importJob';

export async function runCardJob(run: JobRun, options: ImportJobOptions, onImported: (result: ImportPassResult) => void): Promise<WorkerJobResult> {
  const imported = run.recovery.imported ?? (await runImportJob(run, options));
  if (!run.recovery.imported) onImported(imported);
  if (options.process === false) return { ...imported, processingFailures: [] };
  const processed = await processImages(run.library, {}, run.progress, run.control);
  return { ...imported, processingFailures: processed.failures };
}
