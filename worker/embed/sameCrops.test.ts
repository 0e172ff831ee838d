// The throughput work (one-pass tensor fill, buffers reused, the pipeline's coarser working decode) must not change
// what the embedder says about a deer: the same crops give the same vectors, up to float noise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEmbedder, type InputSpec } from '../../core/models/catalog';
import {
  decodeBand,
  decodeImage,
  DEFAULT_DECODE_SIDE,
  readAndDecodeAtScale,
  workingSide,
} from '../../core/photos/decode';
import { l2normalize } from '../../core/reid/vectorMath';
import { deerGroundTruth, deerImagesDir, modelsDir } from '../../testing/fixtures';
import { prepareCrop } from './crops';
import { Embedder, type PreparedCrop } from './embedder';
import { planCrop } from './cropPlan';
import { embedBoxes, tooSmall, type IndexedBox } from './embedStage';

/** Photos with deer of several sizes: the first ones of the ground truth that have boxes. */
const PHOTOS = deerGroundTruth()
  .filter((g) => g.boxes.length > 0)
  .slice(0, 8);

const boxesOf = (g: (typeof PHOTOS)[number]): IndexedBox[] =>
  g.boxes.map((b, index) => ({ x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h, index }));

/** The input tensor as the embedder built it before the one-pass fill: per channel, per pixel, a fresh buffer. */
function referenceInput(crop: PreparedCrop, spec: InputSpec): ort.Tensor {
  const { width: W, height: H, rgb } = crop;
  const data = new Float32Array(3 * W * H);
  const mean = spec.mean ?? [0, 0, 0];
  const std = spec.std ?? [1, 1, 1];
  for (let c = 0; c < 3; c++)
    for (let p = 0; p < W * H; p++) data[c * W * H + p] = (rgb[p * 3 + c]! / spec.scale - mean[c]!) / std[c]!;
  return new ort.Tensor('float32', data, [1, 3, H, W]);
}

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('embeddings of the same crops', () => {
  let embedder: Embedder;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-samecrops-'));
  beforeAll(async () => {
    const entry = findEmbedder('mobilenetv2_gem');
    embedder = await Embedder.load(entry, path.join(modelsDir(), entry.file), { provider: 'cpu', threads: 2 });
  });
  afterAll(async () => {
    await embedder?.release();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('are what the per-pixel input of the model gives, batched or not', async () => {
    const spec = embedder.entry.input;
    for (const g of PHOTOS.slice(0, 3)) {
      const image = await decodeImage(path.join(deerImagesDir(), g.file));
      const crops = await Promise.all(boxesOf(g).map((b) => prepareCrop(image, b, spec)));
      const vectors = await embedder.embed(crops);
      for (const [i, crop] of crops.entries()) {
        const input = referenceInput(crop, spec);
        const out = await embedder.model.session.run({ [spec.name]: input });
        const reference = l2normalize(out[embedder.entry.output]!.data as Float32Array);
        expect(maxAbsDiff(vectors[i]!, reference)).toBeLessThan(1e-5);
      }
    }
  });

  it('do not change when the pipeline decodes at the detector scale: small boxes are cut from the detail rows', async () => {
    const spec = embedder.entry.input;
    let fromDetail = 0;
    let boxCount = 0;
    for (const g of PHOTOS) {
      const file = path.join(deerImagesDir(), g.file);
      const boxes = boxesOf(g);
      // Before: every crop from the 1024 px decode. Now: from the 416 detector's working decode, or the detail one.
      const before = await embedBoxes(root, embedder, 1, await decodeImage(file), boxes);
      const { bytes, decoded: working } = await readAndDecodeAtScale(file, workingSide(416));
      const now = await embedBoxes(root, embedder, 1, working, boxes, (span) =>
        decodeBand(bytes, DEFAULT_DECODE_SIDE, span),
      );
      for (const [i, b] of before.entries()) {
        const cosine = b.vector.reduce((s, v, k) => s + v * now[i]!.vector[k]!, 0);
        const detail = tooSmall(planCrop(boxes[i]!, working.width, working.height, spec));
        if (detail) fromDetail++;
        boxCount++;
        // A box cut from the detail decode is the same crop as before; a box large in the working decode is
        // downscaled from other pixels, which moves its vector by little.
        expect(cosine).toBeGreaterThan(detail ? 0.99999 : 0.97);
      }
    }
    // The fixture deer are small in a 512 px frame for this model's 448x288 input: most come from the detail decode.
    expect(fromDetail).toBeGreaterThan(boxCount / 2);
  });
});
