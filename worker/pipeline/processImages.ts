// Processing after import: decode -> detect -> [later stages] -> write, for every pending photo of a library.
// This file is the one place the per-photo flow is composed (createStages).
//
// Overlap: decodes of the next photos run on libuv's threads while the model runs on onnxruntime's; later stages
// (thumbnails, embeddings) run in the background while the next batch is detected; results are written in batched
// transactions. Every photo is decoded once, and its pixels reach every stage.
// Resumable: a photo's state advances in the transaction that stores its boxes, so a rerun takes what is left.
// Switching models: photos detected by another detector than the library's setting are pending again (re-detect,
// re-embed, re-track, re-match); photos embedded by another embedder are re-embedded (embedWaiting) and re-matched.
// Before any photo is touched, the models the run needs must be installed (requireLibraryModels): a first run
// without them stops with one error saying how to get them, and the photos stay waiting.
import type { ImageState } from '../../core/db/schema';
import type { JobControl } from '../../core/jobs/control';
import type { Failure, ProgressTracker } from '../../core/jobs/progress';
import { photoAbsolutePath, type Library } from '../../core/library/library';
import { getSettings } from '../../core/library/settings';
import { findDetector } from '../../core/models/catalog';
import { resolveModelsFolder } from '../../core/models/folder';
import { requireLibraryModels } from '../../core/models/libraryModels';
import { recordProvider } from '../../core/models/providerRecord';
import { catalogFor } from '../../core/models/userModels';
import { runReid, type ReidSummary } from '../../core/reid/runReid';
import { mapOrdered } from '../../core/util/mapOrdered';
import { loadDetector, type Detector } from '../detect/detector';
import { countEmbeddingsWaiting } from '../embed/embedStage';
import { embedStage } from '../embed/pipelineStage';
import { embedWaiting } from '../embed/embedWaiting';
import { forgetStaleVectors } from '../embed/forgetStaleVectors';
import { decodeImage, DEFAULT_DECODE_SIDE, type DecodedImage } from '../../core/photos/decode';
import type { ProviderPreference } from '../models/session';
import { selectPending, type PendingImage } from './pending';
import type { DetectedPhoto, PhotoStage, StageContext } from './stages';
import { thumbnailStage } from './thumbnailStage';
import { writeResults, type PhotoResult } from './writeResults';

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
  retryFailed?: boolean;
  imageIds?: readonly number[];
  /**
   * Each photo's start (before its decode) and end (failed or ready to write): the host pins a worker crash on the
   * photos in flight (core/jobs/supervisor.ts), as importPhotos' onFile does for files.
   */
  onPhoto?: (image: PendingImage, phase: 'start' | 'end') => void;
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

/** Decodes in flight ahead of the detector: enough to hide decode behind inference, few enough to bound memory. */
const DECODE_AHEAD = 3;
/** Photos in later stages at once. */
const STAGES_IN_FLIGHT = 4;
const WRITE_BATCH = 64;
const WRITE_INTERVAL_MS = 500;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function processImages(
  library: Library,
  options: ProcessOptions,
  progress: ProgressTracker,
  control: JobControl,
): Promise<ProcessSummary> {
  const started = Date.now();
  const { db } = library;
  const settings = getSettings(db);
  const detectorId = settings.detector;
  const pending = selectPending(db, { detector: detectorId, ...options });
  // A run for chosen photos leaves the rest of the library alone.
  const embedsWaiting = options.imageIds ? 0 : countEmbeddingsWaiting(db, settings.embedder);
  const summary: ProcessSummary = {
    detector: detectorId,
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
  const matchStage = () =>
    runReid(db, {
      checkpoint: () => control.checkpoint(),
      onSequence: (done, total) => {
        if (done === 1) progress.setTotal('match', total);
        progress.advance('match', 1);
      },
    });
  if (pending.length === 0 && embedsWaiting === 0)
    return { ...summary, reid: await matchStage(), elapsedMs: Date.now() - started };

  const models = resolveModelsFolder(options.models);
  requireLibraryModels(settings, models, pending.length > 0 ? ['detector', 'embedder'] : ['embedder']);
  // First, while the photos still say which embedder made their vectors.
  if (embedsWaiting > 0) forgetStaleVectors(db, settings.embedder);
  if (pending.length > 0) await detectPhotos();
  if (embedsWaiting > 0)
    await embedWaiting({ library, models, provider: options.provider, threads: options.threads }, progress, control);
  summary.reid = await matchStage();
  progress.flush();
  summary.elapsedMs = Date.now() - started;
  return summary;

  async function detectPhotos(): Promise<void> {
    const detector = await loadDetector(findDetector(detectorId, catalogFor(models)), models, {
      provider: options.provider,
      threads: options.threads,
    });
    summary.provider = progress.provider = detector.provider;
    summary.providerNote = detector.fallbackReason;
    recordProvider(db, { provider: detector.provider, note: detector.fallbackReason, model: detector.id });
    const stages = await createStages({ library, models, provider: options.provider, threads: options.threads });
    progress.setTotal('decode', pending.length);
    progress.setTotal('detect', pending.length);
    for (const stage of stages) if (stage.progress) progress.setTotal(stage.progress, pending.length);

    let results: PhotoResult[] = [];
    let lastWrite = Date.now();
    const write = (force: boolean) => {
      if (
        results.length === 0 ||
        (!force && results.length < WRITE_BATCH && Date.now() - lastWrite < WRITE_INTERVAL_MS)
      )
        return;
      writeResults(db, results);
      results = [];
      lastWrite = Date.now();
    };
    const fileOf = (image: PendingImage) => photoAbsolutePath(library, image)!;
    const record = (result: PhotoResult, image: PendingImage) => {
      const file = fileOf(image);
      results.push(result);
      options.onPhoto?.(image, 'end');
      if (result.kind === 'failed') {
        summary.failed++;
        const failure = { file, reason: result.reason };
        summary.failures.push(failure);
      } else {
        summary.processed++;
        const kept = result.detections.filter((d) => !d.duplicate);
        if (kept.length === 0) summary.empty++;
        summary.detections.total += kept.length;
        for (const d of kept) summary.detections[d.category]++;
      }
      write(false);
    };

    const inFlight = new Set<Promise<void>>();
    const finishPhoto = async (photo: DetectedPhoto) => {
      let state: ImageState = 'detected';
      const outputs = [];
      for (const stage of stages) {
        try {
          const out = await stage.run(photo);
          outputs.push(out);
          if (out.state) state = out.state;
          if (stage.progress) progress.advance(stage.progress, 1);
        } catch (err) {
          const reason = `${stage.name}: ${message(err)}`;
          if (stage.progress) progress.fail(stage.progress, { file: fileOf(photo.image), reason });
          record({ kind: 'failed', imageId: photo.image.id, reason }, photo.image);
          return;
        }
      }
      record(
        { kind: 'done', imageId: photo.image.id, detector: detector.id, detections: photo.detections, state, outputs },
        photo.image,
      );
    };
    const startLaterStages = async (photo: DetectedPhoto) => {
      while (inFlight.size >= STAGES_IN_FLIGHT) await Promise.race(inFlight);
      const p: Promise<void> = finishPhoto(photo).finally(() => inFlight.delete(p));
      inFlight.add(p);
    };

    let batch: { image: PendingImage; decoded: DecodedImage }[] = [];
    const detectBatch = async () => {
      const photos = batch;
      batch = [];
      if (photos.length === 0) return;
      let boxes: Awaited<ReturnType<Detector['detect']>>;
      try {
        boxes = await detector.detect(photos.map((p) => p.decoded));
      } catch (err) {
        for (const p of photos) {
          const reason = `detect: ${message(err)}`;
          progress.fail('detect', { file: fileOf(p.image), reason });
          record({ kind: 'failed', imageId: p.image.id, reason }, p.image);
        }
        return;
      }
      progress.advance('detect', photos.length);
      for (const [i, p] of photos.entries())
        await startLaterStages({ ...p, detections: boxes[i]!, detector: detector.id });
    };

    const decodeSide = Math.max(DEFAULT_DECODE_SIDE, detector.decodeSide);
    try {
      for await (const outcome of mapOrdered(pending, DECODE_AHEAD, (image) => {
        options.onPhoto?.(image, 'start');
        return decodeImage(fileOf(image), decodeSide);
      })) {
        await control.checkpoint();
        const file = fileOf(outcome.item);
        if ('error' in outcome) {
          const reason = `could not decode: ${message(outcome.error)}`;
          progress.fail('decode', { file, reason });
          // A photo that never decodes never reaches the later stages: their totals shrink so ETAs stay right.
          progress.addTotal('detect', -1);
          for (const stage of stages) if (stage.progress) progress.addTotal(stage.progress, -1);
          record({ kind: 'failed', imageId: outcome.item.id, reason }, outcome.item);
          continue;
        }
        progress.advance('decode', 1, file);
        batch.push({ image: outcome.item, decoded: outcome.result });
        if (batch.length >= detector.batchSize) await detectBatch();
      }
      await detectBatch();
    } finally {
      // Work already done is kept, also when the job is cancelled or a stage throws something unexpected.
      await Promise.allSettled(inFlight);
      write(true);
      await detector.close();
      for (const stage of stages) await stage.close?.();
      progress.flush();
    }
  }
}
