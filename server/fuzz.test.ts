// Hostile and broken clients against a real server on loopback: oversized messages, invalid UTF-8, reserved opcodes,
// 1,000 random frames over 50 connections at a time, a flood of calls. Each closes only its own connection; a
// well-behaved client is answered throughout. Then `thumper serve` is killed mid-import: its worker must not survive.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApi, wsTransport, type ThumperApi } from '../core/contract';
import { openLibrary, type Library } from '../core/library/library';
import { PACKAGE_ROOT } from '../core/paths';
import { seededRandom } from '../core/util/seededRandom';
import { otherSpeciesDir } from '../testing/fixtures';
import { makeSyntheticCard } from '../testing/synth';
import { MAX_CALLS_IN_FLIGHT, MAX_MESSAGE, startServer, type RunningServer } from './server';

const CLI = path.join(PACKAGE_ROOT, 'bin', 'thumper.js');
let work: string;
let library: Library;
let server: RunningServer;
let api: ThumperApi;
let closeApi: () => void;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-fuzz-'));
  library = openLibrary(path.join(work, 'lib'), { create: true });
  server = await startServer({ library, port: 0, rendererDir: work });
  const transport = wsTransport({ origin: server.url, token: server.token, connect: (u) => new WebSocket(u) as never });
  closeApi = transport.close;
  api = createApi(transport);
});

afterAll(async () => {
  closeApi?.();
  await server?.close();
  library?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A masked client frame, as a browser would send it (or not). */
function frame(opcode: number, payload: Buffer, fin = true): Buffer {
  const len = payload.length;
  const header =
    len < 126 ? Buffer.from([0, len]) : Buffer.from([0, 126, len >> 8, len & 0xff]).subarray(0, len < 65536 ? 4 : 0);
  if (len >= 65536) throw new Error('test frames stay under 64 KiB');
  header[0] = (fin ? 0x80 : 0) | opcode;
  header[1]! |= 0x80;
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([header, mask, masked]);
}

/**
 * A raw connection after a real handshake, sending `bytes`; resolves once the server's close frame arrives, the
 * connection ends, or `waitMs` after sending passes (a frame that waits for more bytes is left hanging, as a slow client would).
 */
function rawSession(
  bytes: Buffer,
  waitMs = 2000,
): Promise<{ upgraded: boolean; closeCode: number | null; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let all = Buffer.alloc(0);
    let sent = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`no handshake answer: ${all.toString('latin1')}`));
      const upgraded = all.subarray(0, split).toString('latin1').startsWith('HTTP/1.1 101');
      const close = closeFrame(all.subarray(split + 4));
      resolve({ upgraded, closeCode: close?.code ?? null, reason: close?.reason ?? '' });
    };
    // The handshake may take a while on a busy machine; `waitMs` counts from the moment the bytes are sent.
    let timer = setTimeout(finish, 10_000);
    socket.on('connect', () =>
      socket.write(
        `GET /api?token=${server.token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    socket.on('data', (c: Buffer) => {
      all = Buffer.concat([all, c]);
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) return;
      if (!sent) {
        sent = true;
        socket.write(bytes);
        clearTimeout(timer);
        timer = setTimeout(finish, waitMs);
      }
      if (closeFrame(all.subarray(split + 4))) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
  });
}

/** The server's close frame (unmasked, short) at the start of what it sent after the handshake. */
function closeFrame(sent: Buffer): { code: number; reason: string } | null {
  if (sent.length < 4 || sent[0] !== 0x88) return null;
  const len = sent[1]! & 0x7f;
  if (sent.length < 2 + len) return null;
  return { code: sent.readUInt16BE(2), reason: sent.subarray(4, 2 + len).toString('utf8') };
}

/** A library.stats call answered in full: the server is alive and serving. */
async function wellBehaved(): Promise<void> {
  const stats = await api.call('library.stats');
  expect(stats.images.total).toBe(0);
}

function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe('serve under hostile clients', () => {
  it('closes an oversized message with 1009 and a reason, only that connection', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    ws.on('error', () => undefined);
    await new Promise((r) => ws.once('open', r));
    ws.send('x'.repeat(MAX_MESSAGE + 1));
    const closed = await closeOf(ws);
    expect(closed.code).toBe(1009);
    expect(closed.reason).toContain(`the limit is ${MAX_MESSAGE} bytes`);
    const huge = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    huge.on('error', () => undefined);
    await new Promise((r) => huge.once('open', r));
    huge.send(Buffer.alloc(9 << 20, 0x20));
    expect((await closeOf(huge)).code).toBe(1009);
    await wellBehaved();
  });

  it('closes on invalid UTF-8, a reserved opcode or a non-JSON message', async () => {
    const utf8 = await rawSession(frame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])));
    expect(utf8).toMatchObject({ upgraded: true, closeCode: 1007 });
    for (const opcode of [0x3, 0x7, 0xb, 0xf]) {
      expect(await rawSession(frame(opcode, Buffer.from('hi')))).toMatchObject({ upgraded: true, closeCode: 1002 });
    }
    expect(await rawSession(frame(0x1, Buffer.from('not json')))).toMatchObject({ closeCode: 1003 });
    expect(await rawSession(frame(0x2, Buffer.from('{"type":"call"}')))).toMatchObject({ closeCode: 1003 });
    await wellBehaved();
  });

  it('survives 1,000 random frames on 50 connections at a time, answering a good client after each wave', async () => {
    const random = seededRandom(12);
    for (let wave = 0; wave < 20; wave++) {
      const sessions = Array.from({ length: 50 }, () => {
        const kind = Math.floor(random() * 3);
        const payload = randomBytes(Math.floor(random() * 300));
        // Pure noise, a frame with a random opcode and payload, or a valid header with a lying length.
        const bytes =
          kind === 0
            ? randomBytes(1 + Math.floor(random() * 200))
            : kind === 1
              ? frame(Math.floor(random() * 16), payload, random() < 0.8)
              : Buffer.concat([Buffer.from([0x81, 0xfe, 0xff, 0xff]), randomBytes(4), payload]);
        return rawSession(bytes, 300);
      });
      const results = await Promise.all(sessions);
      expect(results.every((r) => r.upgraded)).toBe(true);
      await wellBehaved();
    }
  });

  it('answers a flood of calls on one connection with "busy" for the excess, not unbounded work', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    await new Promise((r) => ws.once('open', r));
    const replies: { ok: boolean; error?: { code: string } }[] = [];
    const all = new Promise<void>((resolve) =>
      ws.on('message', (m) => {
        const reply = JSON.parse(String(m)) as { type: string; ok: boolean; error?: { code: string } };
        if (reply.type === 'result') replies.push(reply);
        if (replies.length === 200) resolve();
      }),
    );
    for (let id = 1; id <= 200; id++) ws.send(JSON.stringify({ type: 'call', id, method: 'library.stats', args: {} }));
    await all;
    const busy = replies.filter((r) => !r.ok && r.error?.code === 'conflict').length;
    expect(busy).toBeGreaterThan(0);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(MAX_CALLS_IN_FLIGHT);
    ws.close();
    await wellBehaved();
  });

  it('killing thumper serve mid-import leaves no worker running', async () => {
    const lib = path.join(work, 'served');
    const card = makeSyntheticCard(path.join(work, 'card'), 60, otherSpeciesDir());
    const child = spawn(process.execPath, [CLI, 'serve', '--library', lib, '--create', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const appUrl = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
    const url = new URL(appUrl);
    const transport = wsTransport({
      origin: url.origin,
      token: url.searchParams.get('token')!,
      connect: (u) => new WebSocket(u) as never,
    });
    const served = createApi(transport);
    const progressed = new Promise((r) => served.on('job.progress', r));
    await served.call('import.start', { sources: [card.dir], process: false });
    await progressed;
    const workers = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    expect(workers.length).toBe(1);
    child.kill('SIGKILL');
    transport.close();
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && workers.some(alive)) await new Promise((r) => setTimeout(r, 50));
    expect(workers.filter(alive)).toEqual([]);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
