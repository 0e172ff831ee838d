import { describe, expect, it } from 'vitest';
import {
  ApiError,
  createApi,
  EVENTS,
  METHODS,
  METHOD_NAMES,
  parseArgs,
  parseMediaPath,
  requireMethod,
  type Transport,
} from '.';

describe('method argument validation', () => {
  it('fills defaults for paging, sort and filter', () => {
    expect(parseArgs('photos.query', {})).toEqual({ filter: {}, sort: 'takenAt', offset: 0, limit: 100 });
    expect(parseArgs('library.stats', undefined)).toEqual({});
  });

  it('refuses wrong types, unknown keys and out-of-range values with invalid_args', () => {
    const bad: [string, unknown][] = [
      ['photos.query', { limit: 100000 }],
      ['photos.query', { filter: { cameraIds: ['1'] } }],
      ['photos.query', { filter: { path: '/etc' } }],
      ['photos.query', { sort: 'random()' }],
      ['photos.get', { id: -1 }],
      ['photos.get', { id: 1.5 }],
      ['import.start', { sources: [] }],
      ['import.start', { sources: ['/media/card'], utcOffset: '2h' }],
      ['edits.split', {}],
      ['settings.set', { sequenceGapSeconds: -5 }],
      ['photos.query', { filter: { from: "2024-01-01' OR 1=1" } }],
    ];
    for (const [method, args] of bad) {
      const call = () => parseArgs(requireMethod(method), args);
      expect(call, `${method} ${JSON.stringify(args)}`).toThrow(ApiError);
      try {
        call();
      } catch (err) {
        expect((err as ApiError).code).toBe('invalid_args');
      }
    }
  });

  it('accepts a full photo filter', () => {
    const args = parseArgs('photos.query', {
      filter: {
        cameraIds: [1, 2],
        from: '2024-10-01',
        to: '2024-10-03T23:59:59',
        category: 'animal',
        empty: false,
        unreviewedSuggestions: true,
        individualId: 4,
      },
      sort: '-takenAt',
      offset: 200,
      limit: 50,
    });
    expect(args.filter.cameraIds).toEqual([1, 2]);
    expect(args.sort).toBe('-takenAt');
  });

  it('knows unknown methods', () => {
    expect(() => requireMethod('fs.readFile')).toThrow(/unknown method/);
    expect(() => requireMethod('toString')).toThrow(/unknown method/);
    expect(METHOD_NAMES).toContain('import.start');
    expect(Object.keys(EVENTS)).toEqual(expect.arrayContaining(['job.progress', 'job.finished', 'library.changed']));
    for (const name of METHOD_NAMES) expect(METHODS[name].summary.length).toBeGreaterThan(5);
  });
});

describe('media paths', () => {
  it('accepts only /media/<kind>/<id>', () => {
    expect(parseMediaPath('/media/thumbnail/12')).toEqual({ kind: 'thumbnail', id: 12 });
    expect(parseMediaPath('/media/crop/7')).toEqual({ kind: 'crop', id: 7 });
    for (const p of [
      '/media/thumbnail/0',
      '/media/thumbnail/-1',
      '/media/thumbnail/01',
      '/media/thumbnail/1/../../etc/passwd',
      '/media/../thumbnail/1',
      '/media/original/%2e%2e%2fthumper.db',
      '/media/original/..%2F..%2Fetc%2Fpasswd',
      '/media/original//etc/passwd',
      '/media/original/C:\\Windows',
      '/media/secret/1',
      '/media/original/1.jpg',
      '/media/original/99999999999999999',
    ]) {
      expect(parseMediaPath(p), p).toBeNull();
    }
  });
});

describe('createApi', () => {
  it('returns results and turns error replies into ApiError with their code', async () => {
    const seen: unknown[] = [];
    const transport: Transport = {
      host: 'serve',
      async invoke(method, args) {
        seen.push([method, args]);
        return method === 'photos.get'
          ? { ok: false, error: { code: 'not_found', message: 'no photo 9' } }
          : { ok: true, result: { ok: true } };
      },
      subscribe: () => () => undefined,
      mediaUrl: (p) => `http://h${p}`,
      pathForFile: () => null,
    };
    const api = createApi(transport);
    await expect(api.call('import.pause', { jobId: 1 })).resolves.toEqual({ ok: true });
    await expect(api.call('photos.get', { id: 9 })).rejects.toMatchObject({ code: 'not_found', message: 'no photo 9' });
    await api.call('library.stats');
    expect(seen).toEqual([
      ['import.pause', { jobId: 1 }],
      ['photos.get', { id: 9 }],
      ['library.stats', {}],
    ]);
    expect(api.mediaUrl({ kind: 'crop', id: 3 })).toBe('http://h/media/crop/3');
  });
});
