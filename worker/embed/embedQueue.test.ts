// The embedder queue batches crops across photos without changing any vector: each photo gets the vectors the
// embedder gives its crops alone, in order, also when its crops share runs with other photos' crops.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEmbedder } from '../../core/models/catalog';
import { decodeImage } from '../../core/photos/decode';
import { deerImagesDir, modelsDir } from '../../testing/fixtures';
import { prepareCrop } from './crops';
import { Embedder, type PreparedCrop } from './embedder';
import { EmbedQueue } from './embedQueue';

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('EmbedQueue (MobileNetV2-GeM, real model)', () => {
  let embedder: Embedder;
  /** Per photo: two crops of one shape (the same box on photos of one size) and one of another shape. */
  let photos: PreparedCrop[][];
  beforeAll(async () => {
    const entry = findEmbedder('mobilenetv2_gem');
    embedder = await Embedder.load(entry, path.join(modelsDir(), entry.file), {
      provider: 'cpu',
      threads: 2,
      maxBatch: 4,
    });
    photos = await Promise.all(
      ['deer-img81.JPG', 'deer-img82.JPG', 'deer-img83.JPG'].map(async (f) => {
        const image = await decodeImage(path.join(deerImagesDir(), f));
        return Promise.all(
          [
            { x: 0.1, y: 0.2, w: 0.4, h: 0.5 },
            { x: 0.5, y: 0.3, w: 0.4, h: 0.5 },
            { x: 0.6, y: 0.1, w: 0.35, h: 0.2 },
          ].map((box) => prepareCrop(image, box, entry.input)),
        );
      }),
    );
  });
  afterAll(() => embedder?.release());

  it('gives every photo the vectors of its crops alone, from runs shared across photos', async () => {
    const queue = new EmbedQueue(embedder);
    const together = await Promise.all(photos.map((crops) => queue.embed(crops)));
    for (const [p, crops] of photos.entries()) {
      expect(together[p]).toHaveLength(crops.length);
      for (const [i, crop] of crops.entries()) {
        const [alone] = await embedder.embed([crop]);
        expect(maxAbsDiff(together[p]![i]!, alone!)).toBeLessThan(1e-5);
      }
    }
    // 9 crops of two shapes, batches of at most 4: the first photo's own run, then runs that mix the others.
    expect(queue.stats.crops).toBe(9);
    expect(queue.stats.runs).toBeLessThan(9);
    expect(queue.stats.crossPhotoRuns).toBeGreaterThan(0);
  });

  it('fails only the photos whose run failed', async () => {
    let calls = 0;
    const flaky = {
      entry: embedder.entry,
      maxBatch: 1,
      embed: (crops: PreparedCrop[]) =>
        ++calls === 2 ? Promise.reject(new Error('out of memory')) : embedder.embed(crops),
    };
    const queue = new EmbedQueue(flaky);
    const outcomes = await Promise.allSettled(photos.map((crops) => queue.embed(crops.slice(0, 1))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'out of memory' });
  });
});
