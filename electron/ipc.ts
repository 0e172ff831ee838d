// The IPC adapter: one handler for every API call (sender checked, then the contract's dispatch) and events pushed to
// the app's windows. No business logic here.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, ApiError, type Reply } from '../core/contract';
import { dispatch, type Handlers } from '../core/services/dispatch';
import type { EventHub } from '../core/services/hub';
import { APP_ORIGIN } from './protocols';

/** Only the app's own page, in one of the app's windows, may call. */
export function trustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  windows: () => WebContents[],
): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`) && windows().some((w) => w.id === event.sender.id);
}

export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: () => Handlers,
  windows: () => WebContents[],
): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, args: unknown): Promise<Reply> => {
    if (!trustedSender(event, windows))
      return { ok: false, error: new ApiError('unauthorized', 'calls are accepted from the app window only').toJSON() };
    return dispatch(handlers(), method, args);
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

export function forwardEvents(hub: EventHub, windows: () => WebContents[]): () => void {
  return hub.subscribe((event, payload) => {
    for (const w of windows()) if (!w.isDestroyed()) w.send(IPC_EVENT_CHANNEL, event, payload);
  });
}
