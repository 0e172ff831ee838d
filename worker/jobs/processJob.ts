// The processing pass as the worker runs it, with what the supervisor learned from earlier crashes: photos that crashed
// the worker when processed alone are marked failed with the reason; photos in flight during a crash are processed
// one at a time first, so the next crash can be pinned on one of them; then everything still waiting.
import { failImage } from '../../core/db/images';
import type { Failure } from '../../core/jobs/progress';
import { ProgressTracker } from '../../core/jobs/progress';
import type { Recovery } from '../../core/jobs/protocol';
import { processImages } from '../pipeline/processImages';
import type { PendingImage } from '../pipeline/pending';
import { sampleClips } from '../video/sampleClips';
import type { JobRun } from './importJob';

export type PhotoListener = (image: PendingImage, phase: 'start' | 'end', isolated: boolean) => void;

/** `importing`: the import of the same card, still running (its photos are processed as they come). */
export async function runProcessJob(run: JobRun, importing?: Promise<unknown>): Promise<Failure[]> {
  const { library, recovery, progress, control, onPhoto, processOptions } = run;
  recordPoisonedPhotos(run, recovery);
  const poisoned = new Set(recovery.photos.poisoned.map((p) => p.imageId));
  const quiet = new ProgressTracker(progress.jobId, () => undefined);
  for (const imageId of recovery.photos.isolate) {
    if (poisoned.has(imageId)) continue;
    await processImages(
      library,
      { ...processOptions, imageIds: [imageId], onPhoto: (image, phase) => onPhoto(image, phase, true) },
      quiet,
      control,
    );
  }
  const options = {
    ...processOptions,
    onPhoto: (image: PendingImage, phase: 'start' | 'end') => onPhoto(image, phase, false),
  };
  const summary = await processImages(library, { ...options, importing }, progress, control);
  // Clips come last on a card: once the import is over, their frames are sampled and processed like photos.
  const clips = await sampleClips(library, progress, control);
  if (clips.frames === 0) return summary.failures;
  const frames = await processImages(library, options, progress, control);
  return [...summary.failures, ...frames.failures];
}

function recordPoisonedPhotos({ library }: JobRun, recovery: Recovery): void {
  for (const { imageId, reason } of recovery.photos.poisoned)
    failImage(library.db, imageId, reason, { unlessFailed: true });
}
