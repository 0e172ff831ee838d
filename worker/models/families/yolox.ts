// YOLOX raw grid output [1, cells, 5 + C]: per cell x, y offsets and log w, h in stride units, objectness and class
// scores (already sigmoid). Cells are the 8-, 16- and 32-pixel grids over the input, in that order.
import { bestClass, fromCenter, type Candidate, type DecodeOptions, type RawOutput } from '../candidate';

const STRIDES = [8, 16, 32];

export function decodeYolox(out: RawOutput, opts: DecodeOptions): Candidate[] {
  const [, cells, width] = out.dims as [number, number, number];
  const classes = width - 5;
  if (classes !== opts.wanted.length)
    throw new Error(`YOLOX output has ${classes} classes, the model's labels ${opts.wanted.length}`);
  const { data } = out;
  const found: Candidate[] = [];
  let row = 0;
  for (const stride of STRIDES) {
    const gw = Math.floor(opts.inputWidth / stride);
    const gh = Math.floor(opts.inputHeight / stride);
    for (let gy = 0; gy < gh; gy++) {
      for (let gx = 0; gx < gw; gx++, row++) {
        const o = row * width;
        const objectness = data[o + 4]!;
        if (objectness < opts.threshold) continue;
        const best = bestClass(data, o + 5, 1, opts.wanted);
        const score = objectness * best.score;
        if (score < opts.threshold) continue;
        const cx = (data[o]! + gx) * stride;
        const cy = (data[o + 1]! + gy) * stride;
        const w = Math.exp(data[o + 2]!) * stride;
        const h = Math.exp(data[o + 3]!) * stride;
        found.push({ ...fromCenter(cx, cy, w, h), score, classIndex: best.classIndex });
      }
    }
  }
  if (row !== cells)
    throw new Error(`YOLOX output has ${cells} cells, a ${opts.inputWidth}x${opts.inputHeight} input gives ${row}`);
  return found;
}
