// Serve mode over real sockets: token, Host/Origin checks, media by id only, static files, and the API over a
// WebSocket with the renderer's own client (core/contract wsTransport), including an import run by a forked worker.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApi, wsTransport, type EventPayload, type ThumperApi } from '../core/contract';
import { JobControl } from '../core/jobs/control';
import { WORKER_ENTRY } from '../core/jobs/launcher';
import { ProgressTracker } from '../core/jobs/progress';
import { openLibrary, type Library } from '../core/library/library';
import { libraryStats } from '../core/queries/stats';
import { deerImagesDir, otherSpeciesDir } from '../testing/fixtures';
import { makeSyntheticCard } from '../testing/synth';
import { importPhotos } from '../worker/import/importPhotos';
import { RemoteBindError, startServer, type RunningServer } from './server';

let work: string;
let library: Library;
let server: RunningServer;
let api: ThumperApi & { close?: () => void };
let close: () => void;
const SECRET = 'do-not-serve-me';

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A raw request: the path is sent exactly as written (fetch would normalise `..` away). */
function get(rawPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: rawPath,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('latin1'), headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function upgrade(query: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!));
    ws.on('error', () => undefined);
  });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-serve-'));
  library = openLibrary(path.join(work, 'lib'), { create: true });
  await importPhotos(
    library,
    { sources: [deerImagesDir()] },
    new ProgressTracker(0, () => undefined),
    new JobControl(),
  );
  fs.writeFileSync(path.join(library.root, 'secret.txt'), SECRET);
  const renderer = path.join(work, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  server = await startServer({ library, port: 0, rendererDir: renderer });
  const transport = wsTransport({
    origin: server.url,
    token: server.token,
    connect: (url) => new WebSocket(url) as never,
  });
  close = transport.close;
  api = createApi(transport);
});

afterAll(async () => {
  close?.();
  await server?.close();
  library?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('serve mode', () => {
  it('listens on 127.0.0.1 on the port it picked and prints a URL with the token', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.appUrl).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer without the token, with a strict CSP; API, WebSocket and media need the token', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect((await get('/assets/app.js')).status).toBe(200);
    expect((await get('/deer/12')).body).toContain('id="root"');
    expect((await get('/media/original/1')).status).toBe(401);
    expect((await get('/media/original/1?token=wrong')).status).toBe(401);
    expect((await get('/api')).status).toBe(401);
    expect(await upgrade('')).toBe(401);
    expect(await upgrade('?token=wrong')).toBe(401);
    expect(await upgrade(`?token=${server.token}`)).toBe(101);
    expect((await get(`/media/original/1?token=${server.token}`)).status).toBe(200);
    expect((await get('/media/original/1', { authorization: `Bearer ${server.token}` })).headers['content-type']).toBe(
      'image/jpeg',
    );
  });

  it('serves media by id only: traversal, absolute paths, encoded separators and unknown ids are refused', async () => {
    const t = `?token=${server.token}`;
    for (const p of [
      '/media/original/../../secret.txt',
      '/media/original/1/../../../secret.txt',
      '/media/original/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/media/original/..%2F..%2Fsecret.txt',
      '/media/original/..%5c..%5csecret.txt',
      '/media/original//etc/passwd',
      `/media/original/${encodeURIComponent(path.join(library.root, 'secret.txt'))}`,
      '/media/original/%31',
      '/media/thumbnail/999999',
      '/media/crop/1',
      '/media/../secret.txt',
      '/media/file/1',
    ]) {
      const answer = await get(`${p}${t}`);
      expect(answer.status, p).toBe(404);
      expect(answer.body).not.toContain(SECRET);
    }
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/%2e%2e/lib/secret.txt',
      '/..%2f..%2flib%2fsecret.txt',
      '/..%5clib%5csecret.txt',
      '/assets/../../lib/secret.txt',
    ]) {
      const answer = await get(p);
      expect(answer.body, p).not.toContain(SECRET);
      expect([404, 200], p).toContain(answer.status);
    }
  });

  it('refuses requests for another Host or from another Origin (DNS rebinding)', async () => {
    const t = `?token=${server.token}`;
    expect((await get(`/media/original/1${t}`, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await get('/', { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await get('/', { host: '127.0.0.1:1' })).status).toBe(403);
    expect((await get(`/media/original/1${t}`, { origin: `http://evil.example:${server.port}` })).status).toBe(403);
    expect((await get(`/media/original/1${t}`, { host: `localhost:${server.port}` })).status).toBe(200);
    expect(await upgrade(t, { host: `evil.example:${server.port}` })).toBe(403);
    expect(await upgrade(t, { origin: 'http://evil.example' })).toBe(403);
    expect(await upgrade(t, { origin: `http://127.0.0.1:${server.port}` })).toBe(101);
  });

  it('binds to a non-loopback address only when asked to, and then still checks Host', async () => {
    await expect(startServer({ library, host: '0.0.0.0', port: 0 })).rejects.toThrow(RemoteBindError);
    const open = await startServer({ library, host: '0.0.0.0', port: 0, allowRemote: true });
    try {
      const status = (hostHeader: string) =>
        new Promise<number>((resolve) =>
          http.get({ host: '127.0.0.1', port: open.port, path: '/', headers: { host: hostHeader } }, (res) =>
            resolve(res.statusCode!),
          ),
        );
      expect(await status(`192.168.1.20:${open.port}`)).not.toBe(403);
      expect(await status(`attacker.example:${open.port}`)).toBe(403);
    } finally {
      await open.close();
    }
  });

  it('answers API calls over the WebSocket with the contract client, errors included', async () => {
    const stats = await api.call('library.stats');
    expect(stats.images.total).toBe(78);
    await expect(api.call('photos.get', { id: 999999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.call('photos.query', { limit: 0 })).rejects.toMatchObject({ code: 'invalid_args' });
    expect(api.mediaUrl({ kind: 'thumbnail', id: 3 })).toBe(`${server.url}/media/thumbnail/3?token=${server.token}`);
    const thumb = await get(new URL(api.mediaUrl({ kind: 'thumbnail', id: 3 })).pathname + `?token=${server.token}`);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
  });

  it('runs an import in a worker and pushes progress and the end to the client', async () => {
    if (!fs.existsSync(WORKER_ENTRY))
      throw new Error(`the worker is not built (${WORKER_ENTRY} missing): run npm run build first`);
    const card = makeSyntheticCard(path.join(work, 'card'), 12, otherSpeciesDir());
    const progress: EventPayload<'job.progress'>[] = [];
    const changed: EventPayload<'library.changed'>[] = [];
    api.on('job.progress', (p) => progress.push(p));
    api.on('library.changed', (c) => changed.push(c));
    const finished = new Promise<EventPayload<'job.finished'>>((resolve) => api.on('job.finished', resolve));
    const { jobId } = await api.call('import.start', { sources: [card.dir], process: false });
    await expect(api.call('import.start', { sources: [card.dir], process: false })).rejects.toMatchObject({
      code: 'conflict',
    });
    const end = await finished;
    expect(end).toMatchObject({ jobId, status: 'done', error: null });
    expect(end.summary.imported).toBe(12);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.stages.find((s) => s.stage === 'copy')).toMatchObject({ done: 12, total: 12 });
    expect(changed.some((c) => c.scopes.includes('photos'))).toBe(true);
    const stats = await api.call('library.stats');
    expect(stats.images).toEqual(libraryStats(library.db).images);
    expect(stats.images.total).toBe(90);
    expect(await api.call('import.current')).toBeNull();
  });
});
