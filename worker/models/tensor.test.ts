import { describe, expect, it } from 'vitest';
import type { InputSpec } from '../../core/models/catalog';
import { letterbox, type Letterbox } from './letterbox';
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

/** The per-pixel, per-channel loop fillInput replaced: kept here as the reference its values must equal bit for bit. */
function referenceFill(rgb: Uint8Array, lb: Letterbox, spec: InputSpec, out: Float32Array, slot: number): void {
  const { inputWidth: W, inputHeight: H, resizedWidth: rw, resizedHeight: rh, padX, padY } = lb;
  const plane = W * H;
  const base = slot * 3 * plane;
  const mean = spec.mean ?? [0, 0, 0];
  const std = spec.std ?? [1, 1, 1];
  const order = spec.channels === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  for (let k = 0; k < 3; k++) {
    const src = order[k]!;
    const m = mean[src]!;
    const s = std[src]!;
    out.fill(((spec.pad ?? 0) / spec.scale - m) / s, base + k * plane, base + (k + 1) * plane);
    for (let y = 0; y < rh; y++) {
      let o = base + k * plane + (y + padY) * W + padX;
      let i = y * rw * 3 + src;
      for (let x = 0; x < rw; x++, o++, i += 3) out[o] = (rgb[i]! / spec.scale - m) / s;
    }
  }
}

describe('fillInput against the per-channel reference', () => {
  const specs: InputSpec[] = [
    { name: 'images', width: 416, height: 416, channels: 'bgr', scale: 1, anchor: 'top-left', pad: 114, batch: 1 },
    { name: 'images', width: 64, height: 48, channels: 'rgb', scale: 255, anchor: 'center', pad: 114, batch: 1 },
    {
      name: 'input',
      width: 96,
      height: 64,
      channels: 'rgb',
      scale: 255,
      mean: [0.485, 0.456, 0.406],
      std: [0.229, 0.224, 0.225],
      batch: 'dynamic',
    },
  ];

  it('writes the same floats into a reused buffer, for any image shape and slot', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff) as number;
    for (const spec of specs) {
      const got = new Float32Array(2 * 3 * spec.width * spec.height).fill(Number.NaN);
      const want = new Float32Array(got.length);
      for (const [w, h] of [
        [300, 200],
        [37, 91],
        [spec.width, spec.height],
      ] as const) {
        const lb = letterbox(w, h, spec.width, spec.height, spec.anchor ?? 'top-left');
        const rgb = Uint8Array.from({ length: lb.resizedWidth * lb.resizedHeight * 3 }, random);
        for (const slot of [0, 1]) {
          fillInput(rgb, lb, spec, got, slot);
          referenceFill(rgb, lb, spec, want, slot);
        }
        // Bit-identical (Object.is tells NaN from a value): a deep equal over a million floats is slow.
        expect(got.findIndex((v, i) => !Object.is(v, want[i]))).toBe(-1);
      }
    }
  });

  it('refuses pixels smaller than the letterbox says', () => {
    const lb = letterbox(4, 4, 4, 4, 'top-left');
    expect(() => fillInput(new Uint8Array(10), lb, specs[0]!, new Float32Array(3 * 416 * 416), 0)).toThrow(/4x4/);
  });
});
