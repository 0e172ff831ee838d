// The photo browser's filters: one plain object, serialised into the URL hash so that back/forward, reloads and links
// from other views (a camera on the dashboard, a deer profile) land on the same filtered grid.
import type { PhotoFilter } from '../../../core/contract/entities';
import type { MethodArgs } from '../../../core/contract/methods';

export const CATEGORY_FILTERS = ['animal', 'person', 'vehicle'] as const;
export type CategoryFilter = (typeof CATEGORY_FILTERS)[number];
// 'failed': files that could not be imported or processed, and photos whose file is missing, each with its reason
// (kept apart from the photos).
export const CONTENT_FILTERS = ['all', 'nonEmpty', 'empty', 'failed'] as const;
export type ContentFilter = (typeof CONTENT_FILTERS)[number];
export const SORTS = ['newest', 'oldest', 'imported', 'detections'] as const;
export type Sort = (typeof SORTS)[number];

export interface PhotoFilters {
  cameraIds: number[];
  /** Local dates, YYYY-MM-DD, inclusive. */
  from: string | null;
  to: string | null;
  category: CategoryFilter | null;
  content: ContentFilter;
  unreviewed: boolean;
  individualId: number | null;
  sort: Sort;
  groupBySequence: boolean;
}

export const DEFAULT_FILTERS: PhotoFilters = {
  cameraIds: [],
  from: null,
  to: null,
  category: null,
  content: 'all',
  unreviewed: false,
  individualId: null,
  sort: 'newest',
  groupBySequence: false,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], v: string | null, fallback: T): T {
  return values.includes(v as T) ? (v as T) : fallback;
}

function positiveInt(v: string | null): number | null {
  if (v === null || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n > 0 ? n : null;
}

/** Only what differs from the defaults is written, so plain URLs stay plain. */
export function filtersToParams(f: PhotoFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.cameraIds.length) p.set('camera', f.cameraIds.join(','));
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.category) p.set('category', f.category);
  if (f.content !== 'all') p.set('content', f.content);
  if (f.unreviewed) p.set('unreviewed', '1');
  if (f.individualId !== null) p.set('individual', String(f.individualId));
  if (f.sort !== DEFAULT_FILTERS.sort) p.set('sort', f.sort);
  if (f.groupBySequence) p.set('group', 'sequence');
  return p;
}

/** Tolerant: anything malformed (a hand-edited URL) falls back to the default for that field. */
export function filtersFromParams(p: URLSearchParams): PhotoFilters {
  const cameraIds = (p.get('camera') ?? '')
    .split(',')
    .map((s) => positiveInt(s))
    .filter((n): n is number => n !== null);
  const date = (v: string | null) => (v !== null && DATE.test(v) ? v : null);
  const category = p.get('category');
  return {
    cameraIds: [...new Set(cameraIds)],
    from: date(p.get('from')),
    to: date(p.get('to')),
    category: CATEGORY_FILTERS.includes(category as CategoryFilter) ? (category as CategoryFilter) : null,
    content: oneOf(CONTENT_FILTERS, p.get('content'), 'all'),
    unreviewed: p.get('unreviewed') === '1',
    individualId: positiveInt(p.get('individual')),
    sort: oneOf(SORTS, p.get('sort'), DEFAULT_FILTERS.sort),
    groupBySequence: p.get('group') === 'sequence',
  };
}

/** How many filters narrow the grid (sort and grouping do not). */
export function activeFilterCount(f: PhotoFilters): number {
  return (
    (f.cameraIds.length ? 1 : 0) +
    (f.from || f.to ? 1 : 0) +
    (f.category ? 1 : 0) +
    (f.content !== 'all' ? 1 : 0) +
    (f.unreviewed ? 1 : 0) +
    (f.individualId !== null ? 1 : 0)
  );
}

export function toggleCamera(f: PhotoFilters, cameraId: number): PhotoFilters {
  const has = f.cameraIds.includes(cameraId);
  return {
    ...f,
    cameraIds: has ? f.cameraIds.filter((c) => c !== cameraId) : [...f.cameraIds, cameraId].sort((a, b) => a - b),
  };
}

/** Setting a date range with from after to swaps them rather than showing an empty grid. */
export function setDateRange(f: PhotoFilters, from: string | null, to: string | null): PhotoFilters {
  if (from && to && from > to) return { ...f, from: to, to: from };
  return { ...f, from, to };
}

/** Clears the narrowing filters but keeps how the user likes the grid sorted and grouped. */
export function clearFilters(f: PhotoFilters): PhotoFilters {
  return { ...DEFAULT_FILTERS, sort: f.sort, groupBySequence: f.groupBySequence };
}

export const SORT_LABELS: Record<Sort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  imported: 'Recently imported',
  detections: 'Most detections',
};

const SORT_TO_API = {
  newest: '-takenAt',
  oldest: 'takenAt',
  imported: '-imported',
  detections: '-detections',
} as const;

/** The API's filter for these filters: dates widen to whole days, unset fields are left out. */
export function toPhotoFilter(f: PhotoFilters): PhotoFilter {
  const out: PhotoFilter = {};
  if (f.cameraIds.length) out.cameraIds = f.cameraIds;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.category) out.category = f.category;
  if (f.content === 'failed') out.states = ['failed', 'missing'];
  else if (f.content !== 'all') out.empty = f.content === 'empty';
  if (f.unreviewed) out.unreviewedSuggestions = true;
  if (f.individualId !== null) out.individualId = f.individualId;
  return out;
}

export function toPhotoQuery(f: PhotoFilters, offset: number, limit: number): MethodArgs<'photos.query'> {
  return { filter: toPhotoFilter(f), sort: SORT_TO_API[f.sort], offset, limit };
}

/** A stable key of what the query returns, to reset paging when it changes. */
export function filtersKey(f: PhotoFilters): string {
  return filtersToParams(f).toString();
}
