// Pipeline benchmark: a synthetic card of a few thousand real-sized photos (fixture copies with distinct bytes and
// shifted EXIF times, testing/synth.ts), measured in one run:
//   - each stage alone: copy+hash (the import stage), decode, detect, write (thumbnails + database rows);
//   - the whole pipeline as `thumper import` runs it (import, then decode -> detect -> thumbnails -> write);
//   - efficiency = pipeline rate / (1 / sum over stages of 1 / stage rate): 1 means the pipeline is as fast as the
//     stages run back to back; above 1 means stages overlap (a GPU frees the CPU for decoding);
//   - the worker's peak RSS (this process runs the worker's code in-process).
//   npm run build && npm run bench:pipeline -- [photos=2000] [--models DIR]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JobControl } from '../core/jobs/control';
import { ProgressTracker } from '../core/jobs/progress';
import { openLibrary, photoAbsolutePath, type Library } from '../core/library/library';
import { getSetting } from '../core/library/settings';
import { findDetector } from '../core/models/catalog';
import { resolveModelsFolder } from '../core/models/folder';
import { modelsDir } from '../testing/fixtures';
import { makeSyntheticCard } from '../testing/synth';
import { mapOrdered } from '../core/util/mapOrdered';
import { loadDetector, type Detection } from '../worker/detect/detector';
import { importPhotos } from '../worker/import/importPhotos';
import { decodeImage, type DecodedImage } from '../core/photos/decode';
import { writeThumbnails } from '../core/photos/thumbnails';
import { selectPending } from '../worker/pipeline/pending';
import { processImages } from '../worker/pipeline/processImages';
import { writeResults, type PhotoResult } from '../worker/pipeline/writeResults';

/** Decoded photos kept for the detect-alone and write-alone runs (cycled): memory stays flat at any photo count. */
const RING = 8;
const DECODE_AHEAD = 3;
const WRITE_BATCH = 64;
const STAGES_IN_FLIGHT = 4;

const quiet = () => new ProgressTracker(0, () => undefined);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Peak resident memory while `fn` runs, sampled every 50 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  try {
    const result = await fn();
    return { result, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const modelsFlag = args.indexOf('--models');
  const models = modelsFlag >= 0 ? args.splice(modelsFlag, 2)[1]! : modelsDir();
  const count = Number(args[0] ?? 2000);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'thumper-bench-pipeline-'));
  try {
    process.stderr.write(`making a card of ${count} photos in ${work} ...\n`);
    const card = makeSyntheticCard(path.join(work, 'card'), count);
    const rates: [string, number][] = [];

    // copy+hash: the import stage alone (copy, hash, checks, EXIF, database rows).
    const staged = openLibrary(path.join(work, 'staged'), { create: true });
    const importSeconds = await timed(() => importPhotos(staged, { sources: [card.dir] }, quiet(), new JobControl()));
    rates.push(['copy+hash (import stage)', count / importSeconds]);
    const pending = selectPending(staged.db, { detector: getSetting(staged.db, 'detector') });
    const files = pending.map((p) => photoAbsolutePath(staged, p)!);

    const detector = await loadDetector(findDetector(getSetting(staged.db, 'detector')), resolveModelsFolder(models));
    const side = Math.max(1024, detector.decodeSide);
    const ring: DecodedImage[] = [];
    const decodeSeconds = await timed(async () => {
      for await (const r of mapOrdered(files, DECODE_AHEAD, (f) => decodeImage(f, side))) {
        if ('error' in r) throw r.error;
        if (ring.length < RING) ring.push(r.result);
      }
    });
    rates.push(['decode (shrink-on-load, oriented)', count / decodeSeconds]);

    const boxes: Detection[][] = [];
    const detectSeconds = await timed(async () => {
      for (let i = 0; i < count; i += detector.batchSize) {
        const batch = Array.from(
          { length: Math.min(detector.batchSize, count - i) },
          (_, k) => ring[(i + k) % ring.length]!,
        );
        const out = await detector.detect(batch);
        if (boxes.length < RING) boxes.push(...out);
      }
    });
    rates.push([`detect (${detector.id}, ${detector.provider}, batch ${detector.batchSize})`, count / detectSeconds]);
    await detector.close();

    const writeSeconds = await timed(() =>
      writeAll(
        staged,
        pending.map((p) => p.id),
        ring,
        boxes,
        detector.id,
      ),
    );
    rates.push(['write (thumbnails + database)', count / writeSeconds]);
    staged.close();

    const library = openLibrary(path.join(work, 'pipeline'), { create: true });
    const { result: pipelineSeconds, peakRss } = await withPeakRss(() =>
      timed(async () => {
        await importPhotos(library, { sources: [card.dir] }, quiet(), new JobControl());
        const summary = await processImages(library, { models }, quiet(), new JobControl());
        if (summary.processed !== count)
          throw new Error(
            `processed ${summary.processed} of ${count}: ${JSON.stringify(summary.failures.slice(0, 3))}`,
          );
      }),
    );
    library.close();

    const serial = 1 / rates.reduce((sum, [, r]) => sum + 1 / r, 0);
    const pipeline = count / pipelineSeconds;
    console.log(
      `\npipeline benchmark: ${count} photos, ${(card.bytes / 1e6).toFixed(0)} MB, ${os.cpus().length} cores, node ${process.version}`,
    );
    for (const [name, r] of rates) console.log(`${name.padEnd(52)} ${r.toFixed(1).padStart(8)} photos/s`);
    console.log(`${'stages back to back (1 / sum 1/rate)'.padEnd(52)} ${serial.toFixed(1).padStart(8)} photos/s`);
    console.log(`${'whole pipeline (import + process)'.padEnd(52)} ${pipeline.toFixed(1).padStart(8)} photos/s`);
    console.log(`${'efficiency'.padEnd(52)} ${(pipeline / serial).toFixed(2).padStart(8)}`);
    console.log(`${'peak worker RSS'.padEnd(52)} ${(peakRss / 2 ** 20).toFixed(0).padStart(8)} MB`);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** The write stage alone: each photo's thumbnails (as many in flight as the pipeline) and its rows, batched. */
async function writeAll(
  library: Library,
  ids: number[],
  ring: DecodedImage[],
  boxes: Detection[][],
  detector: string,
): Promise<void> {
  let batch: PhotoResult[] = [];
  for await (const r of mapOrdered(ids, STAGES_IN_FLIGHT, (imageId, i) =>
    writeThumbnails(ring[i % ring.length]!, library.cacheDir, imageId),
  )) {
    if ('error' in r) throw r.error;
    const i = batch.length;
    batch.push({
      kind: 'done',
      imageId: r.item,
      detector,
      detections: boxes[i % boxes.length]!,
      state: 'detected',
      outputs: [],
    });
    if (batch.length >= WRITE_BATCH) {
      writeResults(library.db, batch);
      batch = [];
    }
  }
  writeResults(library.db, batch);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
