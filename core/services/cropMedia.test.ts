// Display crops served by id: a box without a pipeline crop (drawn by hand, photo not embedded yet) is cut from the
// full-resolution original, with the display margins, and kept.
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';
import { DISPLAY_CROP_SIDE, displayRegion } from '../photos/crop';
import { resolveMedia } from './media';

let t: TestLibrary;
let detectionId = 0;
const box = { x: 0.441, y: 0.456, w: 0.342, h: 0.332 };

beforeAll(async () => {
  t = await importFixturePhotos(1);
  const c = t.library.db.$client;
  const image = (c.prepare('SELECT id FROM images ORDER BY id LIMIT 1').get() as { id: number }).id;
  detectionId = Number(
    c
      .prepare(
        `INSERT INTO detections (image_id, model, raw_label, category, confidence, x, y, w, h, reviewed)
         VALUES (?, 'human', 'human', 'animal', 1, ?, ?, ?, ?, 1)`,
      )
      .run(image, box.x, box.y, box.w, box.h).lastInsertRowid,
  );
});
afterAll(() => t.library.close());

describe('crop media', () => {
  it('cuts a missing crop from the full-resolution photo, antlers margin included, and keeps it', async () => {
    const first = await resolveMedia(t.library, { kind: 'crop', id: detectionId });
    expect(first).toMatchObject({ contentType: 'image/jpeg' });
    const meta = await sharp(first!.file).metadata();
    // The original is 2048x1536: the display region is larger than DISPLAY_CROP_SIDE, so the crop is that size, in
    // the region's shape.
    const region = displayRegion({ width: 2048, height: 1536 }, box);
    expect(Math.max(meta.width!, meta.height!)).toBe(DISPLAY_CROP_SIDE);
    expect(meta.width! / meta.height!).toBeCloseTo(region.width / region.height, 1);
    const stat = fs.statSync(first!.file);
    const again = await resolveMedia(t.library, { kind: 'crop', id: detectionId });
    expect(again!.file).toBe(first!.file);
    expect(fs.statSync(again!.file).mtimeMs).toBe(stat.mtimeMs);
  });

  it('answers nothing for an unknown detection', async () => {
    expect(await resolveMedia(t.library, { kind: 'crop', id: 999_999 })).toBeNull();
  });
});
