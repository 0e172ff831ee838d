import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../core/contract/client';
import type { PhotoDetail } from '../../../../core/contract/entities';
import { ApiProvider } from '../../data/apiContext';
import { createQueryClient } from '../../data/queryClient';
import { queryKey } from '../../data/queryKeys';
import { DEFAULT_FILTERS } from '../../lib/filters';
import { photoQueryKey, useNeighbours } from './useNeighbours';

afterEach(cleanup);

describe('useNeighbours', () => {
  it("fetches the previous and next photos' details ahead, under the viewer's query key", async () => {
    const asked: number[] = [];
    const api = createApi({
      host: 'serve',
      invoke: async (method, args) => {
        if (method !== 'photos.get') throw new Error(`unexpected call ${method}`);
        const { id } = args as { id: number };
        asked.push(id);
        return { ok: true, result: { id } };
      },
      subscribe: () => () => undefined,
      mediaUrl: (p) => `http://media.test${p}`,
      pathForFile: () => null,
    });
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ApiProvider api={api}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </ApiProvider>
    );
    // Not opened from the grid: the neighbours are those of the photo's visit.
    const photo = { id: 12, sequencePhotoIds: [11, 12, 13] } as PhotoDetail;
    const { result } = renderHook(() => useNeighbours(photo, DEFAULT_FILTERS), { wrapper });
    expect([result.current.prev, result.current.next]).toEqual([11, 13]);
    await waitFor(() => expect(client.getQueryData(queryKey(photoQueryKey(11)))).toEqual({ id: 11 }));
    expect(client.getQueryData(queryKey(photoQueryKey(13)))).toEqual({ id: 13 });
    expect(asked.sort()).toEqual([11, 13]);
  });
});
