import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEmbedder } from '../../core/models/catalog';
import { deerImagesDir, modelsDir } from '../../testing/fixtures';
import { decodeImage } from '../../core/photos/decode';
import { prepareCrop } from './crops';
import { Embedder } from './embedder';

describe('Embedder (MobileNetV2-GeM, real model)', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    const entry = findEmbedder('mobilenetv2_gem');
    embedder = await Embedder.load(entry, path.join(modelsDir(), entry.file), {
      provider: 'cpu',
      threads: 2,
      maxBatch: 2,
    });
  });
  afterAll(() => embedder?.release());

  it('gives unit 1280-d vectors, the same in a batch as alone, and similar crops of one deer', async () => {
    // deer-img81/82: the stag in consecutive frames; the boxes are the ground truth's.
    const a = await decodeImage(path.join(deerImagesDir(), 'deer-img81.JPG'));
    const b = await decodeImage(path.join(deerImagesDir(), 'deer-img82.JPG'));
    const spec = embedder.entry.input;
    const crops = [
      await prepareCrop(a, { x: 0, y: 0.072, w: 0.683, h: 0.889 }, spec),
      await prepareCrop(b, { x: 0, y: 0.053, w: 0.742, h: 0.93 }, spec),
      await prepareCrop(a, { x: 0.8, y: 0, w: 0.2, h: 0.15 }, spec),
    ];
    const together = await embedder.embed(crops);
    expect(together).toHaveLength(3);
    for (const v of together) {
      expect(v).toHaveLength(1280);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    const alone = await embedder.embed([crops[2]!]);
    for (let i = 0; i < 1280; i += 97) expect(alone[0]![i]).toBeCloseTo(together[2]![i]!, 5);
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    // The same stag one frame later looks more alike than a corner of the background.
    expect(dot(together[0]!, together[1]!)).toBeGreaterThan(dot(together[0]!, together[2]!));
  });
});
