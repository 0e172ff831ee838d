// The Electron preload exposes exactly this object as window.thumper (contextBridge); the renderer wraps it with
// createApi. Channel names are fixed here so the preload and the main process agree.
import type { Reply } from './wire';

export const IPC_CALL_CHANNEL = 'thumper:call';
export const IPC_EVENT_CHANNEL = 'thumper:event';

export interface ThumperBridge {
  readonly host: 'desktop';
  invoke(method: string, args: unknown): Promise<Reply>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** Real filesystem path of a dropped File (webUtils.getPathForFile); empty string when it has none. */
  pathForFile(file: object): string;
}

export const BRIDGE_GLOBAL = 'thumper';
