// The query cache's keys, and what a query says about itself: the parts of the library it shows. A single query and
// a list's page live under different roots, so a view's key can never collide with a list's.
import type { EventPayload } from '../../../core/contract/events';

export type Scope = EventPayload<'library.changed'>['scopes'][number];

declare module '@tanstack/react-query' {
  interface Register {
    /** The library scopes a query shows: a `library.changed` event naming one of them refetches it. */
    queryMeta: { scopes?: readonly Scope[] };
  }
}

/** One query of a view ('cameras', 'individual-7'). */
export const queryKey = (key: string) => ['query', key] as const;

/** Every page of one paged list (its filters), at one page size. */
export const listKey = (key: string, pageSize: number) => ['page', key, pageSize] as const;

/** One page of a paged list. */
export const pageKey = (key: string, pageSize: number, page: number) => [...listKey(key, pageSize), page] as const;
