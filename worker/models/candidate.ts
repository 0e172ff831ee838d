// What a detector family's decoder yields: one box in model-input pixels with its best class.
import type { CornerBox } from './letterbox';

export interface Candidate extends CornerBox {
  score: number;
  classIndex: number;
}

/** A raw output tensor: data with its dims, as onnxruntime returns it (one image of a batch at a time). */
export interface RawOutput {
  data: Float32Array;
  dims: readonly number[];
}

export interface DecodeOptions {
  threshold: number;
  /** Classes worth decoding (not ignored by the class mapping); the best of these is the box's class. */
  wanted: readonly boolean[];
  inputWidth: number;
  inputHeight: number;
}

/** Best wanted class of a row whose class scores start at `offset` with `stride` between classes. */
export function bestClass(
  data: Float32Array,
  offset: number,
  stride: number,
  wanted: readonly boolean[],
): { classIndex: number; score: number } {
  let classIndex = -1;
  let score = -Infinity;
  for (let c = 0; c < wanted.length; c++) {
    if (!wanted[c]) continue;
    const s = data[offset + c * stride]!;
    if (s > score) {
      score = s;
      classIndex = c;
    }
  }
  return { classIndex, score };
}

export function fromCenter(cx: number, cy: number, w: number, h: number): CornerBox {
  return { x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 };
}
