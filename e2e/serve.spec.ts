// Serve mode end to end in Debian's Chromium: `thumper serve` on a fresh library, the API used from the page exactly
// as the renderer's client does (a WebSocket to /api with the token from the URL), an import of the deer fixtures
// and processing of the deer fixtures with progress events, and final counts equal to `thumper stats`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { deerImagesDir, modelsDir } from '../testing/fixtures';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'bin', 'thumper.js');

let server: ChildProcess | null = null;
let appUrl = '';
let libraryDir = '';

function startServe(library: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--library', library, '--create', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, THUMPER_MODELS_DIR: modelsDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 30 s:\n${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m.exec(out);
      if (url) {
        clearTimeout(timer);
        resolve(url[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-e2e-serve-'));
  appUrl = await startServe(libraryDir);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  fs.rmSync(libraryDir, { recursive: true, force: true });
});

test('the page loads with a strict CSP, and nothing but it is served without the token', async ({ page, request }) => {
  const response = await page.goto(appUrl);
  expect(response!.status()).toBe(200);
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
  const origin = new URL(appUrl).origin;
  expect((await request.get(`${origin}/media/original/1`)).status()).toBe(401);
  const refused = await page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => resolve(false);
        ws.onerror = () => resolve(true);
      }),
    `${origin.replace('http', 'ws')}/api`,
  );
  expect(refused).toBe(true);
});

test('imports the deer fixtures through the API: progress arrives and the counts match thumper stats', async ({
  page,
}) => {
  await page.goto(appUrl);
  const token = new URL(appUrl).searchParams.get('token')!;
  const outcome = await page.evaluate(
    async ({ token, source }) => {
      const ws = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      let nextId = 1;
      const replies = new Map<number, (m: { ok: boolean; result?: unknown; error?: unknown }) => void>();
      const progress: { stages: { stage: string; done: number; total: number }[] }[] = [];
      let onFinished: (payload: unknown) => void = () => undefined;
      const finished = new Promise<unknown>((resolve) => (onFinished = resolve));
      ws.onmessage = (ev) => {
        const msg = JSON.parse(String(ev.data));
        if (msg.type === 'result') replies.get(msg.id)?.(msg);
        else if (msg.event === 'job.progress') progress.push(msg.payload);
        else if (msg.event === 'job.finished') onFinished(msg.payload);
      };
      const call = (method: string, args: unknown) =>
        new Promise<{ ok: boolean; result?: unknown; error?: unknown }>((resolve) => {
          const id = nextId++;
          replies.set(id, resolve);
          ws.send(JSON.stringify({ type: 'call', id, method, args }));
        });
      const started = await call('import.start', { sources: [source] });
      const end = await finished;
      const stats = await call('library.stats', {});
      const history = await call('import.history', {});
      ws.close();
      return { started, end, stats, history, progress };
    },
    { token, source: deerImagesDir() },
  );
  expect(outcome.started).toMatchObject({ ok: true, result: { jobId: 1 } });
  expect(outcome.end).toMatchObject({
    jobId: 1,
    status: 'done',
    error: null,
    summary: { imported: 78, processed: 78, failed: 0, duplicates: 0 },
  });
  expect(outcome.progress.length).toBeGreaterThan(0);
  const last = outcome.progress.at(-1)!.stages;
  expect(last.find((s) => s.stage === 'copy')).toMatchObject({ done: 78, total: 78 });
  expect(last.find((s) => s.stage === 'detect')).toMatchObject({ done: 78, total: 78 });
  const cli = JSON.parse(
    execFileSync(process.execPath, [CLI, 'stats', '--library', libraryDir, '--json'], { encoding: 'utf8' }),
  ) as unknown;
  expect(outcome.stats).toMatchObject({ ok: true });
  expect((outcome.stats as { result: unknown }).result).toEqual(cli);
  expect((cli as { images: { total: number } }).images.total).toBe(78);
  expect(outcome.history).toMatchObject({ ok: true, result: { total: 1, items: [{ status: 'done', photos: 78 }] } });
});
