// The typed API the renderer uses, built over any transport that carries envelopes (the Electron preload bridge or a
// WebSocket). The renderer's type of the API is this interface, derived from METHODS and EVENTS.
import { ApiError } from './errors';
import type { EventName, EventPayload } from './events';
import { mediaPath, type MediaRef } from './media';
import type { MethodArgs, MethodName, MethodResult } from './methods';
import type { Reply } from './wire';

/** Methods whose arguments may be omitted entirely. */
type CallArgs<M extends MethodName> =
  Record<never, never> extends MethodArgs<M> ? [args?: MethodArgs<M>] : [args: MethodArgs<M>];

export interface ThumperApi {
  call<M extends MethodName>(method: M, ...args: CallArgs<M>): Promise<MethodResult<M>>;
  /** Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** URL of a photo, preview, thumbnail (photo id) or crop (detection id), for <img src>. */
  mediaUrl(ref: MediaRef): string;
  /** Desktop only: the real path of a file or folder dropped on the window; null in a browser. */
  pathForFile(file: object): string | null;
  readonly host: 'desktop' | 'serve';
}

/** What a host bridge provides; everything typed lives in the client above. */
export interface Transport {
  host: 'desktop' | 'serve';
  invoke(method: string, args: unknown): Promise<Reply>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** Prefix for media paths: "thumper-media://app" or "http://127.0.0.1:5123" (+ token query). */
  mediaUrl(path: string): string;
  pathForFile(file: object): string | null;
}

export function createApi(transport: Transport): ThumperApi {
  return {
    host: transport.host,
    async call(method, ...rest) {
      const reply = await transport.invoke(method, rest[0] ?? {});
      if (!reply.ok) throw ApiError.from(reply.error);
      return reply.result as never;
    },
    on(event, listener) {
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
    mediaUrl: (ref) => transport.mediaUrl(mediaPath(ref)),
    pathForFile: (file) => transport.pathForFile(file),
  };
}
