import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../core/contract/client';
import type { EventPayload } from '../../../core/contract/events';
import { EVENT_REFETCH_MS, invalidateOnChanges } from './invalidation';
import { createQueryClient } from './queryClient';
import { pageKey, queryKey, type Scope } from './queryKeys';

type Changed = EventPayload<'library.changed'>;

function setup() {
  let listener: ((payload: unknown) => void) | null = null;
  const api = createApi({
    host: 'serve',
    invoke: () => Promise.reject(new Error('no calls expected')),
    subscribe: (event, l) => {
      if (event === 'library.changed') listener = l;
      return () => (listener = null);
    },
    mediaUrl: (p) => p,
    pathForFile: () => null,
  });
  const client = createQueryClient();
  const fetched: string[] = [];
  const stop = invalidateOnChanges(api, client);
  const emit = (e: Changed) => listener?.(e);
  return { client, fetched, emit, stop, hasListener: () => listener !== null };
}

/** A component showing a query: an observer that stays subscribed, as a mounted view's does. */
function show(client: QueryClient, fetched: string[], name: string, key: readonly unknown[], scopes: Scope[]) {
  const observer = new QueryObserver(client, {
    queryKey: key,
    queryFn: () => (fetched.push(name), Promise.resolve(name)),
    meta: { scopes },
  });
  return observer.subscribe(() => undefined);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('invalidateOnChanges', () => {
  it('refetches only the queries on screen that show a changed scope', async () => {
    const { client, fetched, emit } = setup();
    show(client, fetched, 'cameras', queryKey('cameras'), ['cameras']);
    show(client, fetched, 'stats', queryKey('library-stats'), ['photos', 'individuals']);
    show(client, fetched, 'info', queryKey('app-info'), []);
    show(client, fetched, 'photos page 3', pageKey('{}', 120, 3), ['photos', 'detections']);
    show(client, fetched, 'crops page 0', pageKey('crops-4', 120, 0), ['detections', 'individuals']);
    await vi.advanceTimersByTimeAsync(10);
    fetched.length = 0;

    emit({ scopes: ['individuals', 'suggestions'], individualIds: [4] });
    await vi.advanceTimersByTimeAsync(10);
    expect(fetched.sort()).toEqual(['crops page 0', 'stats']);

    fetched.length = 0;
    await vi.advanceTimersByTimeAsync(EVENT_REFETCH_MS);
    emit({ scopes: ['settings'] });
    await vi.advanceTimersByTimeAsync(10);
    expect(fetched).toEqual([]);
  });

  it('uses the scopes of every component showing a query', async () => {
    const { client, fetched, emit } = setup();
    show(client, fetched, 'stats', queryKey('library-stats'), ['photos']);
    show(client, fetched, 'stats', queryKey('library-stats'), ['individuals']);
    await vi.advanceTimersByTimeAsync(10);
    fetched.length = 0;
    emit({ scopes: ['individuals'] });
    await vi.advanceTimersByTimeAsync(10);
    // Shared: one request for both components.
    expect(fetched).toEqual(['stats']);
  });

  it('refetches at once, then batches a burst of changes into one refetch per window', async () => {
    const { client, fetched, emit } = setup();
    show(client, fetched, 'photos', queryKey('photos'), ['photos']);
    show(client, fetched, 'deer', queryKey('deer'), ['individuals']);
    await vi.advanceTimersByTimeAsync(10);
    fetched.length = 0;

    emit({ scopes: ['photos'] });
    await vi.advanceTimersByTimeAsync(10);
    expect(fetched).toEqual(['photos']);

    emit({ scopes: ['photos'] });
    emit({ scopes: ['individuals'] });
    emit({ scopes: ['photos'] });
    await vi.advanceTimersByTimeAsync(EVENT_REFETCH_MS - 100);
    expect(fetched).toEqual(['photos']);
    await vi.advanceTimersByTimeAsync(200);
    expect(fetched.sort()).toEqual(['deer', 'photos', 'photos']);
  });

  it('drops the data of a query nobody shows, at once and without fetching it, so it loads afresh when shown', async () => {
    const { client, fetched, emit } = setup();
    show(client, fetched, 'stats', queryKey('library-stats'), ['photos']);
    const hide = show(client, fetched, 'cameras', queryKey('cameras'), ['cameras']);
    const hideSettings = show(client, fetched, 'settings', queryKey('settings'), ['settings']);
    await vi.advanceTimersByTimeAsync(10);
    hide();
    hideSettings();
    emit({ scopes: ['photos'] }); // opens a throttle window
    await vi.advanceTimersByTimeAsync(10);
    fetched.length = 0;
    emit({ scopes: ['cameras'] });
    // Within the window: nothing fetched yet, but the hidden cameras are gone already; the settings stay cached.
    expect(fetched).toEqual([]);
    expect(client.getQueryData(queryKey('cameras'))).toBeUndefined();
    expect(client.getQueryData(queryKey('settings'))).toBe('settings');
    await vi.advanceTimersByTimeAsync(EVENT_REFETCH_MS);
    expect(fetched).toEqual([]);
  });

  it('lets a load begun after the change (a reload after an edit) serve it, and refetches one begun before', async () => {
    const { client, fetched, emit } = setup();
    let release: () => void = () => undefined;
    const slow = new QueryObserver(client, {
      queryKey: queryKey('slow'),
      queryFn: () => (fetched.push('slow'), new Promise<string>((r) => (release = () => r('slow')))),
      meta: { scopes: ['individuals'] },
    });
    slow.subscribe(() => undefined);
    show(client, fetched, 'detail', queryKey('detail'), ['individuals']);
    await vi.advanceTimersByTimeAsync(10);
    release();
    await vi.advanceTimersByTimeAsync(10);
    fetched.length = 0;

    // A load of 'slow' in flight from before the edit, then the edit's event, then the view's own reload of 'detail'.
    void slow.refetch();
    emit({ scopes: ['individuals'] });
    void client.refetchQueries({ queryKey: queryKey('detail') });
    await vi.advanceTimersByTimeAsync(10);
    release();
    await vi.advanceTimersByTimeAsync(10);
    expect(fetched.sort()).toEqual(['detail', 'slow', 'slow']);
  });

  it('stops listening when unsubscribed', async () => {
    const { client, fetched, emit, stop, hasListener } = setup();
    show(client, fetched, 'cameras', queryKey('cameras'), ['cameras']);
    await vi.advanceTimersByTimeAsync(10);
    fetched.length = 0;
    stop();
    expect(hasListener()).toBe(false);
    emit({ scopes: ['cameras'] });
    await vi.advanceTimersByTimeAsync(EVENT_REFETCH_MS);
    expect(fetched).toEqual([]);
  });
});
