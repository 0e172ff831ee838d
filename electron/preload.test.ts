// The preload with Electron mocked: exactly one global, only the bridge's four members, fixed channels.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type ThumperBridge } from '../core/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, result: 42 })), on: vi.fn(), send: vi.fn() },
  webUtils: { getPathForFile: vi.fn(() => '/media/me/CARD') },
}));
vi.mock('electron', () => electron);

let bridge: ThumperBridge;
let deliver: (event: unknown, name: string, payload: unknown) => void;

beforeAll(async () => {
  await import('./preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, ThumperBridge];
  expect(name).toBe(BRIDGE_GLOBAL);
  bridge = exposed;
  const [channel, handler] = electron.ipcRenderer.on.mock.calls[0] as unknown as [string, typeof deliver];
  expect(channel).toBe(IPC_EVENT_CHANNEL);
  deliver = handler;
});

describe('preload', () => {
  it('exposes the bridge and nothing of ipcRenderer', () => {
    expect(Object.keys(bridge).sort()).toEqual(['host', 'invoke', 'pathForFile', 'subscribe']);
    expect(bridge.host).toBe('desktop');
    for (const value of Object.values(bridge)) expect(value).not.toBe(electron.ipcRenderer);
  });

  it('invokes on the contract call channel only', async () => {
    await expect(bridge.invoke('library.stats', {})).resolves.toEqual({ ok: true, result: 42 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, 'library.stats', {});
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const got: unknown[] = [];
    const off = bridge.subscribe('job.progress', (p) => got.push(p));
    deliver({}, 'job.progress', { n: 1 });
    deliver({}, 'job.finished', { n: 2 });
    off();
    deliver({}, 'job.progress', { n: 3 });
    expect(got).toEqual([{ n: 1 }]);
  });

  it('gives a dropped file its real path through webUtils', () => {
    const file = { name: 'CARD' };
    expect(bridge.pathForFile(file)).toBe('/media/me/CARD');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
  });
});
