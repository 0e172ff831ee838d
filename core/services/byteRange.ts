// HTTP byte ranges for media (RFC 9110 §14): a <video> element seeks by asking for a range, and both hosts (serve
// mode's HTTP route, Electron's media protocol) answer with the same slice. One range only; anything else is the
// whole file.
export type RangeAnswer = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

export function byteRange(header: string | null | undefined, size: number): RangeAnswer {
  const match = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  if (match[1] === '') {
    // A suffix: the last N bytes.
    const n = Number(match[2]);
    if (n === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

/** The headers that go with a partial answer. */
export function rangeHeaders(range: { start: number; end: number }, size: number): Record<string, string> {
  return {
    'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    'Content-Length': String(range.end - range.start + 1),
  };
}
