// Hash routes: #/dashboard, #/photos?camera=2, #/photo/17?camera=2 (the viewer keeps the grid's filters so
// previous/next walk the same list; t=4000 opens a clip at that moment), #/deer (?compare=5 while picking a second
// individual), #/deer/5, #/compare/5/9, #/import, #/review, #/calibration, #/models, #/export. Hash routing works the same from
// Electron's custom protocol and from serve mode's static files.
import { DEFAULT_FILTERS, filtersFromParams, filtersToParams, type PhotoFilters } from './filters';

export type Route =
  | { view: 'dashboard' }
  | { view: 'import' }
  | { view: 'photos'; filters: PhotoFilters }
  | { view: 'viewer'; imageId: number; filters: PhotoFilters; atMs?: number }
  | { view: 'deer'; compareWith?: number }
  | { view: 'others' }
  | { view: 'deer-profile'; individualId: number }
  | { view: 'compare'; a: number; b: number }
  | { view: 'review' }
  | { view: 'calibration' }
  | { view: 'models' }
  | { view: 'survey' }
  | { view: 'cameras' }
  | { view: 'export' };

export type ViewName = Route['view'];

export const DEFAULT_ROUTE: Route = { view: 'dashboard' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).split('/').filter(Boolean);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const num = (v: string | null | undefined) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null);
  const id = num(path[1]);
  switch (path[0]) {
    case 'dashboard':
      return { view: 'dashboard' };
    case 'import':
      return { view: 'import' };
    case 'photos':
      return { view: 'photos', filters: filtersFromParams(params) };
    case 'photo': {
      if (!id) return { view: 'photos', filters: DEFAULT_FILTERS };
      // t: a moment of a clip in ms (a clip crop's frame), where the player starts.
      const t = params.get('t');
      params.delete('t');
      const route: Route = { view: 'viewer', imageId: id, filters: filtersFromParams(params) };
      return t !== null && /^\d+$/.test(t) ? { ...route, atMs: Number(t) } : route;
    }
    case 'deer': {
      if (id) return { view: 'deer-profile', individualId: id };
      const compareWith = num(params.get('compare'));
      return compareWith ? { view: 'deer', compareWith } : { view: 'deer' };
    }
    case 'compare': {
      const b = num(path[2]);
      return id && b && id !== b ? { view: 'compare', a: id, b } : { view: 'deer' };
    }
    case 'review':
      return { view: 'review' };
    case 'others':
      return { view: 'others' };
    case 'calibration':
    case 'models':
    case 'export':
    case 'survey':
    case 'cameras':
      return { view: path[0] };
    default:
      return DEFAULT_ROUTE;
  }
}

function withQuery(path: string, filters: PhotoFilters): string {
  const q = filtersToParams(filters).toString();
  return q ? `${path}?${q}` : path;
}

export function routeToHash(route: Route): string {
  switch (route.view) {
    case 'photos':
      return withQuery('#/photos', route.filters);
    case 'viewer': {
      const hash = withQuery(`#/photo/${route.imageId}`, route.filters);
      return route.atMs === undefined ? hash : `${hash}${hash.includes('?') ? '&' : '?'}t=${route.atMs}`;
    }
    case 'deer-profile':
      return `#/deer/${route.individualId}`;
    case 'deer':
      return route.compareWith ? `#/deer?compare=${route.compareWith}` : '#/deer';
    case 'compare':
      return `#/compare/${route.a}/${route.b}`;
    default:
      return `#/${route.view}`;
  }
}

/** Which sidebar entry a route belongs to. */
export function sectionOf(
  route: Route,
): 'dashboard' | 'import' | 'photos' | 'deer' | 'others' | 'review' | 'survey' | 'cameras' | 'models' | 'export' {
  switch (route.view) {
    case 'viewer':
      return 'photos';
    case 'deer-profile':
    case 'compare':
      return 'deer';
    case 'calibration':
      return 'review';
    default:
      return route.view;
  }
}
