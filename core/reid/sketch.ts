// 1-bit sketches of embeddings for the coarse KNN step: sign bits of a fixed random rotation of the centred vector
// (a subsampled randomised Hadamard transform). The hamming distance between two sketches estimates the angle
// between the centred vectors, so a short sketch ranks neighbours almost as an exact scan would, and the scan over
// every stored sketch stays cheap.
// Centring: embeddings after a ReLU (GeM-pooled MobileNet features) are all positive, so sign bits of the raw vector
// would all be set. Subtracting the vector's own mean removes that shared all-positive direction without any
// library-wide statistics to store or keep up to date.
// The rotation is fixed (seeded signs): sketches are comparable across runs and processes. Changing SKETCH_BITS or
// the rotation changes every stored sketch: rebuild them from the stored vectors (see vectorIndex).

/** Bits per sketch (fewer when the padded dimension is smaller). 512 bits: a 100,000-row scan in a few ms. */
export const SKETCH_BITS = 512;

const signsByLength = new Map<number, Float32Array>();

/** ±1 per input position from a fixed-seed generator (mulberry32). */
function signs(length: number): Float32Array {
  let out = signsByLength.get(length);
  if (out) return out;
  let s = 0x9e3779b9;
  out = Float32Array.from({ length }, () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 1 ? 1 : -1;
  });
  signsByLength.set(length, out);
  return out;
}

/** Sketch bytes (bit i in byte i >> 3, bit i & 7). */
export function sketch(v: Float32Array): Buffer {
  let padded = 8;
  while (padded < v.length) padded *= 2;
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  const sign = signs(padded);
  const x = new Float64Array(padded);
  for (let i = 0; i < v.length; i++) x[i] = (v[i]! - mean) * sign[i]!;
  // In-place fast Walsh-Hadamard transform: every output mixes every input.
  for (let h = 1; h < padded; h *= 2) {
    for (let i = 0; i < padded; i += h * 2) {
      for (let j = i; j < i + h; j++) {
        const a = x[j]!;
        const b = x[j + h]!;
        x[j] = a + b;
        x[j + h] = a - b;
      }
    }
  }
  const bits = Math.min(SKETCH_BITS, padded);
  const out = Buffer.alloc(bits / 8);
  for (let i = 0; i < bits; i++) if (x[i]! > 0) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

/** The sketch as 32-bit words (little-endian, as every platform the app runs on), the layout SketchSet scans. */
export function sketchWords(bytes: Uint8Array): Uint32Array {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  return new Uint32Array(padded.buffer);
}
