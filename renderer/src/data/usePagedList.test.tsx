import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeHost, numbers, TOTAL } from './testHost';
import { usePagedList } from './usePagedList';

afterEach(cleanup);

const PAGE = 100;

describe('usePagedList', () => {
  it('fetches the first page for the total, then only the pages a visible range touches', async () => {
    const { offsets, wrapper } = fakeHost();
    const { result } = renderHook(() => usePagedList<number>('all', numbers, PAGE, ['photos']), { wrapper });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    expect(result.current.item(5)).toBe(5);
    // A jump to the middle: pages 5 and 6, not the four between.
    act(() => result.current.setRange(550, 640));
    await waitFor(() => expect(result.current.item(640)).toBe(640));
    expect(offsets).toEqual([0, 500, 600]);
    // Within the same pages: no request.
    act(() => result.current.setRange(560, 650));
    expect(offsets).toEqual([0, 500, 600]);
    // Pages scrolled past stay readable (the viewer steps through them).
    expect(result.current.item(3)).toBe(3);
    expect(result.current.total).toBe(TOTAL);
  });

  it('refetches only the pages on screen when their scope changes, in place', async () => {
    const { offsets, wrapper, change } = fakeHost();
    const { result } = renderHook(() => usePagedList<number>('all', numbers, PAGE, ['photos']), { wrapper });
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    act(() => result.current.setRange(250, 320));
    await waitFor(() => expect(result.current.item(320)).toBe(320));
    offsets.length = 0;

    act(() => change(['photos'], 10_000));
    // The old items stay on screen until the new ones arrive.
    expect(result.current.item(250)).toBe(250);
    await waitFor(() => expect(result.current.item(250)).toBe(10_250));
    expect(offsets.sort()).toEqual([200, 300]);

    // A change the list does not show: nothing, even after the throttle window.
    offsets.length = 0;
    act(() => change(['cameras', 'settings']));
    await new Promise((r) => setTimeout(r, 1600));
    expect(offsets).toEqual([]);
  });
});
