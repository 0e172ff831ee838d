// Processing after import, as the jobs of worker/jobs/jobFlow.ts: detect (decode -> detect -> thumbnails, crop +
// embed -> write, detectPass.ts), then embed (photos whose vectors came from another embedder), then match. This file
// is the one place the per-photo flow is composed (createStages).
// Switching models: photos detected by another detector than the library's setting are pending again (re-detect,
// re-embed, re-track, re-match); photos embedded by another embedder are re-embedded (embedWaiting) and re-matched.
// Before any photo is touched, the models the run needs must be installed (requireLibraryModels): a first run
// without them stops with one error saying how to get them, and the photos stay waiting.
import type { JobControl } from '../../core/jobs/control';
import type { Failure, ProgressTracker, Stage } from '../../core/jobs/progress';
import type { Library } from '../../core/library/library';
import { getSettings } from '../../core/library/settings';
import { findDetector } from '../../core/models/catalog';
import { resolveModelsFolder } from '../../core/models/folder';
import { requireLibraryModels } from '../../core/models/libraryModels';
import { recordProvider } from '../../core/models/providerRecord';
import { catalogFor } from '../../core/models/userModels';
import { runReid, type ReidSummary } from '../../core/reid/runReid';
import { loadDetector, type Detector } from '../detect/detector';
import { countEmbeddingsWaiting } from '../embed/embedStage';
import { embedStage } from '../embed/pipelineStage';
import { embedWaiting } from '../embed/embedWaiting';
import { forgetStaleVectors } from '../embed/forgetStaleVectors';
import { runFlow, type JobOutcome } from '../jobs/jobFlow';
import type { ProviderPreference } from '../models/session';
import type { PipelineBudget } from './budget';
import { detectPass } from './detectPass';
import { selectPending, type PendingImage } from './pending';
import type { PhotoStage, StageContext } from './stages';
import { thumbnailStage } from './thumbnailStage';
import { waitingPhotos } from './waitingPhotos';
import type { PhotoResult } from './writeResults';

/**
 * The stages after detection, in order: the composition of the per-photo flow. After every photo is written, the
 * library-level stages run: sequence -> track -> match (core/reid/runReid), per camera in time order.
 */
export async function createStages(ctx: StageContext): Promise<PhotoStage[]> {
  return [thumbnailStage(ctx), await embedStage(ctx)];
}

export interface ProcessOptions {
  /** Models folder (`--models`); THUMPER_MODELS_DIR or the user's data folder otherwise. */
  models?: string | null;
  provider?: ProviderPreference;
  threads?: number;
  /** What the detect pass runs at once (worker/pipeline/budget.ts). */
  budget?: PipelineBudget;
  retryFailed?: boolean;
  imageIds?: readonly number[];
  /**
   * Each photo's start (before its decode) and end (failed or ready to write): the host pins a worker crash on the
   * photos in flight (core/jobs/supervisor.ts), as importPhotos' onFile does for files.
   */
  onPhoto?: (image: PendingImage, phase: 'start' | 'end') => void;
  /** An import of the same job still running: photos it records are processed as they come (worker/jobs/cardJob). */
  importing?: Promise<unknown>;
}

export interface ProcessSummary {
  detector: string;
  provider: string | null;
  /** Why the models run on the CPU when CUDA was possible or wanted. */
  providerNote: string | null;
  processed: number;
  failed: number;
  empty: number;
  detections: { total: number; animal: number; person: number; vehicle: number };
  elapsedMs: number;
  failures: Failure[];
  /** Sequence, track and match, run last (also when no photo was pending: it resumes what a crash left). */
  reid: ReidSummary | null;
}

const SUCCESS: JobOutcome = { status: 'success' };

export async function processImages(
  library: Library,
  options: ProcessOptions,
  progress: ProgressTracker,
  control: JobControl,
): Promise<ProcessSummary> {
  const started = Date.now();
  const { db } = library;
  const settings = getSettings(db);
  const summary: ProcessSummary = {
    detector: settings.detector,
    provider: null,
    providerNote: null,
    processed: 0,
    failed: 0,
    empty: 0,
    detections: { total: 0, animal: 0, person: 0, vehicle: 0 },
    elapsedMs: 0,
    failures: [],
    reid: null,
  };
  const models = () => resolveModelsFolder(options.models);
  const ctx = () => ({ library, models: models(), provider: options.provider, threads: options.threads });
  const pendingOptions = { detector: settings.detector, ...options };
  // A run for chosen photos leaves the rest of the library alone.
  const embedsWaiting = () => (options.imageIds ? 0 : countEmbeddingsWaiting(db, settings.embedder));
  const waitingNow = embedsWaiting();
  if (selectPending(db, pendingOptions).length > 0) requireLibraryModels(settings, models(), ['detector', 'embedder']);
  else if (waitingNow > 0) requireLibraryModels(settings, models(), ['embedder']);
  // First, while the photos still say which embedder made their vectors.
  if (waitingNow > 0) forgetStaleVectors(db, settings.embedder);

  const record = (result: PhotoResult, file: string) => {
    if (result.kind === 'failed') {
      summary.failed++;
      summary.failures.push({ file, reason: result.reason });
      return;
    }
    summary.processed++;
    const kept = result.detections.filter((d) => !d.duplicate);
    if (kept.length === 0) summary.empty++;
    summary.detections.total += kept.length;
    for (const d of kept) summary.detections[d.category]++;
  };

  const detect = async (): Promise<JobOutcome> => {
    // Totals grow as the photos are found (all at once, or batch by batch while an import runs).
    let found = 0;
    const counted: Stage[] = ['decode', 'detect'];
    const photos = waitingPhotos(db, pendingOptions, options.importing ?? null, (n) => {
      found += n;
      for (const stage of counted) progress.addTotal(stage, n);
    });
    let detector: Detector | null = null;
    let stages: PhotoStage[] = [];
    try {
      // Models are checked and loaded once there is a photo: a card of duplicates needs none.
      const first = await photos.next();
      if (first.done) return { status: 'skipped', reason: 'no photo waiting' };
      requireLibraryModels(settings, models(), ['detector', 'embedder']);
      detector = await loadDetector(findDetector(settings.detector, catalogFor(models())), models(), {
        provider: options.provider,
        threads: options.threads,
      });
      summary.provider = progress.provider = detector.provider;
      summary.providerNote = detector.fallbackReason;
      recordProvider(db, { provider: detector.provider, note: detector.fallbackReason, model: detector.id });
      stages = await createStages(ctx());
      for (const stage of stages) {
        if (!stage.progress) continue;
        progress.addTotal(stage.progress, found);
        counted.push(stage.progress);
      }
      await detectPass(ctx(), prepend(first.value, photos), detector, stages, {
        progress,
        control,
        onPhoto: options.onPhoto,
        onResult: record,
        budget: options.budget,
      });
      return SUCCESS;
    } finally {
      await photos.return(undefined);
      await detector?.close();
      for (const stage of stages) await stage.close?.();
    }
  };

  const embed = async (): Promise<JobOutcome> => {
    if (embedsWaiting() === 0) return { status: 'skipped', reason: 'no vectors waiting' };
    await embedWaiting(ctx(), progress, control);
    return SUCCESS;
  };

  const match = async (): Promise<JobOutcome> => {
    summary.reid = await runReid(db, {
      checkpoint: () => control.checkpoint(),
      onSequence: (done, total) => {
        if (done === 1) progress.setTotal('match', total);
        progress.advance('match', 1);
      },
    });
    return SUCCESS;
  };

  await runFlow('detect', { detect, embed, match }, { process: true });
  progress.flush();
  summary.elapsedMs = Date.now() - started;
  return summary;
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield first;
  yield* rest;
}
