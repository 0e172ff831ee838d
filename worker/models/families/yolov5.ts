// YOLOv5 / MegaDetector v5 output [1, N, 5 + C]: row-major cx, cy, w, h in input pixels, objectness, class scores;
// score = objectness x class score.
import { bestClass, fromCenter, type Candidate, type DecodeOptions, type RawOutput } from '../candidate';

export function decodeYolov5(out: RawOutput, opts: DecodeOptions): Candidate[] {
  const [, n, width] = out.dims as [number, number, number];
  if (width - 5 !== opts.wanted.length)
    throw new Error(`YOLOv5 output has ${width - 5} classes, the model's labels ${opts.wanted.length}`);
  const { data } = out;
  const found: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * width;
    const objectness = data[o + 4]!;
    if (objectness < opts.threshold) continue;
    const best = bestClass(data, o + 5, 1, opts.wanted);
    const score = objectness * best.score;
    if (score < opts.threshold) continue;
    found.push({
      ...fromCenter(data[o]!, data[o + 1]!, data[o + 2]!, data[o + 3]!),
      score,
      classIndex: best.classIndex,
    });
  }
  return found;
}
