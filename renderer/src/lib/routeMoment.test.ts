// A clip opened at a moment (a clip crop's frame): t= in the viewer's hash, beside the grid's filters.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from './filters';
import { parseRoute, routeToHash } from './route';

describe('the viewer at a moment of a clip', () => {
  it('reads and writes t= (ms) with or without filters', () => {
    const at = { view: 'viewer', imageId: 12, filters: DEFAULT_FILTERS, atMs: 4000 } as const;
    expect(routeToHash(at)).toBe('#/photo/12?t=4000');
    expect(parseRoute('#/photo/12?t=4000')).toEqual(at);
    const withCamera = parseRoute('#/photo/12?camera=2&t=9000');
    expect(withCamera).toMatchObject({ view: 'viewer', imageId: 12, atMs: 9000 });
    expect(parseRoute(routeToHash(withCamera))).toEqual(withCamera);
  });

  it('opens at the start without t= or with a t= that is no time', () => {
    expect(parseRoute('#/photo/12')).not.toHaveProperty('atMs');
    expect(parseRoute('#/photo/12?t=soon')).not.toHaveProperty('atMs');
    expect(routeToHash({ view: 'viewer', imageId: 12, filters: DEFAULT_FILTERS })).toBe('#/photo/12');
  });
});
