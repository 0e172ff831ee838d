// Previous/next photo: from the grid's list when the viewer was opened from it (same filters) — its cached pages
// first, one small query otherwise — else within the photo's visit. Their details are fetched ahead, so the arrow
// key draws the next photo and its boxes without waiting for the host.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PhotoDetail } from '../../../../core/contract/entities';
import { useApi } from '../../data/apiContext';
import { queryKey } from '../../data/queryKeys';
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

/** Neighbours from the cache when the photo is where the list says and both sides are known (or past the ends). */
export function fromCache(
  peek: (i: number) => { id: number } | undefined,
  index: number,
  total: number | null,
  photoId: number,
): { prev: number | null; next: number | null } | null {
  if (peek(index)?.id !== photoId) return null;
  const side = (i: number) => (i < 0 || (total !== null && i >= total) ? null : (peek(i)?.id ?? undefined));
  const prev = side(index - 1);
  const next = side(index + 1);
  return prev === undefined || next === undefined ? null : { prev, next };
}

/** The viewer's query of one photo (Viewer.tsx asks for the same key and scopes). */
export const photoQueryKey = (id: number) => `photo-${id}`;
const PHOTO_SCOPES = ['detections', 'individuals'] as const;
/** A neighbour fetched this recently is not fetched again ahead (the viewer refetches it when shown anyway). */
const AHEAD_FRESH_MS = 10_000;

export function useNeighbours(photo: PhotoDetail | undefined, filters: PhotoFilters): Neighbours {
  const nb = useListNeighbours(photo, filters);
  const client = useQueryClient();
  const api = useApi();
  useEffect(() => {
    for (const id of [nb.next, nb.prev]) {
      if (id === null) continue;
      void client.prefetchQuery({
        queryKey: queryKey(photoQueryKey(id)),
        queryFn: () => api.call('photos.get', { id }),
        meta: { scopes: PHOTO_SCOPES },
        staleTime: AHEAD_FRESH_MS,
      });
    }
  }, [client, api, nb.next, nb.prev]);
  return nb;
}

function useListNeighbours(photo: PhotoDetail | undefined, filters: PhotoFilters): Neighbours {
  const { listKey, index, total, peek } = useBrowse();
  const fromList = listKey === filtersKey(filters);
  const cached = fromList && photo && peek ? fromCache(peek, index, total, photo.id) : null;
  const offset = Math.max(0, index - 1);
  const page = useQuery(`nb:${listKey}:${index}:${fromList && !cached}`, (api) =>
    fromList && !cached ? api.call('photos.query', toPhotoQuery(filters, offset, 3)) : Promise.resolve(null),
  );
  if (cached) return { ...cached, index, total };
  if (fromList && page.data && photo) {
    const at = page.data.items.findIndex((p) => p.id === photo.id);
    if (at >= 0) {
      return {
        prev: page.data.items[at - 1]?.id ?? null,
        next: page.data.items[at + 1]?.id ?? null,
        index: offset + at,
        total: page.data.total,
      };
    }
  }
  const seq = photo?.sequencePhotoIds ?? [];
  const at = photo ? seq.indexOf(photo.id) : -1;
  return {
    prev: at > 0 ? seq[at - 1]! : null,
    next: at >= 0 && at < seq.length - 1 ? seq[at + 1]! : null,
    index: null,
    total: null,
  };
}
