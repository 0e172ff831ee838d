// Greedy one-to-one matching of predicted boxes to ground-truth boxes at an IoU threshold: how detection quality is
// measured against hand-drawn boxes (tests, benchmarks). Boxes are normalised top-left x, y, w, h.
import type { NormBox } from '../models/letterbox';
import { iou } from '../models/nms';

const corners = (b: NormBox) => ({ x1: b.x, y1: b.y, x2: b.x + b.w, y2: b.y + b.h });

export interface MatchResult {
  matched: number;
  /** Ground-truth boxes no prediction matched. */
  missed: number;
  /** Predictions that matched no ground-truth box. */
  unmatched: number;
}

/** Predictions should be sorted by confidence, strongest first: each takes the best free ground-truth box. */
export function matchBoxes(predicted: readonly NormBox[], truth: readonly NormBox[], threshold = 0.5): MatchResult {
  const taken = new Array<boolean>(truth.length).fill(false);
  let matched = 0;
  for (const p of predicted) {
    let best = -1;
    let bestIou = threshold;
    truth.forEach((t, i) => {
      if (taken[i]) return;
      const v = iou(corners(p), corners(t));
      if (v >= bestIou) {
        bestIou = v;
        best = i;
      }
    });
    if (best >= 0) {
      taken[best] = true;
      matched++;
    }
  }
  return { matched, missed: truth.length - matched, unmatched: predicted.length - matched };
}
