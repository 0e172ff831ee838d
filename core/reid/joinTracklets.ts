// Tracklets of one sequence that never share a photo may be one animal: the detector missed it for a few frames, or
// it left and came back a moment later. Frame-to-frame linking (tracklets.ts) cannot bridge that, so a second pass
// joins such tracklets automatically when their crops look alike AND the motion agrees (where one ends and the other
// starts is within reach of an animal in the frames between). Pairs that fail either test are not joined here: they
// become separate individuals and the match stage proposes them to a person (suggestions allow one sequence; only a
// shared photo excludes a pair). Two tracklets that share a photo are two animals and are never joined.
import type { Box, TrackFrame, Tracklet } from './tracklets';
import { cosine, l2normalize } from './vectorMath';

export interface JoinOptions {
  /** Cosine of the tracklets' mean embeddings at or above which they may join. */
  minAppearance: number;
  /** How far an animal may move per frame between the two, in box sizes (centre distance over the mean box size). */
  maxBoxesPerFrame: number;
  /** Largest ratio of the two box areas at the closest frames (a far deer and a near one are not the same moment). */
  maxAreaRatio: number;
}

export const DEFAULT_JOIN_OPTIONS: JoinOptions = { minAppearance: 0.75, maxBoxesPerFrame: 1, maxAreaRatio: 4 };

interface Facts {
  frames: number[];
  boxes: Box[];
  mean: Float32Array | null;
}

function facts(t: Tracklet, frameOf: Map<number, number>, detections: Map<number, TrackFrame['detections'][number]>) {
  let sum: Float32Array | null = null;
  for (const id of t.detectionIds) {
    const v = detections.get(id)?.embedding;
    if (!v) continue;
    const n = l2normalize(v);
    if (!sum) sum = n;
    else for (let i = 0; i < sum.length; i++) sum[i]! += n[i]!;
  }
  return {
    frames: t.imageIds.map((id) => frameOf.get(id)!),
    boxes: t.detectionIds.map((id) => detections.get(id)!.box),
    mean: sum ? l2normalize(sum) : null,
  };
}

/** Whether the motion between the closest detections of the two (in frames) is one an animal can make. */
export function motionAgrees(a: Facts, b: Facts, o: JoinOptions): boolean {
  let best: { steps: number; i: number; j: number } | null = null;
  a.frames.forEach((fa, i) =>
    b.frames.forEach((fb, j) => {
      const steps = Math.abs(fa - fb);
      if (!best || steps < best.steps) best = { steps, i, j };
    }),
  );
  if (!best) return false;
  const { steps, i, j } = best as { steps: number; i: number; j: number };
  const p = a.boxes[i]!;
  const q = b.boxes[j]!;
  const areaRatio = Math.max(p.w * p.h, q.w * q.h) / Math.max(1e-9, Math.min(p.w * p.h, q.w * q.h));
  if (areaRatio > o.maxAreaRatio) return false;
  const size = { w: (p.w + q.w) / 2, h: (p.h + q.h) / 2 };
  const dx = (p.x + p.w / 2 - (q.x + q.w / 2)) / size.w;
  const dy = (p.y + p.h / 2 - (q.y + q.h / 2)) / size.h;
  return Math.hypot(dx, dy) <= o.maxBoxesPerFrame * Math.max(1, steps);
}

/**
 * Joins the sequence's tracklets that never share a photo when appearance and motion agree; most alike pairs first,
 * so the result does not depend on tracklet order. Tracklets of two different individuals (hints) never join.
 */
export function joinTracklets(
  tracklets: readonly Tracklet[],
  frames: readonly TrackFrame[],
  o: JoinOptions = DEFAULT_JOIN_OPTIONS,
): Tracklet[] {
  const frameOf = new Map(frames.map((f, i) => [f.imageId, i]));
  const detections = new Map(frames.flatMap((f) => f.detections.map((d) => [d.id, d] as const)));
  const groups = tracklets.map((t) => ({ ...t, detectionIds: [...t.detectionIds], imageIds: [...t.imageIds] }));
  for (;;) {
    let best: { a: number; b: number; looks: number } | null = null;
    const info = groups.map((t) => facts(t, frameOf, detections));
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const [ta, tb] = [groups[a]!, groups[b]!];
        if (ta.category !== tb.category) continue;
        if (ta.hint !== null && tb.hint !== null && ta.hint !== tb.hint) continue;
        if (ta.imageIds.some((id) => tb.imageIds.includes(id))) continue;
        const [fa, fb] = [info[a]!, info[b]!];
        if (!fa.mean || !fb.mean) continue;
        const looks = cosine(fa.mean, fb.mean);
        if (looks < o.minAppearance || !motionAgrees(fa, fb, o)) continue;
        if (!best || looks > best.looks) best = { a, b, looks };
      }
    }
    if (!best) break;
    const [ta, tb] = [groups[best.a]!, groups[best.b]!];
    const members = ta.detectionIds
      .map((id, k) => ({ id, image: ta.imageIds[k]! }))
      .concat(tb.detectionIds.map((id, k) => ({ id, image: tb.imageIds[k]! })))
      .sort((x, y) => frameOf.get(x.image)! - frameOf.get(y.image)! || x.id - y.id);
    groups[best.a] = {
      category: ta.category,
      detectionIds: members.map((m) => m.id),
      imageIds: members.map((m) => m.image),
      hint: ta.hint ?? tb.hint,
    };
    groups.splice(best.b, 1);
  }
  return groups.sort((x, y) => Math.min(...x.detectionIds) - Math.min(...y.detectionIds));
}
