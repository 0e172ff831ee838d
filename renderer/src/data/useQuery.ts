// A small query hook: loads once per key, keeps showing the previous data while reloading (loading never blanks a
// view), reports errors where the data is shown, and refetches when the host says the relevant part of the library
// changed. Refetches triggered by events are throttled so a running import does not hammer the API.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ThumperApi } from '../../../core/contract/client';
import type { EventPayload } from '../../../core/contract/events';
import { useApi } from './apiContext';

export type Scope = EventPayload<'library.changed'>['scopes'][number];

export interface QueryState<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

const EVENT_REFETCH_MS = 1500;

/**
 * Loads in flight, by key: components asking for the same key at the same time (the sidebar and the dashboard both
 * showing library totals) share one request. A key names one query, so sharing is safe.
 */
const inflight = new Map<string, Promise<unknown>>();

export function sharedLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
  const pending = inflight.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const p = load().finally(() => inflight.delete(key));
  inflight.set(key, p);
  return p;
}

export function useQuery<T>(
  key: string,
  load: (api: ThumperApi) => Promise<T>,
  scopes: readonly Scope[] = [],
): QueryState<T> {
  const api = useApi();
  const [state, setState] = useState<{ key: string; data: T | undefined; error: Error | null; loading: boolean }>({
    key,
    data: undefined,
    error: null,
    loading: true,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);

  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, key, loading: true, data: s.key === key ? s.data : undefined }));
    sharedLoad(key, () => loadRef.current(api)).then(
      (data) => mine === generation.current && setState({ key, data, error: null, loading: false }),
      (error: unknown) =>
        mine === generation.current &&
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false })),
    );
  }, [api, key]);

  useEffect(run, [run]);

  const scopeKey = scopes.join(',');
  useEffect(() => {
    if (!scopeKey) return;
    const wanted = new Set(scopeKey.split(','));
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const off = api.on('library.changed', (e) => {
      if (!e.scopes.some((s) => wanted.has(s)) || timer) return;
      const wait = Math.max(0, last + EVENT_REFETCH_MS - Date.now());
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        run();
      }, wait);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, run, scopeKey]);

  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: current ? state.loading : true,
    reload: run,
  };
}
