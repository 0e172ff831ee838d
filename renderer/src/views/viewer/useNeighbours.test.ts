import { describe, expect, it } from 'vitest';
import { fromCache } from './useNeighbours';

const list = [11, 12, 13, 14];
const peek = (i: number) => (list[i] === undefined ? undefined : { id: list[i]! });

describe('fromCache', () => {
  it('reads both neighbours from the cached list', () => {
    expect(fromCache(peek, 1, 4, 12)).toEqual({ prev: 11, next: 13 });
  });
  it('knows the ends of the list', () => {
    expect(fromCache(peek, 0, 4, 11)).toEqual({ prev: null, next: 12 });
    expect(fromCache(peek, 3, 4, 14)).toEqual({ prev: 13, next: null });
  });
  it('gives up when the photo is not where the list says or a neighbour is not cached', () => {
    expect(fromCache(peek, 1, 4, 99)).toBeNull();
    expect(fromCache(peek, 3, 10, 14)).toBeNull();
  });
});
