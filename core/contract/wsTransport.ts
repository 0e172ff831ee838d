// The WebSocket transport (serve mode): one socket, calls matched to replies by id, events fanned out to listeners.
// It takes the WebSocket constructor as a parameter so the browser passes its own and Node tests pass `ws`.
// A dropped socket is reopened with backoff; calls in flight when it dropped fail (the caller may retry), listeners stay.
import { ApiError } from './errors';
import type { Transport } from './client';
import type { Reply, ServerMessage } from './wire';

// The handler parameters are `any` so both the DOM WebSocket and `ws` fit this shape; only `data` is read.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: any) => void) | null;
  onclose: ((ev: any) => void) | null;
  onerror: ((ev: any) => void) | null;
  onmessage: ((ev: any) => void) | null;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
export type SocketFactory = (url: string) => SocketLike;

export interface WsTransportOptions {
  /** http(s)://host:port of the server. */
  origin: string;
  token: string;
  connect: SocketFactory;
  /** Reconnect delays grow to this (ms). */
  maxBackoffMs?: number;
}

const OPEN = 1;

export function wsTransport(options: WsTransportOptions): Transport & { close(): void } {
  const wsUrl = `${options.origin.replace(/^http/, 'ws')}/api?token=${encodeURIComponent(options.token)}`;
  const pending = new Map<number, (reply: Reply) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let queue: string[] = [];
  let nextId = 1;
  let socket: SocketLike | null = null;
  let closed = false;
  let backoff = 250;

  const failPending = (message: string) => {
    for (const settle of pending.values()) settle({ ok: false, error: new ApiError('internal', message).toJSON() });
    pending.clear();
  };

  const open = () => {
    const s = options.connect(wsUrl);
    socket = s;
    s.onopen = () => {
      backoff = 250;
      for (const frame of queue.splice(0)) s.send(frame);
    };
    s.onmessage = (ev: { data: unknown }) => {
      const msg = JSON.parse(String(ev.data)) as ServerMessage;
      if (msg.type === 'result') {
        const settle = pending.get(msg.id);
        pending.delete(msg.id);
        settle?.(msg.ok ? { ok: true, result: msg.result } : { ok: false, error: msg.error });
      } else {
        for (const listener of listeners.get(msg.event) ?? []) listener(msg.payload);
      }
    };
    s.onerror = () => undefined;
    s.onclose = () => {
      failPending('the connection to Thumper was lost');
      if (closed) return;
      setTimeout(open, backoff);
      backoff = Math.min(backoff * 2, options.maxBackoffMs ?? 5000);
    };
  };
  open();

  return {
    host: 'serve',
    invoke(method, args) {
      const id = nextId++;
      const frame = JSON.stringify({ type: 'call', id, method, args });
      return new Promise<Reply>((resolve) => {
        pending.set(id, resolve);
        if (socket?.readyState === OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    mediaUrl: (path) => `${options.origin}${path}?token=${encodeURIComponent(options.token)}`,
    pathForFile: () => null,
    close() {
      closed = true;
      queue = [];
      socket?.close();
    },
  };
}
