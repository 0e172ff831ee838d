// The job the app runs for a card: import (unless an earlier worker finished it), then processing (detect, embed,
// match) of every photo waiting, which resumes by itself from each photo's state after a crash.
import type { JobControl } from '../../core/jobs/control';
import type { ProgressTracker } from '../../core/jobs/progress';
import type { ImportJobOptions, ImportPassResult, Recovery, WorkerJobResult } from '../../core/jobs/protocol';
import type { Library } from '../../core/library/library';
import { processImages } from '../pipeline/processImages';
import { runImportJob, type FileListener } from './importJob';

export async function runCardJob(
  library: Library,
  options: ImportJobOptions,
  recovery: Recovery,
  progress: ProgressTracker,
  control: JobControl,
  onFile: FileListener,
  onImported: (result: ImportPassResult) => void,
): Promise<WorkerJobResult> {
  const imported = recovery.imported ?? (await runImportJob(library, options, recovery, progress, control, onFile));
  if (!recovery.imported) onImported(imported);
  if (options.process === false) return { ...imported, processingFailures: [] };
  const processed = await processImages(library, {}, progress, control);
  return { ...imported, processingFailures: processed.failures };
}
