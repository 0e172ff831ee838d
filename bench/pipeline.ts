// Pipeline benchmark: a synthetic card of real-sized photos (fixture copies with distinct bytes and shifted EXIF
// times, testing/synth.ts), measured in one run:
//   - each stage alone, with its rate and its CPU time per photo (all threads of this process: libuv's for sharp,
//     onnxruntime's for the models): copy+hash (import), decode, detect, embed, thumbnails, write, match; and what
//     the embed stage's CPU goes to: its detail decodes and the embedder's inference, each alone;
//   - the raw detector: onnxruntime alone on a ready input tensor, what the app can at best reach, before and after
//     the whole pipeline (the faster of the two is the ratio's reference);
//   - the whole pipeline as the app's card job runs it (import overlapped with decode -> detect -> embed ->
//     thumbnails -> write, then match), its rate and its ratio to the raw detector, the cores each kept busy, and
//     the main thread's busy time per photo (inference and the pipeline's JavaScript share that one thread);
//   - the worker's peak RSS (this process runs the worker's code in-process, restarted with the worker's environment:
//     core/jobs/workerEnv.ts), by the 500th photo and at the end;
//   - clips: frame sampling alone (sampled frames per second) and a card of clips made from the fixture bursts
//     through the same card job (clips per minute, frames per second, end to end).
//   npm run bench:pipeline -- [photos=2000] [--models DIR] [--threads N] [--decode-ahead N] [--in-flight N]
//                                [--whole-only] [--no-clips]
// --decode-ahead and --in-flight replace the pipeline's budget (worker/pipeline/budget.ts) to measure others;
// --whole-only skips the stages alone (raw detector and whole pipeline only); --no-clips skips the clips.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../core/db/open';
import { JobControl } from '../core/jobs/control';
import { workerEnv } from '../core/jobs/workerEnv';
import { ProgressTracker, type ProgressSnapshot } from '../core/jobs/progress';
import { openLibrary, photoAbsolutePath } from '../core/library/library';
import { DEFAULT_SETTINGS, getSetting } from '../core/library/settings';
import { findDetector, type DetectorEntry } from '../core/models/catalog';
import { modelFilePath, resolveModelsFolder, type ModelsFolder } from '../core/models/folder';
import {
  decodeBand,
  DEFAULT_DECODE_SIDE,
  readAndDecodeAtScale,
  workingSide,
  type DecodedImage,
} from '../core/photos/decode';
import { runReid } from '../core/reid/runReid';
import { mapOrdered } from '../core/util/mapOrdered';
import { modelsDir } from '../testing/fixtures';
import { makeSyntheticCard } from '../testing/synth';
import { makeBurstClip } from '../testing/clips';
import { sampleFrames } from '../worker/video/sampleFrames';
import { loadDetector, type Detection } from '../worker/detect/detector';
import { cropRows, prepareCrop } from '../worker/embed/crops';
import { planCrop } from '../worker/embed/cropPlan';
import { Embedder, type PreparedCrop } from '../worker/embed/embedder';
import { embeddable, tooSmall } from '../worker/embed/embedStage';
import { embedStage } from '../worker/embed/pipelineStage';
import { resolveEmbedder } from '../worker/embed/resolveEmbedder';
import { importPhotos } from '../worker/import/importPhotos';
import { runCardJob } from '../worker/jobs/cardJob';
import { DEFAULT_BUDGET, type PipelineBudget } from '../worker/pipeline/budget';
import { selectPending, type PendingImage } from '../worker/pipeline/pending';
import type { PhotoStage, StageOutput } from '../worker/pipeline/stages';
import { thumbnailStage } from '../worker/pipeline/thumbnailStage';
import { writeResults, type PhotoResult } from '../worker/pipeline/writeResults';
import { cpuMsPerPhoto, measure, rate, rawDetector, type Measure } from './measure';

/** Decoded photos kept for the stages that start from pixels (cycled): memory stays flat at any photo count. */
const RING = 8;
const WRITE_BATCH = 64;
/** Photos after which the pipeline's peak RSS is read a first time (flat memory: the same figure at the end). */
const RSS_CHECKPOINT = 500;

const quiet = () => new ProgressTracker(0, () => undefined);

const cores = (m: Measure) => m.cpuSeconds / m.seconds;

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1]! : null;
  };
  const switchOn = (name: string) => args.includes(name) && args.splice(args.indexOf(name), 1).length > 0;
  const models = flag('--models') ?? modelsDir();
  const threads = Number(flag('--threads') ?? 0) || undefined;
  const budget: PipelineBudget = {
    decodeAhead: Number(flag('--decode-ahead') ?? DEFAULT_BUDGET.decodeAhead),
    stagesInFlight: Number(flag('--in-flight') ?? DEFAULT_BUDGET.stagesInFlight),
  };
  const wholeOnly = switchOn('--whole-only');
  const clips = !switchOn('--no-clips');
  const count = Number(args[0] ?? 2000);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'thumper-bench-pipeline-'));
  try {
    process.stderr.write(`making a card of ${count} photos in ${work} ...\n`);
    const card = makeSyntheticCard(path.join(work, 'card'), count);
    const folder = resolveModelsFolder(models);
    // A new library's detector, as the card job below will use.
    const entry = findDetector(DEFAULT_SETTINGS.detector);
    const { stages, embedParts } = wholeOnly
      ? { stages: [], embedParts: [] }
      : await stagesAlone(path.join(work, 'staged'), card.dir, count, folder, entry, threads, budget);
    const raw = await rawDetector(modelFilePath(entry, folder), entry.input, count, { threads });

    const library = openLibrary(path.join(work, 'pipeline'), { create: true });
    let rssAtCheckpoint: number | null = null;
    let peakRss = process.memoryUsage.rss();
    const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
    let provider = 'cpu';
    const progress = new ProgressTracker(1, (s: ProgressSnapshot) => {
      provider = s.provider ?? provider;
      const detected = s.stages.find((st) => st.stage === 'detect')?.done ?? 0;
      if (rssAtCheckpoint === null && detected >= RSS_CHECKPOINT) rssAtCheckpoint = peakRss;
    });
    const pipeline = await measure('whole pipeline (card job)', count, async () => {
      const result = await runCardJob(
        {
          library,
          recovery: { imported: null, poisoned: [], isolate: [], photos: { poisoned: [], isolate: [] } },
          progress,
          control: new JobControl(),
          onFile: () => undefined,
          onPhoto: () => undefined,
          processOptions: { models, threads, budget },
        },
        { kind: 'import', libraryRoot: library.root, options: { sources: [card.dir] } },
        () => undefined,
      );
      if (result.processingFailures.length > 0)
        throw new Error(`processing failed: ${JSON.stringify(result.processingFailures.slice(0, 3))}`);
    });
    clearInterval(sample);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    library.close();
    // Measured again after the pipeline, and the faster of the two is the reference: the machine's speed drifts over
    // a run of minutes (the same raw detector has read 69 and 88 photos/s on this machine).
    const rawAfter = await rawDetector(modelFilePath(entry, folder), entry.input, count, { threads });
    const fastest = rate(rawAfter) > rate(raw) ? rawAfter : raw;

    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    const line = (name: string, value: string, extra = '') =>
      console.log(`${name.padEnd(50)} ${value.padStart(14)}${extra}`);
    const withCpu = (name: string, m: Measure) =>
      line(name, rate(m).toFixed(1), cpuMsPerPhoto(m).toFixed(1).padStart(15));
    console.log(
      `\npipeline benchmark: ${count} photos, ${(card.bytes / 1e6).toFixed(0)} MB, ${os.cpus().length} cores, ` +
        `node ${process.version}, detector ${entry.id} on ${provider}, onnxruntime threads ${threads ?? 'default'}, ` +
        `decodes ahead ${budget.decodeAhead}, photos in later stages ${budget.stagesInFlight}, UV_THREADPOOL_SIZE ` +
        `${process.env.UV_THREADPOOL_SIZE ?? 'default (4)'}, MALLOC_ARENA_MAX ${process.env.MALLOC_ARENA_MAX ?? 'default'}`,
    );
    if (stages.length > 0) {
      console.log(`${'stage alone'.padEnd(50)} ${'photos/s'.padStart(14)} ${'CPU ms/photo'.padStart(14)}`);
      for (const m of stages) {
        withCpu(m.name, m);
        if (m.name.startsWith('embed')) for (const part of embedParts) withCpu(`  ${part.name}`, part);
      }
      const bound = stages.reduce((a, b) => (rate(b) < rate(a) ? b : a));
      const cpuMs = stages.reduce((sum, m) => sum + cpuMsPerPhoto(m), 0);
      line('slowest stage', bound.name);
      line(
        `CPU bound (${os.cpus().length} cores / CPU ms of all stages)`,
        ((os.cpus().length * 1000) / cpuMs).toFixed(1),
      );
    }
    for (const [when, m] of [
      ['before', raw],
      ['after', rawAfter],
    ] as const)
      withCpu(`raw detector (ready tensor), ${when} the pipeline`, m);
    withCpu('whole pipeline (card job: import + process)', pipeline);
    line('ratio whole pipeline / faster raw detector', (rate(pipeline) / rate(fastest)).toFixed(2));
    // Cores each kept busy (photos/s x CPU s/photo): on a loaded machine the raw detector, whose two intra-op threads
    // wait for each other, gets less of the CPU than the pipeline's many threads, and the ratio above reads high.
    line('cores busy: raw detector / whole pipeline', `${cores(fastest).toFixed(2)} / ${cores(pipeline).toFixed(2)}`);
    // The main thread's share: its busy ms per photo are the most the card job can spend there, on any number of cores.
    line(
      'event loop busy in the whole pipeline, ms/photo',
      ((pipeline.loopBusy * pipeline.seconds * 1000) / count).toFixed(1),
      ` (${(pipeline.loopBusy * 100).toFixed(0)}% of its time)`,
    );
    line(`peak worker RSS by photo ${RSS_CHECKPOINT}`, rssAtCheckpoint === null ? 'n/a' : mb(rssAtCheckpoint));
    line(`peak worker RSS by photo ${count}`, mb(peakRss));
    if (clips) await clipFigures(path.join(work, 'clips'), models, threads, line);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Each stage alone over the card, from an import into a library of its own: its rate and CPU time per photo, and
 * what the embed stage's CPU goes to. The stages that start from pixels cycle through a ring of decodes.
 */
async function stagesAlone(
  root: string,
  cardDir: string,
  count: number,
  folder: ModelsFolder,
  entry: DetectorEntry,
  threads: number | undefined,
  budget: PipelineBudget,
): Promise<{ stages: Measure[]; embedParts: Measure[] }> {
  const inFlight = budget.stagesInFlight;
  const stages: Measure[] = [];
  const staged = openLibrary(root, { create: true });
  stages.push(
    await measure('copy+hash (import)', count, () =>
      importPhotos(staged, { sources: [cardDir] }, quiet(), new JobControl()),
    ),
  );
  const pending = selectPending(staged.db, { detector: getSetting(staged.db, 'detector') });
  const files = pending.map((p) => photoAbsolutePath(staged, p)!);
  const detector = await loadDetector(entry, folder, { threads });
  const side = workingSide(detector.decodeSide);

  const ring: { bytes: Buffer; decoded: DecodedImage }[] = [];
  stages.push(
    await measure(`read + decode (to ${side} px, shrink-on-load)`, count, async () => {
      for await (const r of mapOrdered(files, budget.decodeAhead, (f) => readAndDecodeAtScale(f, side))) {
        if ('error' in r) throw r.error;
        if (ring.length < RING) ring.push(r.result);
      }
    }),
  );

  const boxes: Detection[][] = [];
  stages.push(
    await measure(`detect (${detector.id}, ${detector.provider}, batch ${detector.batchSize})`, count, async () => {
      for (let i = 0; i < count; i += detector.batchSize) {
        const n = Math.min(detector.batchSize, count - i);
        const out = await detector.detect(Array.from({ length: n }, (_, k) => ring[(i + k) % RING]!.decoded));
        if (boxes.length < RING) boxes.push(...out);
      }
    }),
  );
  await detector.close();

  const ctx = { library: staged, models: folder, threads };
  const photo = (image: PendingImage, i: number) => ({
    image,
    ...ring[i % RING]!,
    detections: boxes[i % RING]!,
    detector: detector.id,
  });
  const embed = await embedStage(ctx);
  const outputs: StageOutput[] = [];
  stages.push(
    await measure('embed (crops + embedder)', count, () =>
      runStage(embed, pending, photo, inFlight, (i, out) => (outputs[i] = out)),
    ),
  );
  await embed.close?.();
  const embedParts = await embedBreakdown(staged.db, folder, count, ring, boxes, threads, inFlight);
  stages.push(
    await measure('thumbnails (grid, from the decode)', count, () =>
      runStage(thumbnailStage(ctx), pending, photo, inFlight, () => undefined),
    ),
  );
  stages.push(
    await measure('write (database rows, batched)', count, async () => {
      for (let i = 0; i < pending.length; i += WRITE_BATCH) {
        const results: PhotoResult[] = pending.slice(i, i + WRITE_BATCH).map((image, k) => ({
          kind: 'done',
          imageId: image.id,
          detector: detector.id,
          detections: boxes[(i + k) % RING]!,
          state: 'embedded',
          outputs: [outputs[i + k]!],
        }));
        writeResults(staged.db, results);
      }
    }),
  );
  stages.push(await measure('match (sequence, track, match)', count, () => runReid(staged.db)));
  staged.close();
  return { stages, embedParts };
}

/** Clips beside photos: sampling alone, and a card of clips through the app's card job. */
async function clipFigures(
  dir: string,
  models: string,
  threads: number | undefined,
  line: (name: string, value: string, extra?: string) => void,
): Promise<void> {
  const card = path.join(dir, 'card');
  await fs.mkdir(card, { recursive: true });
  const bursts: [string, number][] = [
    ['H6R1-01-V03', 271],
    ['H6R1-05', 202],
    ['H4R0-02', 9],
    ['H6R1-01-V03', 545],
  ];
  const clips = bursts.flatMap(([camera, event], i) =>
    ['avi', 'mp4'].map((ext) => makeBurstClip(card, `CLIP${i}.${ext}`, camera, event).file),
  );
  let frames = 0;
  const sampling = await measure('sample frames (1 per second + the first)', 0, async () => {
    for (const clip of clips) for await (const _frame of sampleFrames(clip)) frames++;
  });
  const library = openLibrary(path.join(dir, 'library'), { create: true });
  const job = await measure('clips: whole card job', 0, () =>
    runCardJob(
      {
        library,
        recovery: { imported: null, poisoned: [], isolate: [], photos: { poisoned: [], isolate: [] } },
        progress: quiet(),
        control: new JobControl(),
        onFile: () => undefined,
        onPhoto: () => undefined,
        processOptions: { models, threads },
      },
      { kind: 'import', libraryRoot: library.root, options: { sources: [card] } },
      () => undefined,
    ),
  );
  library.close();
  console.log(`
clips: ${clips.length} clips (MJPEG AVI and H.264 MP4, 1024 px, ${frames} sampled frames)`);
  line('sampling alone: sampled frames/s', (frames / sampling.seconds).toFixed(1));
  line('whole card job: clips/min', ((clips.length * 60) / job.seconds).toFixed(1));
  line('whole card job: sampled frames/s', (frames / job.seconds).toFixed(1));
}

/**
 * Where the embed stage's CPU goes, per photo of the card as the stage sees them (the ring's decodes and boxes):
 * the detail decodes (the rows at 1024 px that hold the boxes too small in the working decode, from the bytes
 * already read) and the embedder's inference on ready crops, one photo's crops per call. The rest of the stage is
 * cutting and resizing crops and their thumbnails.
 */
async function embedBreakdown(
  db: Db,
  folder: ModelsFolder,
  count: number,
  ring: { bytes: Buffer; decoded: DecodedImage }[],
  boxes: Detection[][],
  threads: number | undefined,
  inFlight: number,
): Promise<Measure[]> {
  const { entry, file } = resolveEmbedder(getSetting(db, 'embedder'), folder);
  const embedder = await Embedder.load(entry, file, { threads });
  try {
    const animals = boxes.map((b) => b.filter(embeddable));
    const small = ring.map(({ decoded: d }, r) =>
      animals[r]!.filter((b) => tooSmall(planCrop(b, d.width, d.height, entry.input))),
    );
    const span = (r: number) => {
      const rows = small[r]!.map(cropRows);
      return { y0: Math.min(...rows.map((s) => s.y0)), y1: Math.max(...rows.map((s) => s.y1)) };
    };
    const band = (r: number) => decodeBand(ring[r]!.bytes, DEFAULT_DECODE_SIDE, span(r));
    const detail = await measure('of which detail decodes (1024 px rows)', count, async () => {
      const wanted = Array.from({ length: count }, (_, i) => i % RING).filter((r) => small[r]!.length > 0);
      for await (const r of mapOrdered(wanted, inFlight, band)) if ('error' in r) throw r.error;
    });
    const crops: PreparedCrop[][] = [];
    for (const [r, { decoded }] of ring.entries()) {
      const detailed = small[r]!.length > 0 ? await band(r) : null;
      crops.push(
        await Promise.all(
          animals[r]!.map((b) => prepareCrop(small[r]!.includes(b) ? detailed! : decoded, b, entry.input)),
        ),
      );
    }
    const inference = await measure('of which embedder inference (ready crops)', count, async () => {
      for (let i = 0; i < count; i++) if (crops[i % RING]!.length > 0) await embedder.embed(crops[i % RING]!);
    });
    return [detail, inference];
  } finally {
    await embedder.release();
  }
}

/** A per-photo stage over every photo, as many in flight as the pipeline lets it have. */
async function runStage(
  stage: PhotoStage,
  pending: PendingImage[],
  photo: (image: PendingImage, i: number) => Parameters<PhotoStage['run']>[0],
  inFlight: number,
  keep: (i: number, out: StageOutput) => void,
): Promise<void> {
  for await (const r of mapOrdered(pending, inFlight, async (image, i) => {
    const result = await stage.run(photo(image, i));
    if (result.status === 'failed') throw new Error(`${stage.name}: ${result.reason}`);
    keep(i, result.status === 'success' ? result.output : {});
  }))
    if ('error' in r) throw r.error;
}

// The worker's malloc settings are read when a process starts (core/jobs/workerEnv.ts): run as the worker runs.
if (process.env.MALLOC_ARENA_MAX === undefined) {
  const again = spawnSync(process.execPath, process.argv.slice(1), { env: workerEnv(process.env), stdio: 'inherit' });
  process.exitCode = again.status ?? 1;
} else
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
