import { describe, expect, it } from 'vitest';
import { pagesForRange, PageCache } from './pageCache';

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

describe('PageCache', () => {
  it('serves items by global index and evicts the least recently used page', () => {
    const cache = new PageCache<string>(2, 2);
    cache.put(0, ['a', 'b']);
    cache.put(1, ['c', 'd']);
    expect(cache.get(3)).toBe('d');
    expect(cache.get(0)).toBe('a'); // page 0 is now the most recent
    cache.put(2, ['e', 'f']);
    expect(cache.has(1)).toBe(false);
    expect(cache.has(0)).toBe(true);
    expect(cache.get(4)).toBe('e');
    expect(cache.get(2)).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
