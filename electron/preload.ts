// The preload (sandboxed, CommonJS): exposes one object, window.thumper, shaped by the contract's ThumperBridge. No
// raw ipcRenderer reaches the page: two fixed channels, listeners that can be removed, and the dropped-file path.
// A sandboxed preload can require only 'electron', so the channel names are literals here; a test checks they equal
// the contract's.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ThumperBridge } from '../core/contract/bridge';
import type { Reply } from '../core/contract/wire';

const CALL_CHANNEL = 'thumper:call';
const EVENT_CHANNEL = 'thumper:event';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(EVENT_CHANNEL, (_event, name: string, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: ThumperBridge = {
  host: 'desktop',
  invoke: (method, args) => ipcRenderer.invoke(CALL_CHANNEL, method, args) as Promise<Reply>,
  subscribe(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]),
};

contextBridge.exposeInMainWorld('thumper', bridge);
