import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_DELAY_MS, usePathCheck, type CheckAnswer } from './usePathCheck';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const pause = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('usePathCheck', () => {
  it('checks once typing pauses, only the path the field holds then', async () => {
    vi.useFakeTimers();
    const check = vi.fn((p: string) => Promise.resolve({ ok: true, text: `checked ${p}` }));
    const r = renderHook(({ value }) => usePathCheck(value, check), { initialProps: { value: '' } });
    expect(r.result.current).toEqual({ state: 'idle' });
    for (const value of ['/m', '/me', '/media/sd']) {
      r.rerender({ value });
      await pause(CHECK_DELAY_MS / 3);
    }
    expect(r.result.current).toEqual({ state: 'checking' });
    expect(check).not.toHaveBeenCalled();
    await pause(CHECK_DELAY_MS);
    expect(check.mock.calls).toEqual([['/media/sd']]);
    expect(r.result.current).toEqual({ state: 'done', path: '/media/sd', ok: true, text: 'checked /media/sd' });
    r.rerender({ value: '  ' });
    expect(r.result.current).toEqual({ state: 'idle' });
  });

  it('runs one check at a time and never shows the answer for a path no longer typed', async () => {
    vi.useFakeTimers();
    const pending = new Map<string, (a: CheckAnswer) => void>();
    const check = vi.fn((p: string) => new Promise<CheckAnswer>((resolve) => pending.set(p, resolve)));
    const r = renderHook(({ value }) => usePathCheck(value, check), { initialProps: { value: '/big' } });
    await pause(CHECK_DELAY_MS);
    expect(check.mock.calls).toEqual([['/big']]);
    r.rerender({ value: '/big/DCIM' });
    await pause(CHECK_DELAY_MS);
    // Still one call: the slow check of /big is running.
    expect(check.mock.calls).toEqual([['/big']]);
    await act(async () => pending.get('/big')!({ ok: true, text: '90,000 photos, 0 clips' }));
    expect(r.result.current).toEqual({ state: 'checking' });
    expect(check.mock.calls).toEqual([['/big'], ['/big/DCIM']]);
    await act(async () => pending.get('/big/DCIM')!({ ok: false, text: 'no such file or folder on this computer' }));
    expect(r.result.current).toEqual({
      state: 'done',
      path: '/big/DCIM',
      ok: false,
      text: 'no such file or folder on this computer',
    });
  });

  it('shows a failed check as its message', async () => {
    const check = vi.fn(() => Promise.reject(new Error('connection lost')));
    const r = renderHook(() => usePathCheck('/media/sd', check));
    await waitFor(() => expect(r.result.current).toMatchObject({ state: 'done', ok: false, text: 'connection lost' }));
  });
});
