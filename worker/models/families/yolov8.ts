// Ultralytics YOLOv8 / YOLO11 output [1, 4 + C, N]: channel-major, rows 0-3 cx, cy, w, h in input pixels, then one
// sigmoid score per class; no objectness.
import { bestClass, fromCenter, type Candidate, type DecodeOptions, type RawOutput } from '../candidate';

export function decodeYolov8(out: RawOutput, opts: DecodeOptions): Candidate[] {
  const [, channels, n] = out.dims as [number, number, number];
  if (channels - 4 !== opts.wanted.length)
    throw new Error(`YOLOv8 output has ${channels - 4} classes, the model's labels ${opts.wanted.length}`);
  const { data } = out;
  const found: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const best = bestClass(data, 4 * n + i, n, opts.wanted);
    if (best.score < opts.threshold) continue;
    const box = fromCenter(data[i]!, data[n + i]!, data[2 * n + i]!, data[3 * n + i]!);
    found.push({ ...box, score: best.score, classIndex: best.classIndex });
  }
  return found;
}
