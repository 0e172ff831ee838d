import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { deerImagesDir } from '../../testing/fixtures';
import { decodeBand, decodeImage, readAndDecodeAtScale, type DecodedImage } from './decode';

const rowsOf = (img: DecodedImage, top: number, height: number) =>
  img.data.subarray(top * img.width * 3, (top + height) * img.width * 3);

describe('decodeBand', () => {
  it('gives the rows of the whole decode that hold the span, pixel for pixel', async () => {
    const bytes = fs.readFileSync(path.join(deerImagesDir(), 'deer-img1.jpg'));
    const whole = await decodeImage(bytes, 1024);
    for (const span of [
      { y0: 0, y1: 0.2 },
      { y0: 0.37, y1: 0.61 },
      { y0: 0.8, y1: 1.2 },
      { y0: -0.3, y1: 0.05 },
    ]) {
      const band = await decodeBand(bytes, 1024, span);
      expect([band.width, band.fullHeight]).toEqual([whole.width, whole.height]);
      expect(band.top).toBeLessThanOrEqual(Math.max(0, Math.floor(span.y0 * whole.height)));
      expect(band.top + band.height).toBeGreaterThanOrEqual(Math.min(whole.height, Math.ceil(span.y1 * whole.height)));
      expect(Buffer.compare(band.data, rowsOf(whole, band.top, band.height))).toBe(0);
    }
  });

  it('is oriented as the whole decode is (EXIF orientation 6)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-band-'));
    const file = path.join(dir, 'rotated.jpg');
    const raw = Buffer.alloc(64 * 32 * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 7) % 251;
    await sharp(raw, { raw: { width: 64, height: 32, channels: 3 } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(file);
    const whole = await decodeImage(file);
    const band = await decodeBand(file, 1024, { y0: 0.5, y1: 0.75 });
    expect([whole.width, whole.height, band.fullHeight]).toEqual([32, 64, 64]);
    expect(Buffer.compare(band.data, rowsOf(whole, band.top, band.height))).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('readAndDecodeAtScale', () => {
  it('decodes from the bytes it read, as from the file', async () => {
    const file = path.join(deerImagesDir(), 'deer-img1.jpg');
    const { bytes, decoded } = await readAndDecodeAtScale(file, 416);
    expect(bytes.equals(fs.readFileSync(file))).toBe(true);
    expect([decoded.width, decoded.height]).toEqual([512, 384]);
  });

  it('rejects truncated bytes', async () => {
    const bytes = fs.readFileSync(path.join(deerImagesDir(), 'deer-img1.jpg'));
    await expect(decodeBand(bytes.subarray(0, bytes.length / 2), 1024, { y0: 0.9, y1: 1 })).rejects.toThrow(
      /premature end|truncated/i,
    );
  });
});
