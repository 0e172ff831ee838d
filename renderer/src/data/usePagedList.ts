// A virtualized list's data: one query per page of the API (TanStack Query), for the pages the visible range
// touches. Page-wise queries rather than an infinite query, because the grid jumps: dragging the scrollbar to the
// middle of 100,000 photos needs the pages there, not every page before them, and a change event refetches only the
// pages on screen (an infinite query refetches all its pages, in order). Pages scrolled past stay cached for a
// while (scrolling back and the viewer's previous/next read them), then are dropped. Changing `key` (new filters) is
// another list; a library.changed event in `scopes` refetches the pages on screen in place (invalidation.ts).
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ThumperApi } from '../../../core/contract/client';
import { useApi } from './apiContext';
import { pagesForRange, type Page } from './pages';
import { listKey, pageKey, type Scope } from './queryKeys';

export interface PagedList<T> {
  total: number | null;
  /** The item at an index, when its page is cached; reads the cache, so it serves the viewer after the grid is gone. */
  item: (index: number) => T | undefined;
  /** Tell the list which indexes are on screen. */
  setRange: (start: number, end: number) => void;
  error: Error | null;
  loading: boolean;
}

/** How long a page off screen stays cached: long enough to step through it in the viewer and come back. */
const PAGE_GC_MS = 120_000;

/** The newest total any cached page of the list reported (pages fetched at different times may disagree). */
function cachedTotal(client: QueryClient, key: string, pageSize: number): number | null {
  let best: { at: number; total: number } | null = null;
  for (const q of client.getQueryCache().findAll({ queryKey: listKey(key, pageSize) })) {
    const data = q.state.data as Page<unknown> | undefined;
    if (data && (!best || q.state.dataUpdatedAt > best.at)) best = { at: q.state.dataUpdatedAt, total: data.total };
  }
  return best?.total ?? null;
}

export function usePagedList<T>(
  key: string,
  fetchPage: (api: ThumperApi, offset: number, limit: number) => Promise<Page<T>>,
  pageSize = 120,
  scopes: readonly Scope[] = [],
): PagedList<T> {
  const api = useApi();
  const client = useQueryClient();
  // The latest loader: views pass a new closure on every render, and a page's query must not change with it.
  const latest = useRef({ api, fetchPage, scopes });
  latest.current = { api, fetchPage, scopes };
  const pageQuery = useCallback(
    (page: number) => ({
      queryKey: pageKey(key, pageSize, page),
      queryFn: () => latest.current.fetchPage(latest.current.api, page * pageSize, pageSize),
      meta: { scopes: latest.current.scopes },
      // A cached page is fresh until a change event (or the list being shown again, below) says otherwise:
      // scrolling back over it costs no request.
      staleTime: Infinity,
      gcTime: PAGE_GC_MS,
    }),
    [key, pageSize],
  );
  // The pages on screen, for the list they were asked for; a new list starts with its first page, which brings the
  // total (a grid with no rows yet reports an empty range).
  const [wanted, setWanted] = useState<{ key: string; pages: number[] }>({ key, pages: [0] });
  const pages = wanted.key === key && wanted.pages.length > 0 ? wanted.pages : [0];
  const results = useQueries({ queries: pages.map(pageQuery) });
  // A list shown again refetches the pages on screen behind the cached ones, and the others when they are scrolled
  // to: a running job adds photos without change events.
  // (A first load in flight is fresh: it is kept, not started again.)
  useEffect(
    () => void client.invalidateQueries({ queryKey: listKey(key, pageSize) }, { cancelRefetch: false }),
    [client, key, pageSize],
  );
  // The freshest page on screen says how long the list is; right after a jump, before they arrive, the cache does.
  const onScreen = results.reduce<{ at: number; total: number } | null>(
    (best, r) => (r.data && (!best || r.dataUpdatedAt > best.at) ? { at: r.dataUpdatedAt, total: r.data.total } : best),
    null,
  );
  const total = onScreen?.total ?? cachedTotal(client, key, pageSize);
  const error = results.find((r) => r.error)?.error ?? null;

  const setRange = useCallback(
    (start: number, end: number) => {
      const next = pagesForRange(start, end, pageSize, cachedTotal(client, key, pageSize));
      // Fetch now rather than after the render that subscribes to them: a jump shows its photos one render sooner.
      for (const page of next) void client.prefetchQuery(pageQuery(page));
      // Scrolling within the same pages changes nothing: no render until the range crosses a page.
      setWanted((cur) => (cur.key === key && cur.pages.join() === next.join() ? cur : { key, pages: next }));
    },
    [client, key, pageSize, pageQuery],
  );

  const item = useCallback(
    (index: number) => {
      const page = Math.floor(index / pageSize);
      return client.getQueryData<Page<T>>(pageKey(key, pageSize, page))?.items[index - page * pageSize];
    },
    [client, key, pageSize],
  );
  return { total, item, setRange, error, loading: total === null && !error };
}
