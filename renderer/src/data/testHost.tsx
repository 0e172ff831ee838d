// A fake host for the data hooks' tests: a list of TOTAL numbers behind photos.query, a counter behind every other
// method, each call recorded, and change events to announce.
import type { ReactNode } from 'react';
import { createApi, type ThumperApi } from '../../../core/contract/client';
import { ApiProvider } from './apiContext';
import type { Page } from './pages';
import { QueryProvider } from './QueryProvider';

export const TOTAL = 1000;

/** A host with a list of TOTAL numbers: records each call's offset, and can announce changes. */
export function fakeHost() {
  const offsets: number[] = [];
  const calls: string[] = [];
  const listeners = new Set<(payload: unknown) => void>();
  let base = 0;
  const api = createApi({
    host: 'serve',
    invoke: (method, args) => {
      calls.push(method);
      if (method === 'photos.query') {
        const { offset, limit } = args as { offset: number; limit: number };
        offsets.push(offset);
        const items = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => base + offset + i);
        return Promise.resolve({ ok: true, result: { items, total: TOTAL, offset } satisfies Page<number> });
      }
      return Promise.resolve({ ok: true, result: calls.length });
    },
    subscribe: (event, listener) => {
      if (event !== 'library.changed') return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mediaUrl: (p) => p,
    pathForFile: () => null,
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider api={api}>
      <QueryProvider>{children}</QueryProvider>
    </ApiProvider>
  );
  const change = (scopes: string[], shift = 0) => {
    base += shift;
    for (const l of listeners) l({ scopes });
  };
  return { api, offsets, calls, wrapper, change };
}

/** One page of the numbers. */
export const numbers = (api: ThumperApi, offset: number, limit: number) =>
  api.call('photos.query', { offset, limit }) as unknown as Promise<Page<number>>;
