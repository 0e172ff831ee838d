// The "same animal?" score of a pair, built from parts that stay visible to the person reviewing it:
//   appearance     cosine similarity of the two embeddings (weak with the embedders available offline)
//   time gap       seconds between the closest sightings of the two (null when a time is unknown)
//   same camera    whether those closest sightings are at one camera
// Where and when carry real evidence: the same stag returning to a camera a minute later is far more likely than a
// look-alike, and an animal cannot be at two cameras at once. The formula is fixed (weights below, SCORE_VERSION),
// deterministic and rounded, so scores of different runs and libraries compare, which calibration relies on.

export const SCORE_VERSION = 1;

export const SCORE_WEIGHTS = {
  appearance: 0.6,
  /** Closeness in time at the same camera, decaying with TIME_SCALE_SECONDS. */
  time: 0.25,
  camera: 0.15,
  /** Subtracted when two cameras saw the pair closer in time than TRAVEL_SECONDS (physically implausible). */
  impossible: 0.5,
} as const;

export const TIME_SCALE_SECONDS = 3600;
export const TRAVEL_SECONDS = 120;

export interface ScoreParts {
  appearance: number;
  timeGapSeconds: number | null;
  sameCamera: boolean;
}

export interface Sighting {
  cameraId: number | null;
  /** Zone-less milliseconds (time.ts), null when unknown. */
  startMs: number | null;
  endMs: number | null;
}

/** The closest pair of sightings: its gap (0 when they overlap) and whether it is at one camera. */
export function closestSightings(a: Sighting[], b: Sighting[]): Pick<ScoreParts, 'timeGapSeconds' | 'sameCamera'> {
  let best: { gap: number; same: boolean } | null = null;
  let anySameCamera = false;
  for (const s of a) {
    for (const t of b) {
      const same = s.cameraId !== null && s.cameraId === t.cameraId;
      anySameCamera ||= same;
      if (s.startMs === null || s.endMs === null || t.startMs === null || t.endMs === null) continue;
      const gap = Math.max(0, Math.max(s.startMs, t.startMs) - Math.min(s.endMs, t.endMs)) / 1000;
      // Same-camera pairs win ties: they are the informative ones.
      if (!best || gap < best.gap || (gap === best.gap && same && !best.same)) best = { gap, same };
    }
  }
  return best
    ? { timeGapSeconds: best.gap, sameCamera: best.same }
    : { timeGapSeconds: null, sameCamera: anySameCamera };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function combineScore(parts: ScoreParts): number {
  const w = SCORE_WEIGHTS;
  let score = w.appearance * parts.appearance + (parts.sameCamera ? w.camera : 0);
  if (parts.timeGapSeconds !== null) {
    if (parts.sameCamera) score += w.time * Math.exp(-parts.timeGapSeconds / TIME_SCALE_SECONDS);
    else if (parts.timeGapSeconds < TRAVEL_SECONDS) score -= w.impossible;
  }
  return round(score);
}

export function scorePair(appearance: number, a: Sighting[], b: Sighting[]): ScoreParts & { score: number } {
  const parts = { appearance: round(appearance), ...closestSightings(a, b) };
  return { ...parts, score: combineScore(parts) };
}
