import { describe, expect, it } from 'vitest';
import { count, duration, table } from './humanText';

describe('human text', () => {
  it('says durations in the largest whole unit and counts with the right plural', () => {
    expect(duration(3 * 24 * 3600 + 5000)).toBe('3 days');
    expect(duration(25131680)).toBe('9 months');
    expect(duration(3600)).toBe('1 hour');
    expect(duration(0.4)).toBe('0 seconds');
    expect(count(1, 'photo')).toBe('1 photo');
    expect(count(2, 'box', 'boxes')).toBe('2 boxes');
  });

  it('aligns table columns', () => {
    expect(
      table([
        ['photos', '12'],
        ['individuals', '3'],
      ]),
    ).toBe('photos       12\nindividuals  3');
  });
});
