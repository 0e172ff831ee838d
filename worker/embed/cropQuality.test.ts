import { describe, expect, it } from 'vitest';
import { cropQuality } from './cropQuality';

/** A size x size RGB image from a luminance function. */
function image(size: number, lum: (x: number, y: number) => number): Uint8Array {
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) rgb.fill(lum(x, y), 3 * (y * size + x), 3 * (y * size + x) + 3);
  return rgb;
}

describe('crop quality: sharpness x daylight', () => {
  it('scores a lit, detailed crop high, a blurred one lower and a near-black one zero', () => {
    const sharp = cropQuality(
      image(64, (x, y) => (((x >> 2) + (y >> 2)) % 2 ? 200 : 60)),
      64,
      64,
    );
    const blurred = cropQuality(
      image(64, (x) => 130 + 70 * Math.sin(x / 10)),
      64,
      64,
    );
    const dark = cropQuality(
      image(64, (x, y) => (((x >> 2) + (y >> 2)) % 2 ? 12 : 4)),
      64,
      64,
    );
    expect(sharp).toBeGreaterThan(0.9);
    expect(blurred).toBeLessThan(0.2);
    expect(dark).toBe(0);
  });
});
