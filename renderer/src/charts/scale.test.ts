import { describe, expect, it } from 'vitest';
import { binDays, niceMax } from './scale';

describe('niceMax', () => {
  it('rounds up to a readable axis maximum', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(13)).toBe(15);
    expect(niceMax(28)).toBe(30);
    expect(niceMax(230)).toBe(250);
    expect(niceMax(4100)).toBe(5000);
    expect(niceMax(9000)).toBe(10_000);
    expect(niceMax(1)).toBe(1);
  });
});

describe('binDays', () => {
  it('fills missing days with zeros', () => {
    const bins = binDays(
      [
        { day: '2015-02-01', detections: 3 },
        { day: '2015-02-04', detections: 1 },
      ],
      100,
    );
    expect(bins.map((b) => b.value)).toEqual([3, 0, 0, 1]);
    expect(bins[1]!.start).toBe('2015-02-02');
  });

  it('groups a long range into at most maxBins bins keeping the total', () => {
    const days = Array.from({ length: 365 }, (_, i) => ({
      day: new Date(Date.UTC(2015, 0, 1 + i)).toISOString().slice(0, 10),
      detections: 2,
    }));
    const bins = binDays(days, 60);
    expect(bins.length).toBeLessThanOrEqual(60);
    expect(bins.reduce((s, b) => s + b.value, 0)).toBe(730);
    expect(bins[0]!.start).toBe('2015-01-01');
    expect(bins.at(-1)!.end).toBe('2015-12-31');
  });

  it('handles nothing', () => {
    expect(binDays([], 10)).toEqual([]);
  });
});
