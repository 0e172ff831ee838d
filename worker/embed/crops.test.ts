// prepareCrop on a real photo: the model input is the plan's region resized to the plan's size, the thumbnail is the
// display crop at most THUMBNAIL_SIZE a side, and the quality is measured on the display crop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { findEmbedder } from '../../core/models/catalog';
import { displayRegion } from '../../core/photos/crop';
import { decodeImage, fromDecoded } from '../../core/photos/decode';
import { deerImagesDir } from '../../testing/fixtures';
import { planCrop } from './cropPlan';
import { cropQuality } from './cropQuality';
import { prepareCrop, THUMBNAIL_SIZE } from './crops';

describe('prepareCrop', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-crops-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the model input, a display thumbnail and the display crop quality from one decode', async () => {
    const spec = findEmbedder('mobilenetv2_gem').input;
    const image = await decodeImage(path.join(deerImagesDir(), 'deer-img81.JPG'));
    // The stag (ground truth box) and a small box in a corner: a thumbnail smaller than THUMBNAIL_SIZE is not enlarged.
    for (const box of [
      { x: 0, y: 0.072, w: 0.683, h: 0.889 },
      { x: 0.85, y: 0.02, w: 0.1, h: 0.1 },
    ]) {
      const file = path.join(dir, 'cache', 'crops', `${box.x}.jpg`);
      const crop = await prepareCrop(image, box, spec, file);
      const plan = planCrop(box, image.width, image.height, spec);
      const input = await fromDecoded(image)
        .extract(plan.region)
        .resize(plan.inputWidth, plan.inputHeight, { fit: 'fill' })
        .raw()
        .toBuffer();
      expect([crop.width, crop.height]).toEqual([plan.inputWidth, plan.inputHeight]);
      expect(Buffer.compare(Buffer.from(crop.rgb), input)).toBe(0);

      const region = displayRegion(image, box);
      const meta = await sharp(file).metadata();
      expect(meta.format).toBe('jpeg');
      const scale = Math.min(1, THUMBNAIL_SIZE / Math.max(region.width, region.height));
      expect(Math.abs(meta.width! - region.width * scale)).toBeLessThanOrEqual(1);
      expect(Math.abs(meta.height! - region.height * scale)).toBeLessThanOrEqual(1);

      const small = await fromDecoded(image)
        .extract(region)
        .resize(96, 96, { fit: 'inside' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(crop.quality).toBeCloseTo(cropQuality(small.data, small.info.width, small.info.height), 9);
    }
  });
});
