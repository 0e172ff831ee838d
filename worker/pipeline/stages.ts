// The per-photo stages that run after detection, with the decoded pixels still in memory. Each stage is a typed
// step composed in worker/pipeline/processImages.ts (createStages): thumbnails, crop + embed. A stage says what it
// did with a photo (success, skipped, failed) instead of throwing.
import type { Db } from '../../core/db/open';
import { asLibraryWriteError, LibraryWriteError } from '../../core/library/diskErrors';
import type { ImageState } from '../../core/db/schema';
import type { Stage } from '../../core/jobs/progress';
import type { Library } from '../../core/library/library';
import type { ModelsFolder } from '../../core/models/folder';
import type { Detection } from '../detect/detector';
import type { DecodedImage } from '../../core/photos/decode';
import type { ProviderPreference } from '../models/session';
import type { PendingImage } from './pending';

/** A photo once detected: what every later stage gets. */
export interface DetectedPhoto {
  image: PendingImage;
  decoded: DecodedImage;
  /** The photo's file as read for `decoded`: a stage that needs finer pixels decodes them from these bytes. */
  bytes: Buffer;
  /** In the order they will be stored; `write` receives their row ids in the same order. */
  detections: Detection[];
  detector: string;
}

export interface StageOutput {
  /**
   * Runs inside the batched transaction that stores the photo's detections, right after them, so a stage's rows
   * (embeddings, crops) appear together with the boxes or not at all.
   */
  write?: (db: Db, detectionIds: readonly number[]) => void;
  /** The state the photo reaches when this stage is done; the last stage that sets one wins ('detected' if none). */
  state?: ImageState;
}

/** What a stage did with one photo (the statuses of Immich's job service). */
export type StageResult =
  | { status: 'success'; output: StageOutput }
  /** Nothing to do for this photo (e.g. its thumbnail exists); the photo goes on to the next stage. */
  | { status: 'skipped'; reason: string }
  /** The photo fails with "<stage>: <reason>"; the job goes on with the other photos. */
  | { status: 'failed'; reason: string };

export const success = (output: StageOutput = {}): StageResult => ({ status: 'success', output });
export const skipped = (reason: string): StageResult => ({ status: 'skipped', reason });
export const failed = (reason: string): StageResult => ({ status: 'failed', reason });

export interface PhotoStage {
  name: string;
  /** Progress stage advanced once per photo, when the stage reports its own progress (e.g. 'embed'). */
  progress?: Stage;
  run(photo: DetectedPhoto): Promise<StageResult>;
  close?(): Promise<void>;
}

/**
 * A stage's result, also for what it did not expect: anything it throws fails the photo, not the job, except a
 * failure of the library's disk (full, read-only), which every later photo would meet too: that stops the job
 * (LibraryWriteError) and leaves the photo waiting.
 */
export async function runStage(stage: PhotoStage, photo: DetectedPhoto): Promise<StageResult> {
  try {
    return await stage.run(photo);
  } catch (err) {
    const disk = asLibraryWriteError(err, (err as NodeJS.ErrnoException).path ?? 'cache');
    if (disk instanceof LibraryWriteError) throw disk;
    return failed(err instanceof Error ? err.message : String(err));
  }
}

/** What a stage factory may need: the library, the models folder, the provider choice. */
export interface StageContext {
  library: Library;
  models: ModelsFolder;
  provider?: ProviderPreference;
  threads?: number;
}
