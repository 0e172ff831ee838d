// The job the app runs for a card: import, then what worker/jobs/jobFlow.ts says follows it (processing: detect,
// embed, match, which resumes by itself from each photo's state after a crash). A 'process' job (after a change of
// models) starts at processing.
//
// The card is read once, and processing does not wait for the copy to end: detection starts on the first photos
// the import records. After a crash (anything the supervisor learned) both run one after the other again, so a
// crash while isolating suspects is pinned on the one file or photo in flight.
import type { Failure } from '../../core/jobs/progress';
import type { ImportJobSpec, ImportPassResult, WorkerJobResult } from '../../core/jobs/protocol';
import { runImportJob, type JobRun } from './importJob';
import { nextJobs } from './jobFlow';
import { runProcessJob } from './processJob';

const NOTHING_IMPORTED: ImportPassResult = { scanned: 0, videos: 0, failures: [] };

export async function runCardJob(
  run: JobRun,
  spec: ImportJobSpec,
  onImported: (result: ImportPassResult) => void,
): Promise<WorkerJobResult> {
  if (spec.kind === 'process') return { ...NOTHING_IMPORTED, processingFailures: await runProcessJob(run) };
  const processes = nextJobs('import', { status: 'success' }, { process: spec.options.process !== false }).includes(
    'detect',
  );
  if (run.recovery.imported) {
    const imported = run.recovery.imported;
    return { ...imported, processingFailures: processes ? await runProcessJob(run) : [] };
  }
  const importing = runImportJob(run, spec.options).then((imported) => {
    onImported(imported);
    return imported;
  });
  if (!processes) return { ...(await importing), processingFailures: [] };
  if (recovering(run)) {
    const imported = await importing;
    return { ...imported, processingFailures: await runProcessJob(run) };
  }
  // Both to the end, whichever fails first: nothing keeps running behind the job's back.
  const [imported, processed] = await Promise.allSettled([importing, runProcessJob(run, importing)]);
  if (imported.status === 'rejected') throw imported.reason;
  if (processed.status === 'rejected') throw processed.reason;
  return { ...imported.value, processingFailures: processed.value as Failure[] };
}

/** The supervisor restarted this job after a crash: it is isolating or recording suspects. */
function recovering({ recovery }: JobRun): boolean {
  return (
    recovery.poisoned.length > 0 ||
    recovery.isolate.length > 0 ||
    recovery.photos.poisoned.length > 0 ||
    recovery.photos.isolate.length > 0
  );
}
