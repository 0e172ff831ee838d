// The renderer's one query cache (TanStack Query). What differs from the library's defaults, and why:
// - Data is stale at once, so a view opened again shows what it last had and refetches behind it: a running job adds
//   photos without change events (the host announces library.changed when the job finishes), so the cache alone
//   cannot know whether a list grew.
// - No refetch on window focus: the host's change events say when data changed (invalidation.ts).
// - No silent retries: a failed load shows its error where the data goes, with a Retry button.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 0, refetchOnWindowFocus: false, retry: false },
    },
  });
}
