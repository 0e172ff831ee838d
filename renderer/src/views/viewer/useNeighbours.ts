// Previous/next photo: from the grid's list when the viewer was opened from it (same filters), else within the
// photo's visit.
import type { PhotoDetail } from '../../../../core/contract/entities';
import { useQuery } from '../../data/useQuery';
import { filtersKey, toPhotoQuery, type PhotoFilters } from '../../lib/filters';
import { useBrowse } from '../../store/browse';

export interface Neighbours {
  prev: number | null;
  next: number | null;
  /** Position in the list, 0-based, and its length, when known. */
  index: number | null;
  total: number | null;
}

export function useNeighbours(photo: PhotoDetail | undefined, filters: PhotoFilters): Neighbours {
  const { listKey, index } = useBrowse();
  const fromList = listKey === filtersKey(filters);
  const offset = Math.max(0, index - 1);
  const page = useQuery(`nb:${listKey}:${index}:${fromList}`, (api) =>
    fromList ? api.call('photos.query', toPhotoQuery(filters, offset, 3)) : Promise.resolve(null),
  );
  if (fromList && page.data && photo) {
    const at = page.data.items.findIndex((p) => p.id === photo.id);
    if (at >= 0) {
      return { prev: page.data.items[at - 1]?.id ?? null, next: page.data.items[at + 1]?.id ?? null, index: offset + at, total: page.data.total };
    }
  }
  const seq = photo?.sequencePhotoIds ?? [];
  const at = photo ? seq.indexOf(photo.id) : -1;
  return { prev: at > 0 ? seq[at - 1]! : null, next: at >= 0 && at < seq.length - 1 ? seq[at + 1]! : null, index: null, total: null };
}
