// How well a crop shows its animal, 0-1: sharpness x daylight, measured on the crop's pixels. The cover of an
// individual is its best detection by size x confidence x this (core/individuals/derived.ts), so a near-black frame
// or a motion-blurred rump does not become the face of a deer.

/** Mean luminance (0-255) at which a crop counts as fully lit; below NIGHT_FLOOR it shows nothing. */
const LIT = 90;
const NIGHT_FLOOR = 12;
/** Laplacian variance at which sharpness reaches one half. */
const SHARP_HALF = 60;

/** Luminance of interleaved RGB pixels. */
function luminance(rgb: Uint8Array, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = 0.299 * rgb[3 * i]! + 0.587 * rgb[3 * i + 1]! + 0.114 * rgb[3 * i + 2]!;
  return out;
}

/** Sharpness 0-1: variance of the 4-neighbour Laplacian, squashed (blur and noise-free darkness score low). */
export function sharpness(gray: Float32Array, width: number, height: number): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = gray[i - 1]! + gray[i + 1]! + gray[i - width]! + gray[i + width]! - 4 * gray[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  if (n === 0) return 0;
  const variance = sumSq / n - (sum / n) ** 2;
  return variance / (variance + SHARP_HALF);
}

/** Daylight 0-1 from the mean luminance: a near-black crop scores 0, a lit one 1. */
export function daylight(gray: Float32Array): number {
  let sum = 0;
  for (const v of gray) sum += v;
  const mean = gray.length ? sum / gray.length : 0;
  return Math.min(1, Math.max(0, (mean - NIGHT_FLOOR) / (LIT - NIGHT_FLOOR)));
}

/** Quality of a crop given as interleaved RGB (a small version of it is enough: 64-128 px a side). */
export function cropQuality(rgb: Uint8Array, width: number, height: number): number {
  const gray = luminance(rgb, width * height);
  return Math.round(sharpness(gray, width, height) * daylight(gray) * 1e4) / 1e4;
}
