// The renderer's choice of transport: the preload bridge when the desktop app provides one, else serve mode's
// WebSocket with the token from the page URL. (The WebSocket transport itself runs against the real server in
// server/server.test.ts.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ThumperBridge } from '../../../core/contract';
import { connect } from './client';

afterEach(() => vi.unstubAllGlobals());

describe('connect', () => {
  it('uses window.thumper in the desktop app', async () => {
    const bridge: ThumperBridge = {
      host: 'desktop',
      invoke: vi.fn(async () => ({ ok: true as const, result: { ok: true } })),
      subscribe: vi.fn(() => () => undefined),
      pathForFile: vi.fn(() => '/media/me/CARD'),
    };
    const api = connect({
      thumper: bridge,
      location: { search: '', origin: 'thumper-app://app' },
    } as unknown as Window);
    expect(api.host).toBe('desktop');
    await expect(api.call('import.pause', { jobId: 1 })).resolves.toEqual({ ok: true });
    expect(bridge.invoke).toHaveBeenCalledWith('import.pause', { jobId: 1 });
    expect(api.mediaUrl({ kind: 'thumbnail', id: 3 })).toBe('thumper-media://app/media/thumbnail/3');
    expect(api.pathForFile({})).toBe('/media/me/CARD');
  });

  it('falls back to the WebSocket with the token from the URL in a browser', () => {
    const opened: string[] = [];
    vi.stubGlobal(
      'WebSocket',
      class {
        readyState = 0;
        onopen = null;
        onclose = null;
        onerror = null;
        onmessage = null;
        constructor(url: string) {
          opened.push(url);
        }
        send() {}
        close() {}
      },
    );
    const api = connect({ location: { search: '?token=a%2Bb', origin: 'http://127.0.0.1:5000' } } as unknown as Window);
    expect(api.host).toBe('serve');
    expect(opened).toEqual(['ws://127.0.0.1:5000/api?token=a%2Bb']);
    expect(api.mediaUrl({ kind: 'crop', id: 2 })).toBe('http://127.0.0.1:5000/media/crop/2?token=a%2Bb');
    expect(api.pathForFile({})).toBeNull();
  });
});
