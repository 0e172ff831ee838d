import { describe, expect, it } from 'vitest';
import { SKETCH_BITS, sketch } from './sketch';

function hamming(a: Buffer, b: Buffer): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) for (let x = a[i]! ^ b[i]!; x; x &= x - 1) d++;
  return d;
}

/** Deterministic non-negative vector (post-ReLU-like). */
function vector(seed: number, dim = 1280): Float32Array {
  let s = seed;
  return Float32Array.from({ length: dim }, () =>
    Math.max(0, (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5),
  );
}

describe('sketch', () => {
  it('has SKETCH_BITS bits, fewer for short vectors, and ignores scale', () => {
    const v = vector(1);
    expect(sketch(v)).toHaveLength(SKETCH_BITS / 8);
    expect(sketch(vector(1, 20))).toHaveLength(4);
    expect(sketch(Float32Array.from(v, (x) => x * 3))).toEqual(sketch(v));
  });

  it('keeps information in all-positive vectors: near vectors differ in few bits, unrelated ones in about half', () => {
    const v = vector(1);
    const near = Float32Array.from(v, (x, i) => x + (i % 7 === 0 ? 0.05 : 0));
    const far = vector(2);
    const bits = SKETCH_BITS;
    expect(hamming(sketch(v), sketch(near))).toBeLessThan(bits * 0.15);
    expect(hamming(sketch(v), sketch(far))).toBeGreaterThan(bits * 0.35);
    // Raw sign bits would be all ones; centred, rotated bits are balanced.
    const ones = hamming(sketch(v), Buffer.alloc(bits / 8));
    expect(ones).toBeGreaterThan(bits * 0.35);
    expect(ones).toBeLessThan(bits * 0.65);
  });
});
