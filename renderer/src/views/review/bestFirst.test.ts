import { describe, expect, it } from 'vitest';
import type { IndividualCrop } from '../../../../core/contract/entities';
import { bestFirst } from './bestFirst';

const crop = (detectionId: number, w: number, confidence: number): IndividualCrop =>
  ({ detectionId, confidence, box: { x: 0, y: 0, w, h: w } }) as IndividualCrop;

describe('bestFirst', () => {
  it('puts the cover first, then big confident boxes', () => {
    const crops = [crop(1, 0.1, 0.9), crop(2, 0.4, 0.8), crop(3, 0.4, 0.3), crop(4, 0.05, 0.99)];
    expect(bestFirst(crops, 4).map((c) => c.detectionId)).toEqual([4, 2, 3, 1]);
    expect(bestFirst(crops, null).map((c) => c.detectionId)).toEqual([2, 3, 1, 4]);
  });
});
