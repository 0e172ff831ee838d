// Serve mode: the built renderer over HTTP, the API over one WebSocket (/api), media by id (/media/<kind>/<id>), on
// 127.0.0.1 by default with a per-run token. The same services as the desktop app, and a forked worker for jobs.
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ApiError, callMessageSchema, MEDIA_ROUTE, parseMediaPath, type ServerMessage } from '../core/contract';
import { forkLauncher, type Launcher } from '../core/jobs/launcher';
import { Supervisor } from '../core/jobs/supervisor';
import type { Library } from '../core/library/library';
import { RENDERER_DIST_DIR } from '../core/paths';
import { createServices } from '../core/services';
import { contentSecurityPolicy } from '../core/services/csp';
import { dispatch } from '../core/services/dispatch';
import { byteRange, rangeHeaders } from '../core/services/byteRange';
import { resolveMedia } from '../core/services/media';
import { hostAllowed, isLoopback, newToken, originAllowed, tokenFrom, tokenValid, type HostPolicy } from './security';
import { resolveStatic } from '../core/services/staticFiles';

export interface ServeOptions {
  library: Library;
  host?: string;
  port?: number;
  /** Required to bind anything but a loopback address. */
  allowRemote?: boolean;
  rendererDir?: string;
  launcher?: Launcher;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  /** The URL to open: carries the token. */
  appUrl: string;
  token: string;
  port: number;
  host: string;
  supervisor: Supervisor;
  close(): Promise<void>;
}

export class RemoteBindError extends Error {}

/** The largest API message answered; larger ones close the connection with 1009 and a reason. */
export const MAX_MESSAGE = 1 << 20;
/** Above this ws itself drops the connection (1009) without buffering the message whole. */
const HARD_MAX_MESSAGE = 8 << 20;
/** Calls one connection may have running at once; more are answered busy. */
export const MAX_CALLS_IN_FLIGHT = 32;
export const MAX_CONNECTIONS = 200;

function messageBytes(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function busyError() {
  return new ApiError('conflict', `too many calls at once on this connection (limit ${MAX_CALLS_IN_FLIGHT})`).toJSON();
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // The token travels in URLs: never let it leak through a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${message.length}\r\n\r\n${message}`,
  );
}

/** Files up to this size (thumbnails, previews, the renderer's own files) are sent from one synchronous read. */
const SMALL_FILE = 512 << 10;

function sendFile(
  res: ServerResponse,
  file: string,
  contentType: string,
  headers: Record<string, string>,
  rangeHeader?: string,
): void {
  // A <video> seeks by asking for byte ranges.
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  const range = byteRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...COMMON_HEADERS, 'Content-Range': `bytes */${size}` });
    res.end();
    return;
  }
  const part = range.kind === 'part' ? range : null;
  if (!part && size <= SMALL_FILE) {
    // Read at once on this thread: a stream's open and reads wait in libuv's thread pool behind the previews sharp
    // is making there, and a grid thumbnail or a cached preview must not wait for those.
    let body: Buffer;
    try {
      body = fs.readFileSync(file);
    } catch {
      return refuse(res, 404, 'not found');
    }
    res.writeHead(200, {
      ...COMMON_HEADERS,
      ...headers,
      'Content-Type': contentType,
      'Accept-Ranges': 'bytes',
      'Content-Length': String(body.length),
    });
    res.end(body);
    return;
  }
  const stream = fs.createReadStream(file, part ? { start: part.start, end: part.end } : {});
  stream.on('error', () => (res.headersSent ? res.destroy() : refuse(res, 404, 'not found')));
  stream.once('open', () => {
    res.writeHead(part ? 206 : 200, {
      ...COMMON_HEADERS,
      ...headers,
      'Content-Type': contentType,
      'Accept-Ranges': 'bytes',
      ...(part ? rangeHeaders(part, size) : { 'Content-Length': String(size) }),
    });
    stream.pipe(res);
  });
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.allowRemote) {
    throw new RemoteBindError(
      `binding to ${host} would expose the library to the network: pass --allow-remote to do it on purpose`,
    );
  }
  const token = options.token ?? newToken();
  const rendererDir = options.rendererDir ?? RENDERER_DIST_DIR;
  const supervisor = new Supervisor({ launcher: options.launcher ?? forkLauncher(), library: options.library });
  const services = createServices({ library: options.library, supervisor, host: { kind: 'serve', dropPaths: false } });
  const policy: HostPolicy = {
    port: 0,
    loopbackOnly: isLoopback(host),
    names: [os.hostname().toLowerCase(), `${os.hostname().toLowerCase()}.local`],
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, policy) || !originAllowed(req, policy))
      return refuse(res, 403, 'this server does not answer to that host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (rawPath.startsWith(MEDIA_ROUTE)) {
      if (!tokenValid(tokenFrom(req), token)) return refuse(res, 401, 'token required');
      const ref = parseMediaPath(rawPath);
      const media = ref && (await resolveMedia(options.library, ref));
      if (!media) return refuse(res, 404, 'not found');
      return sendFile(
        res,
        media.file,
        media.contentType,
        { 'Cache-Control': 'private, max-age=3600' },
        req.headers.range,
      );
    }
    if (rawPath === '/api' || rawPath.startsWith('/api/')) {
      return refuse(
        res,
        tokenValid(tokenFrom(req), token) ? 426 : 401,
        tokenValid(tokenFrom(req), token) ? 'use a WebSocket' : 'token required',
      );
    }
    const file = resolveStatic(rendererDir, rawPath);
    if (!file)
      return refuse(
        res,
        404,
        fs.existsSync(rendererDir) ? 'not found' : `the renderer is not built (${rendererDir}): run npm run build`,
      );
    const ws = `ws://${req.headers.host}`;
    sendFile(res, file.file, file.contentType, {
      'Content-Security-Policy': contentSecurityPolicy({ connect: [ws] }),
      'Cache-Control': file.file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      process.stderr.write(`thumper serve: ${(err as Error).stack ?? String(err)}\n`);
      if (!res.headersSent) refuse(res, 500, 'internal error');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MAX_MESSAGE });
  // The server's own errors (never a client's) are logged; without a listener they would end the process.
  wss.on('error', (err) => process.stderr.write(`thumper serve: WebSocket server: ${err.message}\n`));
  const clients = new Set<WebSocket>();
  const send = (ws: WebSocket, message: ServerMessage) => {
    // A socket closing under us makes send fail: that client is gone, the others go on.
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message), () => undefined);
  };
  const unsubscribe = services.events.subscribe((event, payload) => {
    for (const ws of clients) send(ws, { type: 'event', event, payload });
  });

  server.on('upgrade', (req, socket, head) => {
    if (!hostAllowed(req.headers.host, policy) || !originAllowed(req, policy))
      return refuseUpgrade(socket, 403, 'Forbidden');
    if ((req.url ?? '').split('?')[0] !== '/api') return refuseUpgrade(socket, 404, 'Not Found');
    if (!tokenValid(tokenFrom(req), token)) return refuseUpgrade(socket, 401, 'Unauthorized');
    if (clients.size >= MAX_CONNECTIONS) return refuseUpgrade(socket, 503, 'Too many connections');
    // A socket error before the upgrade completes (client reset) must not reach the process.
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      let inFlight = 0;
      ws.on('close', () => clients.delete(ws));
      // A bad frame (reserved opcode, invalid UTF-8, over HARD_MAX_MESSAGE): ws has already closed this connection
      // with the right code; the listener keeps the error from ending the server.
      ws.on('error', () => ws.terminate());
      ws.on('message', (data, isBinary) => {
        const bytes = messageBytes(data);
        if (bytes > MAX_MESSAGE) {
          ws.close(1009, `message too big: ${bytes} bytes, the limit is ${MAX_MESSAGE} bytes`);
          return;
        }
        let call;
        try {
          if (isBinary) throw new Error('binary');
          call = callMessageSchema.parse(JSON.parse(String(data)));
        } catch {
          ws.close(1003, 'malformed message: expected a JSON call');
          return;
        }
        const { id } = call;
        // A client that floods calls is answered "busy" for the excess instead of queueing unbounded work.
        if (inFlight >= MAX_CALLS_IN_FLIGHT) {
          send(ws, { type: 'result', id, ok: false, error: busyError() });
          return;
        }
        inFlight++;
        void dispatch(services.handlers, call.method, call.args).then((reply) => {
          inFlight--;
          send(ws, { type: 'result', id, ...reply });
        });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  policy.port = port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  return {
    url,
    appUrl: `${url}/?token=${token}`,
    token,
    port,
    host,
    supervisor,
    close: async () => {
      unsubscribe();
      services.dispose();
      supervisor.dispose();
      for (const ws of clients) ws.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
