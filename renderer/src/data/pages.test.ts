import { describe, expect, it } from 'vitest';
import { pagesForRange } from './pages';

describe('pagesForRange', () => {
  it('lists the pages a visible range touches, bounded by the total', () => {
    expect(pagesForRange(0, 99, 100, null)).toEqual([0]);
    expect(pagesForRange(150, 250, 100, null)).toEqual([1, 2]);
    expect(pagesForRange(150, 250, 100, 180)).toEqual([1]);
    expect(pagesForRange(0, 50, 100, 0)).toEqual([0]);
    expect(pagesForRange(300, 350, 100, 120)).toEqual([]);
    expect(pagesForRange(5, 4, 100, null)).toEqual([]);
  });
});
