import { describe, expect, it } from 'vitest';
import { SketchSet } from './sketchSet';

const words = (...w: number[]) => Uint32Array.from(w);

describe('SketchSet', () => {
  it('returns the nearest by hamming distance, per category, ties by id', () => {
    const set = new SketchSet();
    set.put(5, 'deer', words(0b1111, 0));
    set.put(3, 'deer', words(0b0001, 0));
    set.put(4, 'deer', words(0b0010, 0));
    set.put(9, 'person', words(0, 0));
    set.put(1, 'deer', words(0xffffffff, 0xffffffff));
    set.put(2, 'deer', words(0b0011, 0));
    expect(set.nearest(words(0, 0), 3)).toEqual([3, 4, 9]);
    expect(set.nearest(words(0, 0), 2, 'deer')).toEqual([3, 4]);
    expect(set.nearest(words(0, 0), 3, 'deer')).toEqual([2, 3, 4]);
    expect(set.nearest(words(0, 0), 10, 'deer')).toEqual([1, 2, 3, 4, 5]);
    expect(set.nearest(words(0, 0), 1, 'vehicle')).toEqual([]);
  });

  it('removes and replaces rows, keeping the others findable', () => {
    const set = new SketchSet();
    for (let id = 1; id <= 100; id++) set.put(id, id % 2 ? 'a' : 'b', words(id, 0));
    set.remove(1);
    set.remove(50);
    set.put(7, 'b', words(0xff, 0xff));
    expect(set.size).toBe(98);
    expect(set.nearest(words(3, 0), 1, 'a')).toEqual([3]);
    expect(set.nearest(words(0xff, 0xff), 1, 'b')).toEqual([7]);
    expect(set.nearest(words(0, 0), 200, 'a')).not.toContain(7);
    expect(() => set.put(2, 'a', words(1))).toThrow(/1 words where 2/);
  });
});
