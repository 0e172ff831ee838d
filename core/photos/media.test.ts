import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { deerImagesDir } from '../../testing/fixtures';
import { cachePath } from './cachePaths';
import { cropDecoded, cropRegion } from './crop';
import { decodeImage, type DecodedImage } from './decode';
import { derivedImage, PREVIEW_SIDE, THUMB_SIDE, writeThumbnail } from './thumbnails';

describe('decodeImage', () => {
  it('shrinks a 2048x1536 photo on load to the working size', async () => {
    const img = await decodeImage(path.join(deerImagesDir(), 'deer-img1.jpg'));
    expect([img.width, img.height]).toEqual([1024, 768]);
    expect(img.data.length).toBe(1024 * 768 * 3);
  });

  it('applies EXIF orientation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-orient-'));
    const file = path.join(dir, 'rotated.jpg');
    // Stored 40x20, left half white; orientation 6 means "rotate 90 clockwise to display": 20x40, top half white.
    const raw = Buffer.alloc(40 * 20 * 3);
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) raw.fill(255, (y * 40 + x) * 3, (y * 40 + x) * 3 + 3);
    await sharp(raw, { raw: { width: 40, height: 20, channels: 3 } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(file);
    const img = await decodeImage(file);
    expect([img.width, img.height]).toEqual([20, 40]);
    expect(img.data[(5 * 20 + 10) * 3]).toBeGreaterThan(200); // top half
    expect(img.data[(35 * 20 + 10) * 3]).toBeLessThan(50); // bottom half
  });

  it('rejects a truncated JPEG', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-trunc-'));
    const bytes = fs.readFileSync(path.join(deerImagesDir(), 'deer-img1.jpg'));
    fs.writeFileSync(path.join(dir, 't.jpg'), bytes.subarray(0, bytes.length / 2));
    await expect(decodeImage(path.join(dir, 't.jpg'))).rejects.toThrow(/premature end|truncated/i);
  });
});

describe('thumbnails and crops', () => {
  const img: DecodedImage = { data: Buffer.alloc(1024 * 768 * 3, 128), width: 1024, height: 768 };

  it('writes the JPEG grid thumbnail from decoded pixels at its deterministic path', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-cache-'));
    const file = await writeThumbnail(img, cache, 1234);
    expect(file).toBe(path.join(cache, 'thumbs', '1', '1234.jpg'));
    const thumb = await sharp(file).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', THUMB_SIDE, 240]);
    expect(fs.existsSync(cachePath(cache, 'previews', 1234))).toBe(false);
  });

  it('makes a preview from the original once, for requests at the same moment, and keeps it', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-cache-'));
    const original = path.join(deerImagesDir(), 'deer-img1.jpg');
    const made = await Promise.all([1, 2, 3].map(() => derivedImage(cache, 'previews', 77, original)));
    expect(new Set(made)).toEqual(new Set([cachePath(cache, 'previews', 77)]));
    const meta = await sharp(made[0]).metadata();
    expect([meta.format, meta.width]).toEqual(['jpeg', PREVIEW_SIDE]);
    // Nothing half-written is left beside it.
    expect(fs.readdirSync(path.dirname(made[0]!))).toEqual(['77.jpg']);
    const mtime = fs.statSync(made[0]!).mtimeMs;
    await derivedImage(cache, 'previews', 77, original);
    expect(fs.statSync(made[0]!).mtimeMs).toBe(mtime);
  });

  it('shows a transparent PNG on white, not black', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-cache-'));
    const png = path.join(cache, 'clear.png');
    await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toFile(png);
    const made = await derivedImage(cache, 'previews', 9, png);
    const { data } = await sharp(made).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data)).toBeGreaterThan(240);
  });

  it('refuses an original it cannot decode and leaves no file', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-cache-'));
    const bad = path.join(cache, 'bad.jpg');
    fs.writeFileSync(bad, 'not a jpeg');
    await expect(derivedImage(cache, 'previews', 5, bad)).rejects.toThrow();
    expect(fs.existsSync(cachePath(cache, 'previews', 5))).toBe(false);
    expect(fs.readdirSync(path.join(cache, 'previews', '0'))).toEqual([]);
  });

  it('cuts a box with margin, clipped to the image', async () => {
    expect(cropRegion(img, { x: 0.5, y: 0.5, w: 0.25, h: 0.25 })).toEqual({
      left: 512,
      top: 384,
      width: 256,
      height: 192,
    });
    expect(cropRegion(img, { x: 0, y: 0.9, w: 0.2, h: 0.2 }, 0.1)).toEqual({
      left: 0,
      top: 675,
      width: 226,
      height: 93,
    });
    const { info } = await cropDecoded(img, { x: 0.1, y: 0.1, w: 0.3, h: 0.5 }, { width: 128, height: 256 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([128, 256, 3]);
  });
});
