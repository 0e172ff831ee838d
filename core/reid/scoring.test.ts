import { describe, expect, it } from 'vitest';
import { closestSightings, combineScore, scorePair, SCORE_WEIGHTS } from './scoring';

const at = (cameraId: number | null, start: number | null, end = start) => ({
  cameraId,
  startMs: start === null ? null : start * 1000,
  endMs: end === null ? null : end * 1000,
});

describe('suggestion score', () => {
  it('finds the closest pair of sightings and whether it is at one camera', () => {
    expect(closestSightings([at(1, 0, 10)], [at(1, 70, 80), at(2, 30)])).toEqual({
      timeGapSeconds: 20,
      sameCamera: false,
    });
    expect(closestSightings([at(1, 0, 10)], [at(1, 5, 8)])).toEqual({ timeGapSeconds: 0, sameCamera: true });
    expect(closestSightings([at(1, null)], [at(1, 5)])).toEqual({ timeGapSeconds: null, sameCamera: true });
  });

  it('ranks the same camera a minute later above the same looks elsewhere or months later', () => {
    const minuteLater = combineScore({ appearance: 0.8, timeGapSeconds: 60, sameCamera: true });
    const monthsLater = combineScore({ appearance: 0.8, timeGapSeconds: 90 * 86400, sameCamera: true });
    const otherCamera = combineScore({ appearance: 0.8, timeGapSeconds: 86400, sameCamera: false });
    expect(minuteLater).toBeGreaterThan(monthsLater);
    expect(monthsLater).toBeGreaterThan(otherCamera);
    expect(otherCamera).toBeCloseTo(SCORE_WEIGHTS.appearance * 0.8, 6);
  });

  it('penalises two cameras at (almost) the same time', () => {
    const together = combineScore({ appearance: 0.9, timeGapSeconds: 5, sameCamera: false });
    expect(together).toBeLessThan(combineScore({ appearance: 0.5, timeGapSeconds: 86400, sameCamera: false }));
  });

  it('is deterministic and rounded, with its parts returned', () => {
    const a = scorePair(0.7234567891, [at(1, 0)], [at(1, 30)]);
    expect(a).toEqual(scorePair(0.7234567891, [at(1, 0)], [at(1, 30)]));
    expect(a).toMatchObject({ appearance: 0.723457, timeGapSeconds: 30, sameCamera: true });
    expect(a.score * 1e6).toBeCloseTo(Math.round(a.score * 1e6), 6);
  });
});
