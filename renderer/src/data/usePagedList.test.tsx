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
    // Pages scrolled past stay readable (the viewer steps through them), and scrolling back costs no request.
    expect(result.current.item(3)).toBe(3);
    act(() => result.current.setRange(0, 50));
    await waitFor(() => expect(result.current.item(50)).toBe(50));
    expect(offsets).toEqual([0, 500, 600]);
    expect(result.current.total).toBe(TOTAL);
  });

  it('shows a list again from the cache at once and refetches the pages on screen behind it', async () => {
    const { offsets, wrapper, change } = fakeHost();
    const { result, rerender } = renderHook(({ k }) => usePagedList<number>(k, numbers, PAGE, ['photos']), {
      wrapper,
      initialProps: { k: 'all' },
    });
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    rerender({ k: 'filtered' });
    await waitFor(() => expect(result.current.total).toBe(TOTAL));
    // Photos added with no change event (a running import), then the first list shown again.
    change([], 10_000);
    rerender({ k: 'all' });
    expect(result.current.loading).toBe(false);
    expect(result.current.item(0)).toBe(0);
    await waitFor(() => expect(result.current.item(0)).toBe(10_000));
    expect(offsets).toEqual([0, 0, 0]);
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
