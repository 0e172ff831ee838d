// Per-family facts: how to decode the output and the confidence threshold a family's models start with.
import type { DetectorFamily } from '../../../core/models/catalog';
import type { Candidate, DecodeOptions, RawOutput } from '../candidate';
import { decodeYolov5 } from './yolov5';
import { decodeYolov8 } from './yolov8';
import { decodeYolox } from './yolox';

export interface FamilySpec {
  decode(out: RawOutput, opts: DecodeOptions): Candidate[];
  /** Default confidence threshold (a catalog entry may override it). */
  threshold: number;
}

// Thresholds: COCO models score camera-trap deer low (they are "horses" and "cows" to them). On the 78 fixture deer
// photos (82 boxes), YOLOX-nano finds 57% of the deer at 0.15 with 23 false boxes (51% at 0.25) and YOLOv8n 67% at
// 0.2 with 24 false boxes; MegaDetector's own typical threshold is 0.2.
export const FAMILIES: Record<DetectorFamily, FamilySpec> = {
  yolox: { decode: decodeYolox, threshold: 0.15 },
  yolov8: { decode: decodeYolov8, threshold: 0.2 },
  yolov5: { decode: decodeYolov5, threshold: 0.2 },
};
