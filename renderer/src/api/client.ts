// The renderer's one way to reach the app: the Electron preload's bridge when present (desktop), otherwise the serve
// mode's WebSocket, authenticated with the token from the page URL (?token=...).
import {
  BRIDGE_GLOBAL,
  createApi,
  MEDIA_SCHEME,
  wsTransport,
  type ThumperApi,
  type ThumperBridge,
  type Transport,
} from '../../../core/contract';

function bridgeTransport(bridge: ThumperBridge): Transport {
  return {
    host: 'desktop',
    invoke: (method, args) => bridge.invoke(method, args),
    subscribe: (event, listener) => bridge.subscribe(event, listener),
    mediaUrl: (path) => `${MEDIA_SCHEME}://app${path}`,
    pathForFile: (file) => bridge.pathForFile(file) || null,
  };
}

export function connect(win: Window = window): ThumperApi {
  const bridge = (win as unknown as Record<string, ThumperBridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return createApi(bridgeTransport(bridge));
  const token = new URLSearchParams(win.location.search).get('token') ?? '';
  return createApi(wsTransport({ origin: win.location.origin, token, connect: (url) => new WebSocket(url) }));
}

let instance: ThumperApi | null = null;

/** The app-wide API client, created on first use. */
export function api(): ThumperApi {
  return (instance ??= connect());
}
