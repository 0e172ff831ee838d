import { describe, expect, it } from 'vitest';
import { iou, markDuplicates, nmsPerClass } from './nms';

const box = (x1: number, score: number, classIndex: number) => ({ x1, y1: 0, x2: x1 + 10, y2: 10, score, classIndex });

describe('nms', () => {
  it('computes IoU', () => {
    expect(iou(box(0, 1, 0), box(0, 1, 0))).toBe(1);
    expect(iou(box(0, 1, 0), box(5, 1, 0))).toBeCloseTo(50 / 150);
    expect(iou(box(0, 1, 0), box(20, 1, 0))).toBe(0);
  });

  it('drops overlapping boxes of one class, keeps the strongest', () => {
    const kept = nmsPerClass([box(1, 0.5, 0), box(0, 0.9, 0), box(30, 0.4, 0)], 0.45);
    expect(kept.map((b) => b.score)).toEqual([0.9, 0.4]);
  });

  it('marks an animal seen as two classes duplicate instead of dropping it', () => {
    const out = markDuplicates(nmsPerClass([box(0, 0.6, 17), box(1, 0.4, 19), box(50, 0.3, 19)], 0.45), 0.45);
    expect(out.map((b) => [b.classIndex, b.duplicate])).toEqual([
      [17, false],
      [19, true],
      [19, false],
    ]);
  });
});
