import { describe, expect, it } from 'vitest';
import { count, listTable, named, span, table, when } from './humanText';

describe('human text', () => {
  it('counts with the right plural', () => {
    expect(count(1, 'photo')).toBe('1 photo');
    expect(count(2, 'box', 'boxes')).toBe('2 boxes');
  });

  it('aligns table columns, with a header or a line when there is nothing', () => {
    expect(
      table([
        ['photos', '12'],
        ['individuals', '3'],
      ]),
    ).toBe('photos       12\nindividuals  3');
    expect(table([['a', '', '']])).toBe('a');
    expect(listTable(['name', 'id'], [['Deer 1', '1']], 'none')).toBe('name    id\nDeer 1  1');
    expect(listTable(['name', 'id'], [], 'no individuals yet')).toBe('no individuals yet');
  });

  it('says times to the minute, spans once when both ends are the same, names before ids', () => {
    expect(when('2015-02-01T07:00:02')).toBe('2015-02-01 07:00');
    expect(when('2015-02-01T07:00:02.000+01:00')).toBe('2015-02-01 07:00');
    expect(when('2015-02-01')).toBe('2015-02-01');
    expect(when(null)).toBe('unknown');
    expect(span('2015-02-01T07:00:00', '2015-02-01T07:00:40')).toBe('2015-02-01 07:00');
    expect(span('2015-02-01T07:00:00', '2015-02-03T09:12:00')).toBe('2015-02-01 07:00 to 2015-02-03 09:12');
    expect(named('Deer 1', 12)).toBe('Deer 1 (id 12)');
  });
});
