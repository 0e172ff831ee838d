// Who may talk to the serve mode: requests must carry the per-run token (API, WebSocket, media), and name this server
// in Host (and Origin, when a browser sends one), which defeats DNS rebinding: a hostile page on another name that
// resolves to 127.0.0.1 sends its own name in Host.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export interface HostPolicy {
  port: number;
  /** Bound to a loopback address: only loopback names are this server. */
  loopbackOnly: boolean;
  /** Names besides IP literals and localhost (the machine's own name when bound to the network). */
  names: string[];
}

/** Whether a Host header ("name:port") names this server. */
export function hostAllowed(hostHeader: string | undefined, policy: HostPolicy): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(hostHeader.trim());
  if (!match) return false;
  const name = match[1]!.toLowerCase();
  if (Number(match[2] ?? 80) !== policy.port) return false;
  if (isLoopback(name)) return true;
  if (policy.loopbackOnly) return false;
  return isIP(name.replace(/^\[|\]$/g, '')) !== 0 || policy.names.includes(name);
}

/** A browser's Origin, when present, must be this very server (same scheme-less host as the Host header). */
export function originAllowed(req: IncomingMessage, policy: HostPolicy): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.host === req.headers.host && hostAllowed(url.host, policy);
}

export function tokenFrom(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  return new URL(req.url ?? '/', 'http://x').searchParams.get('token');
}

export function tokenValid(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
