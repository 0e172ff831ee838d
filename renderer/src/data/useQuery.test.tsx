import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeHost } from './testHost';
import { useQuery } from './useQuery';

afterEach(cleanup);

describe('useQuery', () => {
  it('shares one request between components showing the same key, and keeps the data while reloading', async () => {
    const { calls, wrapper } = fakeHost();
    const { result } = renderHook(
      () => [
        useQuery('stats', (api) => api.call('library.stats', {}), ['photos']),
        useQuery('stats', (api) => api.call('library.stats', {}), ['individuals']),
      ],
      { wrapper },
    );
    await waitFor(() => expect(result.current[0]!.data).toBeDefined());
    expect(calls).toEqual(['library.stats']);
    expect(result.current[1]!.data).toBe(result.current[0]!.data);
    act(() => result.current[0]!.reload());
    expect(result.current[0]!.data).toBe(1);
    await waitFor(() => expect(result.current[0]!.data).toBe(2));
    expect(result.current[1]!.data).toBe(2);
  });

  it('reports a failed load as an error, with no silent retry', async () => {
    const { wrapper } = fakeHost();
    let tries = 0;
    const { result } = renderHook(
      () => useQuery('broken', () => (tries++, Promise.reject(new Error('no such library')))),
      { wrapper },
    );
    await waitFor(() => expect(result.current.error?.message).toBe('no such library'));
    expect(result.current.loading).toBe(false);
    expect(tries).toBe(1);
  });
});
