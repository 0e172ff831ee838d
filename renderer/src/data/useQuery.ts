// A view's query by key (TanStack Query underneath): components asking for the same key share one request and one
// cached result; a view shown again has its last data at once while it refetches; loading never blanks a view;
// errors are reported where the data is shown; a change event in `scopes` refetches it (invalidation.ts).
import { useQuery as useTanstackQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ThumperApi } from '../../../core/contract/client';
import { useApi } from './apiContext';
import { queryKey, type Scope } from './queryKeys';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

export function useQuery<T>(
  key: string,
  load: (api: ThumperApi) => Promise<T>,
  scopes: readonly Scope[] = [],
): QueryState<T> {
  const api = useApi();
  const query = useTanstackQuery({ queryKey: queryKey(key), queryFn: () => load(api), meta: { scopes } });
  const { refetch } = query;
  // After an edit the view reloads, and the edit's change event refetches too: one request serves both.
  const reload = useCallback(() => void refetch({ cancelRefetch: false }), [refetch]);
  return { data: query.data, error: query.error, loading: query.isFetching, reload };
}
