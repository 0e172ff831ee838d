// The import job as the worker runs it: first what the supervisor learned from earlier crashes (files that crash the
// worker are recorded as failed; suspects are read one at a time), then the import of the whole source.
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { inTransaction } from '../../core/db/open';
import { images } from '../../core/db/schema';
import type { JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import type { ImportJobOptions, ImportPassResult, Recovery } from '../../core/jobs/protocol';
import type { Library } from '../../core/library/library';
import { importPhotos } from '../import/importPhotos';
import { scanSources } from '../../core/photos/scan';
import type { ProcessOptions } from '../pipeline/processImages';
import type { PhotoListener } from './processJob';

export type FileListener = (file: string, phase: 'start' | 'end', isolated: boolean) => void;

/** What a job runs with in the worker, besides its options. */
export interface JobRun {
  library: Library;
  recovery: Recovery;
  progress: ProgressTracker;
  control: JobControl;
  onFile: FileListener;
  onPhoto: PhotoListener;
  /** Models folder, provider, threads, budget for processing (the CLI's and the benchmark's); defaults otherwise. */
  processOptions?: Pick<ProcessOptions, 'models' | 'provider' | 'threads' | 'budget' | 'retryFailed'>;
}

export async function runImportJob(
  { library, recovery, progress, control, onFile }: JobRun,
  options: ImportJobOptions,
): Promise<ImportPassResult> {
  recordPoisoned(library, recovery);
  const poisoned = new Set(recovery.poisoned.map((p) => p.file));
  const quiet = new ProgressTracker(progress.jobId, () => undefined);
  for (const file of recovery.isolate) {
    if (poisoned.has(file)) continue;
    await importPhotos(
      library,
      { ...options, sources: [file], onFile: (f, phase) => onFile(f, phase, true) },
      quiet,
      control,
    );
  }
  // Leaving the poisoned files out means listing the rest one by one; only done after such a crash.
  const sources = poisoned.size === 0 ? options.sources : await listWithout(options.sources, poisoned);
  const summary = await importPhotos(
    library,
    { ...options, sources, onFile: (f, phase) => onFile(f, phase, false) },
    progress,
    control,
  );
  return { scanned: summary.scanned, videos: summary.videos, failures: summary.failures };
}

async function listWithout(sources: string[], left: Set<string>): Promise<string[]> {
  const scan = await scanSources(sources);
  return [...scan.photos, ...scan.videos].map((f) => f.path).filter((p) => !left.has(p));
}

/** A failed row per poisoned file, so the library says why that photo is missing. */
function recordPoisoned(library: Library, recovery: Recovery): void {
  const { db } = library;
  inTransaction(db, () => {
    for (const { file, reason } of recovery.poisoned) {
      db.delete(images)
        .where(and(eq(images.sourcePath, file), isNull(images.sha256)))
        .run();
      db.insert(images)
        .values({ fileName: path.basename(file), sourcePath: file, state: 'failed', error: reason, attempts: 2 })
        .run();
    }
  });
}
