// Pixels -> model input: a resized RGB image placed in the padded input, in the channel order and scale the model
// wants, planar (CHW), written into a batch buffer at the image's slot.
//
// One pass over the pixels: each byte value maps to its normalised float through a 256-entry table per channel
// (the same float64 arithmetic as per-pixel maths, rounded to float32 once, so the values are bit-identical), and
// only the padding around the image is filled, so a reused buffer is written once per photo.
import type { InputSpec } from '../../core/models/catalog';
import type { Letterbox } from './letterbox';

interface Tables {
  /** Per output plane k: byte value -> input value, for the source channel that plane reads. */
  lut: Float32Array[];
  /** Per output plane: the value of padding. */
  pad: number[];
  /** Per output plane: the interleaved source channel it reads (BGR models take RGB reversed). */
  src: number[];
}

const tablesBySpec = new WeakMap<InputSpec, Tables>();

function tables(spec: InputSpec): Tables {
  const known = tablesBySpec.get(spec);
  if (known) return known;
  const mean = spec.mean ?? [0, 0, 0];
  const std = spec.std ?? [1, 1, 1];
  const src = spec.channels === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  const lut = src.map((c) => {
    const t = new Float32Array(256);
    for (let v = 0; v < 256; v++) t[v] = (v / spec.scale - mean[c]!) / std[c]!;
    return t;
  });
  const pad = src.map((c) => ((spec.pad ?? 0) / spec.scale - mean[c]!) / std[c]!);
  const made = { lut, pad, src };
  tablesBySpec.set(spec, made);
  return made;
}

export function fillInput(rgb: Uint8Array, lb: Letterbox, spec: InputSpec, out: Float32Array, slot: number): void {
  const { inputWidth: W, inputHeight: H, resizedWidth: rw, resizedHeight: rh, padX, padY } = lb;
  if (rgb.length < rw * rh * 3) throw new Error(`expected ${rw}x${rh} RGB pixels, got ${rgb.length} bytes`);
  const plane = W * H;
  const base = slot * 3 * plane;
  const { lut, pad, src } = tables(spec);
  const [l0, l1, l2] = lut as [Float32Array, Float32Array, Float32Array];
  const [s0, s1, s2] = src as [number, number, number];
  const p0 = base;
  const p1 = base + plane;
  const p2 = base + 2 * plane;
  const fillPad = (from: number, to: number) => {
    if (to <= from) return;
    out.fill(pad[0]!, p0 + from, p0 + to);
    out.fill(pad[1]!, p1 + from, p1 + to);
    out.fill(pad[2]!, p2 + from, p2 + to);
  };
  fillPad(0, padY * W);
  fillPad((padY + rh) * W, plane);
  let i = 0;
  for (let y = 0; y < rh; y++) {
    const row = (y + padY) * W;
    fillPad(row, row + padX);
    fillPad(row + padX + rw, row + W);
    for (let o = row + padX, end = o + rw; o < end; o++, i += 3) {
      out[p0 + o] = l0[rgb[i + s0]!]!;
      out[p1 + o] = l1[rgb[i + s1]!]!;
      out[p2 + o] = l2[rgb[i + s2]!]!;
    }
  }
}
