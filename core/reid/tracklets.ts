// Tracklets: one animal followed through the frames of one sequence. Frame to frame, every live track is matched to
// at most one detection of the next frame by an OPTIMAL assignment (Hungarian, see assignment.ts) over a similarity
// that mixes box overlap (IoU with the track's last box) and appearance (cosine of the crop embedding with the
// track's mean embedding). A pair is allowed only when the categories agree and either the boxes overlap or the
// crops look alike; everything else starts a new track.
// Hard rule, by construction: a track takes at most one detection per photo, so two boxes of one photo never share
// a tracklet. Re-tracking keeps people's decisions: a detection may carry the individual it belonged to (its hint),
// and detections of two different individuals never link.
import type { Category } from '../contract/entities';
import { assignMinCost } from './assignment';
import { cosine, l2normalize } from './vectorMath';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TrackDetection {
  id: number;
  category: Category;
  box: Box;
  embedding: Float32Array | null;
  /** The individual it belonged to before this re-tracking, if any. */
  hint?: number | null;
}

/** One photo of the sequence; frames come in capture order. */
export interface TrackFrame {
  imageId: number;
  detections: TrackDetection[];
}

export interface TrackOptions {
  weightIoU: number;
  weightAppearance: number;
  /** Boxes overlapping at least this much may link whatever the crops look like. */
  minIoU: number;
  /** Crops at least this similar may link even when the boxes do not overlap (the animal walked across). */
  minAppearance: number;
  /** A track that found no detection for this many frames in a row is closed. */
  maxMissedFrames: number;
  /**
   * Similarity factor per frame a track has missed: its last box is stale (the animal kept walking), so a track
   * seen in the previous frame wins over one last seen several frames ago at a similar place.
   */
  missedFrameFactor: number;
}

export const DEFAULT_TRACK_OPTIONS: TrackOptions = {
  weightIoU: 0.5,
  weightAppearance: 0.5,
  minIoU: 0.1,
  minAppearance: 0.8,
  maxMissedFrames: 5,
  missedFrameFactor: 0.5,
};

export interface Tracklet {
  category: Category;
  /** In frame order. */
  detectionIds: number[];
  imageIds: number[];
  /** The individual its detections belonged to (they all agree), or null for new detections only. */
  hint: number | null;
}

interface LiveTrack extends Tracklet {
  lastBox: Box;
  embeddingSum: Float32Array | null;
  missed: number;
}

export function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = ix * iy;
  const union = a.w * a.h + b.w * b.h - inter;
  return union <= 0 ? 0 : inter / union;
}

/** Similarity of a live track and a detection, or null when they must not link. */
export function linkSimilarity(
  track: Pick<LiveTrack, 'category' | 'lastBox' | 'embeddingSum' | 'missed'> & { hint?: number | null },
  det: TrackDetection,
  o: TrackOptions,
): number | null {
  if (track.category !== det.category) return null;
  if (track.hint != null && det.hint != null && track.hint !== det.hint) return null;
  const overlap = iou(track.lastBox, det.box);
  const looks = track.embeddingSum && det.embedding ? cosine(track.embeddingSum, det.embedding) : null;
  if (overlap < o.minIoU && (looks === null || looks < o.minAppearance)) return null;
  // Without embeddings on either side the overlap alone decides.
  const similarity = looks === null ? overlap : o.weightIoU * overlap + o.weightAppearance * looks;
  return similarity * o.missedFrameFactor ** track.missed;
}

function addEmbedding(sum: Float32Array | null, v: Float32Array | null): Float32Array | null {
  if (!v) return sum;
  const n = l2normalize(v);
  if (!sum) return n;
  const out = new Float32Array(sum.length);
  for (let i = 0; i < out.length; i++) out[i] = sum[i]! + n[i]!;
  return out;
}

/** Links the detections of one sequence into tracklets; deterministic for a given input order. */
export function linkTracklets(frames: TrackFrame[], options: TrackOptions = DEFAULT_TRACK_OPTIONS): Tracklet[] {
  const finished: LiveTrack[] = [];
  let live: LiveTrack[] = [];
  for (const frame of frames) {
    const dets = [...frame.detections].sort((a, b) => a.id - b.id);
    const cost = live.map((t) =>
      dets.map((d) => {
        const s = linkSimilarity(t, d, options);
        return s === null ? Infinity : -s;
      }),
    );
    const assigned = assignMinCost(cost);
    const taken = new Set<number>();
    live.forEach((t, ti) => {
      const di = assigned[ti]!;
      const d = di >= 0 ? dets[di] : undefined;
      if (!d) {
        t.missed++;
        return;
      }
      taken.add(di);
      t.detectionIds.push(d.id);
      t.imageIds.push(frame.imageId);
      t.lastBox = d.box;
      t.embeddingSum = addEmbedding(t.embeddingSum, d.embedding);
      t.hint ??= d.hint ?? null;
      t.missed = 0;
    });
    dets.forEach((d, di) => {
      if (taken.has(di)) return;
      live.push({
        category: d.category,
        detectionIds: [d.id],
        imageIds: [frame.imageId],
        lastBox: d.box,
        embeddingSum: addEmbedding(null, d.embedding),
        hint: d.hint ?? null,
        missed: 0,
      });
    });
    finished.push(...live.filter((t) => t.missed > options.maxMissedFrames));
    live = live.filter((t) => t.missed <= options.maxMissedFrames);
  }
  return [...finished, ...live]
    .map(({ category, detectionIds, imageIds, hint }) => ({ category, detectionIds, imageIds, hint }))
    .sort((a, b) => a.detectionIds[0]! - b.detectionIds[0]!);
}
