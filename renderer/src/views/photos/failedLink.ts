// Where every failure banner points: the Photos view's Failed filter (a hash link keeps the serve token's query).
import { DEFAULT_FILTERS } from '../../lib/filters';
import { routeToHash } from '../../lib/route';

export const FAILED_PHOTOS_HASH = routeToHash({ view: 'photos', filters: { ...DEFAULT_FILTERS, content: 'failed' } });
