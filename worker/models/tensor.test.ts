import { describe, expect, it } from 'vitest';
import { letterbox } from './letterbox';
import { fillInput } from './tensor';

describe('fillInput', () => {
  // A 2x1 image (red, green) into a 4x4 input.
  const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0]);

  it('places a centred, planar RGB image scaled to 0-1 in 114-grey padding', () => {
    const lb = letterbox(2, 1, 4, 4, 'center');
    expect([lb.resizedWidth, lb.resizedHeight, lb.padX, lb.padY]).toEqual([4, 2, 0, 1]);
    // Give fillInput pixels of the resized size: 4x2, left half red, right half green.
    const resized = Uint8Array.from([
      ...[0, 1, 2, 3].flatMap((x) => (x < 2 ? [255, 0, 0] : [0, 255, 0])),
      ...[0, 1, 2, 3].flatMap((x) => (x < 2 ? [255, 0, 0] : [0, 255, 0])),
    ]);
    const out = new Float32Array(2 * 3 * 16).fill(-1);
    fillInput(
      resized,
      lb,
      { name: 'images', width: 4, height: 4, channels: 'rgb', scale: 255, pad: 114, batch: 1 },
      out,
      1,
    );
    expect(out[0]).toBe(-1); // slot 0 untouched
    const r = out.subarray(48, 64);
    expect(r[0]).toBeCloseTo(114 / 255); // padding row
    expect(r[4]).toBe(1); // row 1, x 0: red
    expect(r[6]).toBe(0); // row 1, x 2: green has no red
    const g = out.subarray(64, 80);
    expect(g[6]).toBe(1);
  });

  it('reverses channels for BGR models and applies mean/std', () => {
    const lb = letterbox(2, 1, 2, 1, 'top-left');
    const out = new Float32Array(3 * 2);
    fillInput(rgb, lb, { name: 'x', width: 2, height: 1, channels: 'bgr', scale: 1, batch: 1 }, out, 0);
    expect(Array.from(out)).toEqual([0, 0, 0, 255, 255, 0]); // B plane, G plane, R plane
    fillInput(
      rgb,
      lb,
      {
        name: 'x',
        width: 2,
        height: 1,
        channels: 'rgb',
        scale: 255,
        mean: [0.5, 0.5, 0.5],
        std: [0.5, 0.5, 0.5],
        batch: 1,
      },
      out,
      0,
    );
    expect(Array.from(out)).toEqual([1, -1, -1, 1, -1, -1]);
  });
});
