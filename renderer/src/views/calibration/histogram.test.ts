import { describe, expect, it } from 'vitest';
import { histogramLayout } from './histogram';

describe('histogramLayout', () => {
  it('scales both distributions to the fullest bin around a middle baseline and places the threshold', () => {
    const bins = [
      { from: 0.2, to: 0.4, accepted: 0, rejected: 8 },
      { from: 0.4, to: 0.6, accepted: 2, rejected: 4 },
      { from: 0.6, to: 0.8, accepted: 8, rejected: 0 },
    ];
    const l = histogramLayout(bins, 0.6, 300, 100);
    expect(l.mid).toBe(50);
    expect(l.bars.map((b) => [b.x, b.accepted, b.rejected])).toEqual([
      [0, 0, 50],
      [100, 12.5, 25],
      [200, 50, 0],
    ]);
    expect(l.thresholdX).toBeCloseTo(200);
    expect(l.bars[1]!.label).toBe('40%–60%: 2 accepted, 4 rejected');
    expect(histogramLayout(bins, 0.9, 300, 100).thresholdX).toBeNull();
    expect(histogramLayout([], null, 300, 100).bars).toEqual([]);
  });
});
