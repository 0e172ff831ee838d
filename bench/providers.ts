// CUDA against the CPU on the fixture deer photos, for a machine with an NVIDIA GPU:
//   - the same boxes (count, IoU, confidence) and the same embedding vectors (cosine) on both providers;
//   - each provider's rate: the detector in the app's batches, the detector's raw session on a ready tensor, and the
//     embedder on ready crops in batches of 1, 16 and 64.
//   npm run bench:providers -- [--models DIR]
// Without onnxruntime's CUDA provider library (README: "Using an NVIDIA GPU") it says so and exits 1.
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { DEFAULT_SETTINGS } from '../core/library/settings';
import { findDetector } from '../core/models/catalog';
import { modelFilePath, resolveModelsFolder } from '../core/models/folder';
import { readAndDecodeAtScale, workingSide, type DecodedImage } from '../core/photos/decode';
import { iou } from '../core/reid/tracklets';
import { cosine } from '../core/reid/vectorMath';
import { deerImagesDir, modelsDir } from '../testing/fixtures';
import { loadDetector, type Detection } from '../worker/detect/detector';
import { prepareCrop } from '../worker/embed/crops';
import { Embedder, type PreparedCrop } from '../worker/embed/embedder';
import { embeddable } from '../worker/embed/embedStage';
import { resolveEmbedder } from '../worker/embed/resolveEmbedder';
import { cudaProviderInstalled, type Provider } from '../worker/models/session';
import { measure, rate, rawDetector } from './measure';

const PROVIDERS: Provider[] = ['cpu', 'cuda'];
const EMBED_BATCHES = [1, 16, 64];
/** Timed passes over the fixtures after one warm-up pass (CUDA builds its kernels on the first runs). */
const PASSES = 5;
/** Boxes that differ less than this are the same box (float noise between providers). */
const SAME_BOX_IOU = 0.95;
const SAME_CONFIDENCE = 0.02;

const line = (name: string, ...values: string[]) =>
  console.log(`${name.padEnd(46)}${values.map((v) => v.padStart(12)).join('')}`);

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--models');
  const folder = resolveModelsFolder(at >= 0 ? args[at + 1]! : modelsDir());
  if (!cudaProviderInstalled()) {
    console.error(
      'bench:providers needs onnxruntime-node with its CUDA provider library ' +
        '(libonnxruntime_providers_cuda.so beside libonnxruntime.so): see the README, "Using an NVIDIA GPU".',
    );
    process.exitCode = 1;
    return;
  }
  const entry = findDetector(DEFAULT_SETTINGS.detector);
  const { entry: embedderEntry, file: embedderFile } = resolveEmbedder(DEFAULT_SETTINGS.embedder, folder);
  const dir = deerImagesDir();
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.jpe?g$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
  const side = workingSide(Math.max(entry.input.width, entry.input.height));
  const images: DecodedImage[] = [];
  for (const f of files) images.push((await readAndDecodeAtScale(f, side)).decoded);

  const boxes = new Map<Provider, Detection[][]>();
  const rates = new Map<Provider, { detect: number; raw: number; embed: number[] }>();
  let detectBatch = 1;
  let crops: PreparedCrop[] = [];
  const vectors = new Map<Provider, Float32Array[]>();
  for (const provider of PROVIDERS) {
    const detector = await loadDetector(entry, folder, { provider });
    if (detector.provider !== provider)
      throw new Error(`the detector did not start on ${provider}: ${detector.fallbackReason ?? 'no reason given'}`);
    detectBatch = detector.batchSize;
    boxes.set(provider, await detector.detect(images));
    const detect = await measure('detect', PASSES * images.length, async () => {
      for (let p = 0; p < PASSES; p++) await detector.detect(images);
    });
    await detector.close();

    if (crops.length === 0)
      crops = await Promise.all(
        boxes
          .get('cpu')!
          .flatMap((b, i) => b.filter(embeddable).map((d) => prepareCrop(images[i]!, d, embedderEntry.input))),
      );
    const embed: number[] = [];
    for (const maxBatch of EMBED_BATCHES) {
      const embedder = await Embedder.load(embedderEntry, embedderFile, { provider, maxBatch });
      vectors.set(provider, await embedder.embed(crops));
      embed.push(rate(await measure('embed', crops.length, () => embedder.embed(crops))));
      await embedder.release();
    }
    rates.set(provider, {
      detect: rate(detect),
      raw: rate(await rawDetector(modelFilePath(entry, folder), entry.input, PASSES * images.length, { provider })),
      embed,
    });
  }

  const differing = compareBoxes(boxes.get('cpu')!, boxes.get('cuda')!);
  const cosines = vectors.get('cpu')!.map((v, i) => cosine(v, vectors.get('cuda')![i]!));
  console.log(
    `\nproviders: ${images.length} fixture photos decoded to ${side} px, ${entry.id} and ${embedderEntry.id}, ` +
      `${crops.length} crops, onnxruntime ${ort.env.versions.common}`,
  );
  line('photos or crops per second', ...PROVIDERS);
  line(`detect (the app's batches of ${detectBatch})`, ...PROVIDERS.map((p) => rates.get(p)!.detect.toFixed(1)));
  line('raw detector (ready tensor, batch 1)', ...PROVIDERS.map((p) => rates.get(p)!.raw.toFixed(1)));
  for (const [k, batch] of EMBED_BATCHES.entries())
    line(`embedder, batches of ${batch}`, ...PROVIDERS.map((p) => rates.get(p)!.embed[k]!.toFixed(1)));
  line('photos whose boxes differ (count, IoU, confidence)', String(differing.length));
  for (const d of differing) console.log(`  ${path.basename(files[d.index]!)}: ${d.why}`);
  line("lowest cosine between the two providers' vectors", Math.min(...cosines).toFixed(6));
  if (differing.length > 0 || Math.min(...cosines) < 0.999) process.exitCode = 1;
}

/** The photos whose kept boxes differ between the providers beyond float noise, and how. */
function compareBoxes(a: Detection[][], b: Detection[][]): { index: number; why: string }[] {
  const kept = (d: Detection[]) => d.filter((x) => !x.duplicate);
  return a.flatMap((boxesA, index) => {
    const [ka, kb] = [kept(boxesA), kept(b[index]!)];
    if (ka.length !== kb.length) return [{ index, why: `${ka.length} boxes on cpu, ${kb.length} on cuda` }];
    for (const x of ka) {
      const best = kb.reduce((m, y) => (iou(x, y) > iou(x, m) ? y : m), kb[0]!);
      const overlap = iou(x, best);
      if (overlap < SAME_BOX_IOU || Math.abs(x.confidence - best.confidence) > SAME_CONFIDENCE)
        return [
          {
            index,
            why: `${x.rawLabel} ${x.confidence.toFixed(3)}: IoU ${overlap.toFixed(3)}, ${best.confidence.toFixed(3)}`,
          },
        ];
    }
    return [];
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
