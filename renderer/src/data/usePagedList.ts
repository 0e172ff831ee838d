// A virtualized list's data: the total from the first page, then pages fetched as the visible range needs them,
// at most a few in flight, the rest kept in a bounded cache. Changing `key` (new filters) starts over; a
// library.changed event in `scopes` refreshes the total and the pages on screen without emptying the view.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ThumperApi } from '../../../core/contract/client';
import { useApi } from './apiContext';
import { pagesForRange, PageCache, type Page } from './pageCache';
import type { Scope } from './useQuery';

export interface PagedList<T> {
  total: number | null;
  item: (index: number) => T | undefined;
  /** Tell the list which indexes are on screen. */
  setRange: (start: number, end: number) => void;
  error: Error | null;
  loading: boolean;
  /** Bumps on every page arrival so memoized rows re-render. */
  version: number;
}

const CACHE_PAGES = 24;

export function usePagedList<T>(
  key: string,
  fetchPage: (api: ThumperApi, offset: number, limit: number) => Promise<Page<T>>,
  pageSize = 120,
  scopes: readonly Scope[] = [],
): PagedList<T> {
  const api = useApi();
  const cache = useRef(new PageCache<T>(pageSize, CACHE_PAGES));
  const inflight = useRef(new Set<number>());
  const range = useRef<[number, number]>([0, pageSize - 1]);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [version, setVersion] = useState(0);
  const totalRef = useRef<number | null>(null);

  const load = useCallback(
    (page: number, force = false) => {
      if ((!force && cache.current.has(page)) || inflight.current.has(page)) return;
      const mine = generation.current;
      inflight.current.add(page);
      fetchRef.current(api, page * pageSize, pageSize).then(
        (result) => {
          if (mine !== generation.current) return;
          inflight.current.delete(page);
          cache.current.put(page, result.items);
          totalRef.current = result.total;
          setTotal(result.total);
          setError(null);
          setVersion((v) => v + 1);
        },
        (e: unknown) => {
          if (mine !== generation.current) return;
          inflight.current.delete(page);
          setError(e instanceof Error ? e : new Error(String(e)));
        },
      );
    },
    [api, pageSize],
  );

  const ensure = useCallback(
    (force = false) => {
      const [start, end] = range.current;
      for (const p of pagesForRange(start, end, pageSize, totalRef.current)) load(p, force);
    },
    [load, pageSize],
  );

  useEffect(() => {
    generation.current++;
    cache.current.clear();
    inflight.current.clear();
    totalRef.current = null;
    setTotal(null);
    setError(null);
    setVersion((v) => v + 1);
    // The first page also brings the total; a grid with no rows yet reports an empty range.
    load(0);
    ensure();
  }, [key, ensure, load]);

  const scopeKey = scopes.join(',');
  useEffect(() => {
    if (!scopeKey) return;
    const wanted = new Set(scopeKey.split(','));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('library.changed', (e) => {
      if (timer || !e.scopes.some((s) => wanted.has(s))) return;
      timer = setTimeout(() => {
        timer = null;
        // Pages off screen are stale now; the ones on screen are refetched in place.
        cache.current.clear();
        ensure(true);
      }, 1500);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, ensure, scopeKey]);

  const setRange = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      ensure();
    },
    [ensure],
  );

  const item = useCallback((index: number) => cache.current.get(index), []);
  return { total, item, setRange, error, loading: total === null && !error, version };
}
