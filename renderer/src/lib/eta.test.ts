import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate, initialRate, smoothEta, updateRate, type RateState } from './eta';

/** Feeds samples one second apart and returns every state. */
function feed(perSecond: number[], total: number): RateState[] {
  let state = initialRate(0, 0);
  let done = 0;
  const out: RateState[] = [];
  perSecond.forEach((n, i) => {
    done += n;
    state = updateRate(state, done, total, (i + 1) * 1000);
    out.push(state);
  });
  return out;
}

describe('updateRate', () => {
  it('converges to a steady rate and gives the matching ETA', () => {
    const states = feed(Array(60).fill(10), 10_000);
    const last = states.at(-1)!;
    expect(last.rate).toBeCloseTo(10, 5);
    expect(last.eta).toBeCloseTo((10_000 - 600) / 10, 0);
  });

  it('damps a burst: one batch of 100 after silence does not multiply the rate tenfold', () => {
    const states = feed([...Array(30).fill(10), 100, ...Array(5).fill(10)], 10_000);
    const burst = states[30]!;
    expect(burst.rate!).toBeLessThan(20);
    expect(burst.rate!).toBeGreaterThan(10);
  });

  it('restarts when the count goes backwards (a new job)', () => {
    const s = updateRate({ done: 500, at: 0, rate: 5, eta: 10 }, 3, 100, 1000);
    expect(s).toEqual(initialRate(3, 1000));
  });

  it('ignores samples closer than 50 ms', () => {
    const s0 = { done: 5, at: 1000, rate: 5, eta: 10 };
    expect(updateRate(s0, 6, 100, 1020)).toBe(s0);
  });

  it('reports 0 s left when everything is done', () => {
    const s = updateRate({ done: 90, at: 0, rate: 10, eta: 1 }, 100, 100, 1000);
    expect(s.eta).toBe(0);
  });
});

describe('smoothEta', () => {
  it('counts down with the clock when the estimate agrees', () => {
    expect(smoothEta(100, 99, 1, 50)).toBeCloseTo(99);
  });
  it('moves only part of the way to a moderately different estimate', () => {
    const v = smoothEta(100, 80, 1, 50)!;
    expect(v).toBeGreaterThan(80);
    expect(v).toBeLessThan(99);
  });
  it('snaps to an estimate that disagrees by more than half', () => {
    expect(smoothEta(100, 20, 1, 50)).toBe(20);
    expect(smoothEta(null, 42, 1, 50)).toBe(42);
    expect(smoothEta(10, null, 1, 50)).toBeNull();
  });
});

describe('formatting', () => {
  it('formats durations and rates for people', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(250)).toBe('4 min 10 s');
    expect(formatDuration(7500)).toBe('2 h 05 min');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(23.4)).toBe('23 photos/s');
    expect(formatRate(2.345)).toBe('2.3 photos/s');
    expect(formatRate(0.5)).toBe('30 photos/min');
  });
});
