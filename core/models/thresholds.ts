// Default confidence thresholds per detector family; a catalog entry may set its own.
// COCO models score camera-trap deer low (they are "horses" and "cows" to them). On the 78 fixture deer photos
// (82 boxes), YOLOX-nano finds 57% of the deer at 0.15 with 23 false boxes (51% at 0.25) and YOLOv8n 67% at 0.2 with
// 24 false boxes. MegaDetector's own typical threshold is 0.2.
import type { DetectorEntry, DetectorFamily } from './catalog';

export const FAMILY_THRESHOLDS: Record<DetectorFamily, number> = { yolox: 0.15, yolov8: 0.2, yolov5: 0.2 };

export function detectorThreshold(entry: Pick<DetectorEntry, 'family' | 'threshold'>): number {
  return entry.threshold ?? FAMILY_THRESHOLDS[entry.family];
}
