// From the host's change events to the queries they touch: a `library.changed` event refetches the queries on screen
// that show one of its scopes and drops the cached ones no component shows; nothing else refetches or goes. Events are batched so a burst
// (an import finishing, a run of edits) costs one refetch per query, at most one every EVENT_REFETCH_MS.
import type { Query, QueryClient } from '@tanstack/react-query';
import type { ThumperApi } from '../../../core/contract/client';
import type { Scope } from './queryKeys';

export const EVENT_REFETCH_MS = 1500;

/**
 * The scopes a query shows: those named by every component observing it (the sidebar and the dashboard can ask for
 * the same totals for different reasons), or by the last one that did when none observes it now.
 */
export function scopesOf(query: Query): Set<Scope> {
  const scopes = new Set<Scope>(query.meta?.scopes);
  for (const observer of query.observers) for (const s of observer.options.meta?.scopes ?? []) scopes.add(s);
  return scopes;
}

export function isAffected(query: Query, changed: ReadonlySet<Scope>): boolean {
  for (const s of scopesOf(query)) if (changed.has(s)) return true;
  return false;
}

/** Data a change made out of date, in queries no component shows: dropped, so showing them again loads afresh. */
function forgetHidden(client: QueryClient, changed: ReadonlySet<Scope>): void {
  client.removeQueries({ predicate: (q) => q.getObserversCount() === 0 && isAffected(q, changed) });
}

/**
 * Keeps the cache true to the host's change events; returns the unsubscribe. What no component shows is dropped at
 * once (it costs no request); what is on screen is refetched, throttled, unless it began loading after the last
 * change (loading or loaded): a view reloads after its own edit, whose change event arrives just before the edit's
 * answer, and one request serves both.
 */
export function invalidateOnChanges(api: ThumperApi, client: QueryClient, throttleMs = EVENT_REFETCH_MS): () => void {
  let pending = new Set<Scope>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  /** Change events so far; a load records the count it started at, so one begun after the last change is fresh. */
  let changes = 0;
  const loadStarted = new WeakMap<Query, number>();
  const offCache = client.getQueryCache().subscribe((e) => {
    if (e.type === 'updated' && e.action.type === 'fetch') loadStarted.set(e.query, changes);
  });
  const loadedSinceLastChange = (q: Query) => loadStarted.get(q) === changes;
  const flush = () => {
    timer = null;
    last = Date.now();
    const changed = pending;
    pending = new Set();
    forgetHidden(client, changed);
    void client.invalidateQueries({ predicate: (q) => isAffected(q, changed) && !loadedSinceLastChange(q) });
  };
  const off = api.on('library.changed', (e) => {
    changes++;
    forgetHidden(client, new Set(e.scopes));
    for (const s of e.scopes) pending.add(s);
    // The first change refetches at once; more within the window wait for its end, together.
    if (!timer) timer = setTimeout(flush, Math.max(0, last + throttleMs - Date.now()));
  });
  return () => {
    off();
    offCache();
    if (timer) clearTimeout(timer);
  };
}
