import { describe, expect, it } from 'vitest';
import { joinTracklets, motionAgrees, DEFAULT_JOIN_OPTIONS } from './joinTracklets';
import { linkTracklets, type TrackFrame } from './tracklets';
import { l2normalize } from './vectorMath';

const doe = l2normalize(Float32Array.from([1, 0.8, 0.1, 0, 0, 0.2]));
const doeAgain = l2normalize(Float32Array.from([1, 0.75, 0.15, 0.05, 0, 0.2]));
const buck = l2normalize(Float32Array.from([0, 0.1, 1, 0.9, 0.3, 0]));

let nextId = 1;
const det = (x: number, embedding: Float32Array, w = 0.2) => ({
  id: nextId++,
  category: 'animal',
  box: { x, y: 0.4, w, h: 0.2 },
  embedding,
});
const frames = (...dets: ReturnType<typeof det>[][]): TrackFrame[] =>
  dets.map((d, i) => ({ imageId: 100 + i, detections: d }));
/** Frames without a box: more than the frame-to-frame linker bridges (it closes a track after 5). */
const lost = (n = 6) => Array.from({ length: n }, () => []);

describe('joining the tracklets of one sequence', () => {
  it('joins a deer the detector lost for six frames when it looks the same and is within reach', () => {
    // Frames 0-1 at x 0.1-0.15, six frames without it, then x 0.45-0.5: the frame-to-frame linker has closed the
    // track by then; an easy walk in seven frames.
    const f = frames([det(0.1, doe)], [det(0.15, doe)], ...lost(), [det(0.45, doeAgain)], [det(0.5, doeAgain)]);
    const linked = linkTracklets(f);
    expect(linked).toHaveLength(2);
    const joined = joinTracklets(linked, f);
    expect(joined).toHaveLength(1);
    expect(joined[0]!.imageIds).toEqual([100, 101, 108, 109]);
  });

  it('keeps apart a different-looking deer, one too far for the frames between, and two boxes of one photo', () => {
    const other = frames([det(0.1, doe)], [det(0.15, doe)], ...lost(), [det(0.2, buck)], [det(0.25, buck)]);
    expect(joinTracklets(linkTracklets(other), other)).toHaveLength(2);
    // Same looks, but across the photo seven frames later with 0.04-wide boxes: 21 boxes away.
    const jump = frames([det(0.02, doe, 0.04)], [det(0.03, doe, 0.04)], ...lost(), [det(0.9, doeAgain, 0.04)]);
    expect(joinTracklets(linkTracklets(jump), jump)).toHaveLength(2);
    // Two look-alikes in one photo are two animals, however alike.
    const twins = frames([det(0.1, doe), det(0.6, doeAgain)], [det(0.12, doe)]);
    const joined = joinTracklets(linkTracklets(twins), twins);
    expect(joined).toHaveLength(2);
    for (const t of joined) expect(new Set(t.imageIds).size).toBe(t.imageIds.length);
  });

  it('never joins tracklets that a person put in two individuals', () => {
    const f = frames([det(0.1, doe)], ...lost(), [det(0.3, doeAgain)]);
    const linked = linkTracklets(f).map((t, i) => ({ ...t, hint: i + 1 }));
    expect(joinTracklets(linked, f)).toHaveLength(2);
  });

  it('judges motion by the closest frames: a box far smaller at once is not the same moment', () => {
    const facts = (x: number, w: number, frame: number) => ({
      frames: [frame],
      boxes: [{ x, y: 0.4, w, h: w }],
      mean: doe,
    });
    expect(motionAgrees(facts(0.1, 0.2, 0), facts(0.25, 0.2, 1), DEFAULT_JOIN_OPTIONS)).toBe(true);
    expect(motionAgrees(facts(0.1, 0.4, 0), facts(0.2, 0.1, 1), DEFAULT_JOIN_OPTIONS)).toBe(false);
  });
});
