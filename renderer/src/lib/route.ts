// Hash routes: #/dashboard, #/photos?camera=2, #/photo/17?camera=2 (the viewer keeps the grid's filters so
// previous/next walk the same list), #/deer, #/deer/5, #/import, #/review. Hash routing works the same from
// Electron's custom protocol and from serve mode's static files.
import { DEFAULT_FILTERS, filtersFromParams, filtersToParams, type PhotoFilters } from './filters';

export type Route =
  | { view: 'dashboard' }
  | { view: 'import' }
  | { view: 'photos'; filters: PhotoFilters }
  | { view: 'viewer'; imageId: number; filters: PhotoFilters }
  | { view: 'deer' }
  | { view: 'deer-profile'; individualId: number }
  | { view: 'review' };

export type ViewName = Route['view'];

export const DEFAULT_ROUTE: Route = { view: 'dashboard' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).split('/').filter(Boolean);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const id = path[1] !== undefined && /^\d+$/.test(path[1]) ? Number(path[1]) : null;
  switch (path[0]) {
    case 'dashboard':
      return { view: 'dashboard' };
    case 'import':
      return { view: 'import' };
    case 'photos':
      return { view: 'photos', filters: filtersFromParams(params) };
    case 'photo':
      return id ? { view: 'viewer', imageId: id, filters: filtersFromParams(params) } : { view: 'photos', filters: DEFAULT_FILTERS };
    case 'deer':
      return id ? { view: 'deer-profile', individualId: id } : { view: 'deer' };
    case 'review':
      return { view: 'review' };
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
    case 'viewer':
      return withQuery(`#/photo/${route.imageId}`, route.filters);
    case 'deer-profile':
      return `#/deer/${route.individualId}`;
    default:
      return `#/${route.view}`;
  }
}

/** Which sidebar entry a route belongs to. */
export function sectionOf(route: Route): 'dashboard' | 'import' | 'photos' | 'deer' | 'review' {
  switch (route.view) {
    case 'viewer':
      return 'photos';
    case 'deer-profile':
      return 'deer';
    default:
      return route.view;
  }
}
