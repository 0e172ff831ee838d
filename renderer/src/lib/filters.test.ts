import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  clearFilters,
  DEFAULT_FILTERS,
  filtersFromParams,
  filtersToParams,
  setDateRange,
  toPhotoQuery,
  toggleCamera,
  type PhotoFilters,
} from './filters';
import { parseRoute, routeToHash, sectionOf } from './route';

const busy: PhotoFilters = {
  cameraIds: [2, 5],
  from: '2015-01-01',
  to: '2015-03-01',
  category: 'animal',
  content: 'nonEmpty',
  unreviewed: true,
  individualId: 7,
  sort: 'oldest',
  groupBySequence: true,
};

describe('filters in the URL', () => {
  it('round-trips every field', () => {
    expect(filtersFromParams(filtersToParams(busy))).toEqual(busy);
    expect(filtersFromParams(filtersToParams(DEFAULT_FILTERS))).toEqual(DEFAULT_FILTERS);
  });

  it('writes nothing for the defaults', () => {
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('falls back per field on malformed input', () => {
    const f = filtersFromParams(
      new URLSearchParams('camera=1,x,-3,1,4&from=yesterday&category=alien&content=some&individual=0&sort=up'),
    );
    expect(f).toEqual({ ...DEFAULT_FILTERS, cameraIds: [1, 4] });
  });
});

describe('filter edits', () => {
  it('counts only narrowing filters', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount(busy)).toBe(6);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, sort: 'oldest', groupBySequence: true })).toBe(0);
  });

  it('toggles cameras in and out, sorted', () => {
    const a = toggleCamera(DEFAULT_FILTERS, 5);
    const b = toggleCamera(a, 2);
    expect(b.cameraIds).toEqual([2, 5]);
    expect(toggleCamera(b, 5).cameraIds).toEqual([2]);
  });

  it('swaps a reversed date range', () => {
    expect(setDateRange(DEFAULT_FILTERS, '2020-05-01', '2020-01-01')).toMatchObject({
      from: '2020-01-01',
      to: '2020-05-01',
    });
  });

  it('clears filters but keeps sort and grouping', () => {
    expect(clearFilters(busy)).toEqual({ ...DEFAULT_FILTERS, sort: 'oldest', groupBySequence: true });
  });
});

describe('routes', () => {
  it('round-trips every view', () => {
    const routes = [
      { view: 'dashboard' },
      { view: 'import' },
      { view: 'photos', filters: busy },
      { view: 'viewer', imageId: 12, filters: busy },
      { view: 'deer' },
      { view: 'deer-profile', individualId: 3 },
      { view: 'deer', compareWith: 3 },
      { view: 'compare', a: 3, b: 8 },
      { view: 'review' },
    ] as const;
    for (const r of routes) expect(parseRoute(routeToHash(r))).toEqual(r);
  });

  it('sends unknown or malformed hashes somewhere sensible', () => {
    expect(parseRoute('')).toEqual({ view: 'dashboard' });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'dashboard' });
    expect(parseRoute('#/photo/abc')).toEqual({ view: 'photos', filters: DEFAULT_FILTERS });
    expect(parseRoute('#/deer/x')).toEqual({ view: 'deer' });
    expect(parseRoute('#/compare/4/4')).toEqual({ view: 'deer' });
    expect(parseRoute('#/compare/4')).toEqual({ view: 'deer' });
  });

  it('maps detail views to their sidebar section', () => {
    expect(sectionOf(parseRoute('#/photo/4'))).toBe('photos');
    expect(sectionOf(parseRoute('#/deer/4'))).toBe('deer');
  });
});

describe('toPhotoQuery', () => {
  it('maps every filter and the sort to the API', () => {
    expect(toPhotoQuery(busy, 200, 100)).toEqual({
      filter: {
        cameraIds: [2, 5],
        from: '2015-01-01',
        to: '2015-03-01',
        category: 'animal',
        empty: false,
        unreviewedSuggestions: true,
        individualId: 7,
      },
      sort: 'takenAt',
      offset: 200,
      limit: 100,
    });
    expect(toPhotoQuery(DEFAULT_FILTERS, 0, 50)).toEqual({ filter: {}, sort: '-takenAt', offset: 0, limit: 50 });
    expect(toPhotoQuery({ ...DEFAULT_FILTERS, content: 'empty' }, 0, 50).filter).toEqual({ empty: true });
    expect(toPhotoQuery({ ...DEFAULT_FILTERS, content: 'failed' }, 0, 50).filter).toEqual({
      states: ['failed', 'missing'],
    });
    expect(filtersFromParams(filtersToParams({ ...DEFAULT_FILTERS, content: 'failed' })).content).toBe('failed');
  });
});
