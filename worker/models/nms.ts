// Non-maximum suppression in two steps: per class, overlapping boxes are the same prediction and all but the best
// are dropped; then across classes, a box overlapping a stronger one is the same animal seen as another class
// (a deer as "horse" and "cow") and is kept but marked duplicate, so one animal never counts twice and nothing
// disappears silently.
import type { Candidate } from './candidate';
import type { CornerBox } from './letterbox';

export function iou(a: CornerBox, b: CornerBox): number {
  const iw = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const ih = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const union = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
  return union > 0 ? inter / union : 0;
}

const byScore = (a: Candidate, b: Candidate) => b.score - a.score;

/** Greedy NMS within each class. */
export function nmsPerClass<T extends Candidate>(candidates: readonly T[], iouThreshold: number): T[] {
  const kept: T[] = [];
  for (const c of [...candidates].sort(byScore)) {
    if (!kept.some((k) => k.classIndex === c.classIndex && iou(k, c) > iouThreshold)) kept.push(c);
  }
  return kept;
}

/** Class-agnostic pass: strongest first, a box overlapping a kept non-duplicate box is a duplicate. */
export function markDuplicates<T extends Candidate>(
  candidates: readonly T[],
  iouThreshold: number,
): (T & { duplicate: boolean })[] {
  const out: (T & { duplicate: boolean })[] = [];
  for (const c of [...candidates].sort(byScore)) {
    const duplicate = out.some((k) => !k.duplicate && iou(k, c) > iouThreshold);
    out.push({ ...c, duplicate });
  }
  return out;
}
