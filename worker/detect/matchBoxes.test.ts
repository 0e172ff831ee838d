import { describe, expect, it } from 'vitest';
import { matchBoxes } from './matchBoxes';

describe('matchBoxes', () => {
  it('matches one to one at IoU >= 0.5', () => {
    const truth = [
      { x: 0, y: 0, w: 0.2, h: 0.2 },
      { x: 0.5, y: 0.5, w: 0.2, h: 0.2 },
    ];
    const predicted = [
      { x: 0.01, y: 0, w: 0.2, h: 0.2 },
      { x: 0, y: 0.01, w: 0.2, h: 0.2 }, // second box on the same deer: unmatched
      { x: 0.6, y: 0.6, w: 0.2, h: 0.2 }, // IoU 0.14
    ];
    expect(matchBoxes(predicted, truth)).toEqual({ matched: 1, missed: 1, unmatched: 2 });
  });
});
