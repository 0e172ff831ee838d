import { describe, expect, it } from 'vitest';
import { byteRange, rangeHeaders } from './byteRange';

describe('byte ranges', () => {
  it('answers one range, a suffix or an open end', () => {
    expect(byteRange('bytes=0-99', 1000)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(byteRange('bytes=900-', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(byteRange('bytes=-100', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(byteRange('bytes=990-2000', 1000)).toEqual({ kind: 'part', start: 990, end: 999 });
    expect(rangeHeaders({ start: 990, end: 999 }, 1000)).toEqual({
      'Content-Range': 'bytes 990-999/1000',
      'Content-Length': '10',
    });
  });

  it('gives the whole file without a usable header, and refuses a range past the end', () => {
    expect(byteRange(undefined, 1000)).toEqual({ kind: 'whole' });
    expect(byteRange('bytes=0-1,5-9', 1000)).toEqual({ kind: 'whole' });
    expect(byteRange('items=0-1', 1000)).toEqual({ kind: 'whole' });
    expect(byteRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=9-3', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
  });
});
