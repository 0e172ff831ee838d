// The detect job: decode -> detect -> later stages (thumbnails, crop + embed) -> write, for every photo of a stream.
// Overlap: decodes of the next photos run on libuv's threads while the model runs on onnxruntime's; later stages run
// in the background while the next photos are detected; results are written in batched transactions. Every photo
// is decoded once, at the JPEG scale the detector needs (shrink-on-load), and its pixels reach every stage.
// Resumable: a photo's state advances in the transaction that stores its boxes, so a rerun takes what is left.
import type { ImageState } from '../../core/db/schema';
import type { JobControl } from '../../core/jobs/control';
import type { ProgressTracker } from '../../core/jobs/progress';
import { photoAbsolutePath } from '../../core/library/library';
import { readAndDecodeAtScale, workingSide } from '../../core/photos/decode';
import type { Detector } from '../detect/detector';
import { DEFAULT_BUDGET, type PipelineBudget } from './budget';
import { decodeAhead } from './decodeAhead';
import type { PendingImage } from './pending';
import { runStage, type DetectedPhoto, type PhotoStage, type StageContext, type StageOutput } from './stages';
import { writeResults, type PhotoResult } from './writeResults';

const WRITE_BATCH = 64;
const WRITE_INTERVAL_MS = 500;

export interface DetectPassHooks {
  progress: ProgressTracker;
  control: JobControl;
  /** Each photo's start (before its decode) and end (failed or ready to write), for the supervisor. */
  onPhoto?: (image: PendingImage, phase: 'start' | 'end') => void;
  /** Each photo's result as it is queued for writing. */
  onResult: (result: PhotoResult, file: string) => void;
  /** What runs at once; bench:pipeline measures others. */
  budget?: PipelineBudget;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function detectPass(
  ctx: StageContext,
  photos: AsyncIterable<PendingImage>,
  detector: Detector,
  stages: PhotoStage[],
  { progress, control, onPhoto, onResult, budget = DEFAULT_BUDGET }: DetectPassHooks,
): Promise<void> {
  const { db } = ctx.library;
  const fileOf = (image: PendingImage) => photoAbsolutePath(ctx.library, image)!;

  let results: PhotoResult[] = [];
  let lastWrite = Date.now();
  const write = (force: boolean) => {
    if (results.length === 0 || (!force && results.length < WRITE_BATCH && Date.now() - lastWrite < WRITE_INTERVAL_MS))
      return;
    writeResults(db, results);
    results = [];
    lastWrite = Date.now();
  };
  const record = (result: PhotoResult, image: PendingImage) => {
    results.push(result);
    onPhoto?.(image, 'end');
    onResult(result, fileOf(image));
    write(false);
  };
  const fail = (image: PendingImage, reason: string) => record({ kind: 'failed', imageId: image.id, reason }, image);

  /** The later stages of one photo, in order; the first that fails fails the photo. */
  const finishPhoto = async (photo: DetectedPhoto) => {
    let state: ImageState = 'detected';
    const outputs: StageOutput[] = [];
    for (const stage of stages) {
      const result = await runStage(stage, photo);
      if (result.status === 'failed') {
        const reason = `${stage.name}: ${result.reason}`;
        if (stage.progress) progress.fail(stage.progress, { file: fileOf(photo.image), reason });
        return fail(photo.image, reason);
      }
      if (result.status === 'success') {
        outputs.push(result.output);
        if (result.output.state) state = result.output.state;
      }
      if (stage.progress) progress.advance(stage.progress, 1);
    }
    record(
      { kind: 'done', imageId: photo.image.id, detector: detector.id, detections: photo.detections, state, outputs },
      photo.image,
    );
  };

  const inFlight = new Set<Promise<void>>();
  // What stops the job from a later stage (the library's disk failing, runStage): kept, and thrown in the main loop.
  let stopped: { error: unknown } | null = null;
  const throwIfStopped = () => {
    if (stopped) throw stopped.error;
  };
  const startLaterStages = async (photo: DetectedPhoto) => {
    while (inFlight.size >= budget.stagesInFlight) await Promise.race(inFlight);
    throwIfStopped();
    const p: Promise<void> = finishPhoto(photo)
      .catch((error: unknown) => void (stopped ??= { error }))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  let batch: Omit<DetectedPhoto, 'detections' | 'detector'>[] = [];
  const detectBatch = async () => {
    const taken = batch;
    batch = [];
    if (taken.length === 0) return;
    let boxes: Awaited<ReturnType<Detector['detect']>>;
    try {
      boxes = await detector.detect(taken.map((p) => p.decoded));
    } catch (err) {
      for (const p of taken) {
        const reason = `detect: ${message(err)}`;
        progress.fail('detect', { file: fileOf(p.image), reason });
        fail(p.image, reason);
      }
      return;
    }
    progress.advance('detect', taken.length);
    for (const [i, p] of taken.entries())
      await startLaterStages({ ...p, detections: boxes[i]!, detector: detector.id });
  };

  // Decoded once, at the JPEG scale just above the detector's input (see decodeAtScale).
  const side = workingSide(detector.decodeSide);
  try {
    for await (const outcome of decodeAhead(photos, budget.decodeAhead, (image) => {
      onPhoto?.(image, 'start');
      return readAndDecodeAtScale(fileOf(image), side);
    })) {
      await control.checkpoint();
      const file = fileOf(outcome.item);
      if ('error' in outcome) {
        progress.fail('decode', { file, reason: `could not decode: ${message(outcome.error)}` });
        // A photo that never decodes never reaches the later stages: their totals shrink so ETAs stay right.
        progress.addTotal('detect', -1);
        for (const stage of stages) if (stage.progress) progress.addTotal(stage.progress, -1);
        fail(outcome.item, `could not decode: ${message(outcome.error)}`);
        continue;
      }
      progress.advance('decode', 1, file);
      batch.push({ image: outcome.item, ...outcome.result });
      if (batch.length >= detector.batchSize) await detectBatch();
    }
    await detectBatch();
  } finally {
    // Work already done is kept, also when the job is cancelled or something unexpected is thrown.
    await Promise.allSettled(inFlight);
    write(true);
    progress.flush();
  }
  throwIfStopped();
}
