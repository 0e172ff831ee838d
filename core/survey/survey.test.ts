import { describe, expect, it } from 'vitest';
import type { DeerClass } from '../contract/survey';
import { observationClass, individualClass } from './deerClass';
import type { Observation } from './observations';
import { computeSurvey, weekStart } from './survey';

const window = { from: null, to: null, cameras: [] };
let nextId = 1;
function obs(
  individualId: number | null,
  individual: DeerClass | null,
  visitId: number,
  takenAt: string,
  own: string | null = null,
): Observation {
  return {
    detectionId: nextId++,
    individualId,
    individualName: individualId === null ? null : `Deer ${individualId}`,
    individualClass: individual,
    class: observationClass(own, individual),
    cameraId: visitId <= 3 ? 1 : 2,
    camera: visitId <= 3 ? 'Feeder' : 'Creek',
    visitId,
    takenAt,
    quality: nextId,
  };
}

describe('the Jacobson survey, by hand', () => {
  // Buck A: 4 observations over visits 1 and 2; buck B: 2 in visit 3 (6 buck observations, 2 unique bucks).
  // Doe C: 9 observations, of which the user marked 1 as a fawn's (own class wins) -> 8 doe; fawn D: 3 -> 4 fawn;
  // one deer without an individual or class -> 1 unknown.
  const rows = [
    ...[1, 1, 2, 2].map((v) => obs(1, 'buck', v, '2024-10-01T06:10:00')),
    ...[3, 3].map((v) => obs(2, 'buck', v, '2024-10-02T18:30:00')),
    ...[4, 4, 4, 5, 5, 5, 6, 6].map((v) => obs(3, 'doe', v, '2024-10-08T06:45:00')),
    obs(3, 'doe', 6, '2024-10-08T06:46:00', 'fawn'),
    ...[4, 5, 6].map((v) => obs(4, 'fawn', v, '2024-10-08T07:00:00')),
    obs(null, null, 7, '2024-10-09T12:00:00'),
  ];
  const survey = computeSurvey(window, rows);

  it('counts observations by class, with a detection’s own class winning over its individual’s', () => {
    expect(survey.observations).toEqual({ buck: 6, doe: 8, fawn: 4, unknown: 1 });
    expect(survey.uniqueBucks).toBe(2);
    expect(survey.minimumKnownAlive).toBe(4);
    expect(survey.visits).toBe(7);
  });

  it('computes the ratios and the estimate with the arithmetic written out', () => {
    // buck:doe = 6 / 8 = 0.75; fawn:doe = 4 / 8 = 0.5
    expect(survey.ratios).toEqual({ buckToDoe: 0.75, fawnToDoe: 0.5 });
    // bucks = 2 unique; does = 2 x (8 / 6) = 2.6667; fawns = 2.6667 x (4 / 8) = 1.3333; total = 6
    expect(survey.estimate!.bucks).toBe(2);
    expect(survey.estimate!.does).toBeCloseTo(8 / 3, 10);
    expect(survey.estimate!.fawns).toBeCloseTo(4 / 3, 10);
    expect(survey.estimate!.total).toBeCloseTo(6, 10);
  });

  it('gives a seeded bootstrap interval around the estimate and states its method', () => {
    const [low, high] = survey.interval!.total;
    expect(low).toBeLessThanOrEqual(6);
    expect(high).toBeGreaterThanOrEqual(6);
    expect(low).toBeGreaterThan(0);
    expect(survey.method).toMatch(/bootstrap: 1,000 resamples of the 7 independent visits/);
    expect(computeSurvey(window, rows).interval).toEqual(survey.interval);
  });

  it('breaks the counts down per camera, week and hour', () => {
    expect(survey.perCamera.map((c) => [c.camera, c.observations.buck, c.uniqueBucks])).toEqual([
      ['Creek', 0, 0],
      ['Feeder', 6, 2],
    ]);
    expect(survey.weekly.map((w) => [w.week, w.observations.buck, w.fawnToDoe])).toEqual([
      ['2024-09-30', 6, null],
      ['2024-10-07', 0, 0.5],
    ]);
    expect(survey.hourly).toHaveLength(24);
    expect(survey.hourly[6]!.observations).toEqual({ buck: 4, doe: 8, fawn: 1, unknown: 0 });
    expect(survey.bucks.map((b) => [b.individualId, b.sightings])).toEqual([
      [1, 4],
      [2, 2],
    ]);
  });
});

describe('survey edge cases', () => {
  it('no buck observed: ratios still, no estimate and no interval', () => {
    const s = computeSurvey(window, [
      obs(3, 'doe', 1, '2024-10-01T06:00:00'),
      obs(4, 'fawn', 2, '2024-10-01T07:00:00'),
    ]);
    expect(s.observations).toEqual({ buck: 0, doe: 1, fawn: 1, unknown: 0 });
    expect(s.ratios).toEqual({ buckToDoe: 0, fawnToDoe: 1 });
    expect(s.estimate).toBeNull();
    expect(s.interval).toBeNull();
    expect(s.method).toMatch(/no buck was observed/);
  });

  it('no doe observed: both ratios null; does 0 and so fawns 0', () => {
    const s = computeSurvey(window, [
      obs(1, 'buck', 1, '2024-10-01T06:00:00'),
      obs(4, 'fawn', 2, '2024-10-01T07:00:00'),
    ]);
    expect(s.ratios).toEqual({ buckToDoe: null, fawnToDoe: null });
    expect(s.estimate).toEqual({ bucks: 1, does: 0, fawns: 0, total: 1 });
  });

  it('no fawn observed: fawns 0, fawn:doe 0', () => {
    const s = computeSurvey(window, [
      obs(1, 'buck', 1, '2024-10-01T06:00:00'),
      obs(3, 'doe', 2, '2024-10-01T07:00:00'),
    ]);
    // does = 1 x (1 / 1) = 1; fawns = 1 x (0 / 1) = 0
    expect(s.ratios).toEqual({ buckToDoe: 1, fawnToDoe: 0 });
    expect(s.estimate).toEqual({ bucks: 1, does: 1, fawns: 0, total: 2 });
  });

  it('an empty window: zeros, no estimate, 24 empty hours', () => {
    const s = computeSurvey({ from: '2030-01-01', to: '2030-01-31', cameras: [] }, []);
    expect(s.observations).toEqual({ buck: 0, doe: 0, fawn: 0, unknown: 0 });
    expect(s.uniqueBucks).toBe(0);
    expect(s.minimumKnownAlive).toBe(0);
    expect(s.ratios).toEqual({ buckToDoe: null, fawnToDoe: null });
    expect(s.estimate).toBeNull();
    expect(s.weekly).toEqual([]);
    expect(s.hourly.every((h) => h.observations.buck + h.observations.doe === 0)).toBe(true);
  });
});

describe('classes', () => {
  it('maps sex and age to buck, doe, fawn or unknown', () => {
    expect(individualClass('male', 'adult')).toBe('buck');
    expect(individualClass('male', 'fawn')).toBe('fawn');
    expect(individualClass('female', null)).toBe('doe');
    expect(individualClass(null, 'yearling')).toBe('unknown');
    expect(observationClass(null, 'buck')).toBe('buck');
    expect(observationClass('unknown', 'buck')).toBe('unknown');
    expect(observationClass('doe', null)).toBe('doe');
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2024-10-03T05:00:00')).toBe('2024-09-30');
    expect(weekStart('2024-09-30')).toBe('2024-09-30');
    expect(weekStart('2024-10-06')).toBe('2024-09-30');
  });
});
