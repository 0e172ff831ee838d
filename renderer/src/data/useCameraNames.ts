// Camera id -> name, for views that get ids from the API (cards, sightings, suggestions).
import { useMemo } from 'react';
import { useQuery } from './useQuery';

export function useCameraNames(): Map<number, string> {
  const cameras = useQuery('cameras', (api) => api.call('cameras.list', {}), ['cameras']);
  return useMemo(() => new Map((cameras.data ?? []).map((c) => [c.id, c.name])), [cameras.data]);
}
