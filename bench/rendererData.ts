// The renderer's data layer in a real browser: serves a synthetic library to Chromium once per renderer build and
// counts the API calls and times of a short walk: open Photos, jump to the middle of the grid and back to the top,
// open the Deer gallery, go back to Photos, then a change the grid does not show (a camera renamed) and one it does
// (a deer renamed, until the new name is on screen), and an edit made in the app (a rename in the deer's profile).
// Give several builds to compare them side by side, in alternating runs:
//   node dist-dev/bench/rendererData.js [--photos 20000] [--runs 3] [rendererDir...]   (default: dist/renderer)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page, WebSocket as PwWebSocket } from '@playwright/test';
import { RENDERER_DIST_DIR } from '../core/paths';
import { WebSocket } from 'ws';
import { startServer, type RunningServer } from '../server/server';
import { synthesizeLibrary } from './synthLibrary';

const STEPS = [
  'open Photos',
  'jump to the middle',
  'back to the top',
  'Deer gallery',
  'back to Photos',
  'camera renamed',
  'deer renamed',
  'renamed in its profile',
];
/** How long calls are counted after a change event: longer than any refetch throttle. */
const SETTLE_MS = 2500;

interface StepResult {
  ms: number;
  calls: string[];
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function rendererDirs(): string[] {
  const dirs: string[] = [];
  for (let i = 2; i < process.argv.length; i++) {
    if (process.argv[i]!.startsWith('--')) i++;
    else dirs.push(path.resolve(process.argv[i]!));
  }
  return dirs.length ? dirs : [RENDERER_DIST_DIR];
}

/** Bytes of the build's JavaScript, raw and gzipped. */
function bundleSize(dir: string): { raw: number; gzip: number } {
  const assets = path.join(dir, 'assets');
  let raw = 0;
  let gzip = 0;
  for (const f of fs.readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const bytes = fs.readFileSync(path.join(assets, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes).length;
  }
  return { raw, gzip };
}

/** An edit from elsewhere (another window, the CLI) over a socket of its own: its change event reaches the app. */
function edit(server: RunningServer, method: string, args: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api?token=${server.token}`);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, method, args })));
    ws.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { type: string; ok?: boolean };
      if (reply.type !== 'result') return;
      ws.close();
      if (reply.ok) resolve();
      else reject(new Error(data.toString()));
    });
    ws.on('error', reject);
  });
}

/** What the in-page timer touches (the bench compiles without the DOM's types). */
interface El {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
}
interface PageGlobals {
  document: { querySelector(selector: string): El | null; querySelectorAll(selector: string): Iterable<El> };
  location: { hash: string };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): void;
}

type Change = { hash: string } | { scrollTo: number };
type Shown = 'photos' | 'deer';

/**
 * Milliseconds, by the page's clock, from a hash change or a scroll of the grid to the first frame that shows what
 * was asked for: photo cells (near the scroll's target row after a scroll) with none waiting for its page, or deer
 * cards.
 */
function timeInPage(page: Page, change: Change, shown: Shown): Promise<number> {
  return page.evaluate(
    ([change, shown]) => {
      const w = globalThis as unknown as PageGlobals;
      const grid = () => w.document.querySelector('[data-testid=virtual-grid]');
      const photosShown = (near: number | null) => {
        const g = grid();
        if (!g || g.querySelector('.placeholder')) return false;
        for (const row of w.document.querySelectorAll('[aria-rowindex]')) {
          const at = Number(row.getAttribute('aria-rowindex'));
          if ((near === null || Math.abs(at - near) < 20) && row.querySelector('[data-photo-id]')) return true;
        }
        return false;
      };
      const t0 = w.performance.now();
      let near: number | null = null;
      if ('hash' in change) w.location.hash = change.hash;
      else {
        const g = grid()!;
        near = Number(g.getAttribute('aria-rowcount')) * change.scrollTo;
        g.scrollTop = (g.scrollHeight - g.clientHeight) * change.scrollTo;
      }
      const done = () => (shown === 'deer' ? w.document.querySelector('.deer-card') !== null : photosShown(near));
      return new Promise<number>((resolve) => {
        const tick = () => (done() ? resolve(w.performance.now() - t0) : w.requestAnimationFrame(tick));
        tick();
      });
    },
    [change, shown] as const,
  );
}

/** One walk in a fresh browser page; the app's calls are read off its WebSocket. */
async function walk(page: Page, server: RunningServer, run: number): Promise<StepResult[]> {
  const calls: string[] = [];
  let appSocket: PwWebSocket | null = null;
  page.on('websocket', (ws) => {
    if (appSocket) return; // the bench's own socket, opened later
    appSocket = ws;
    ws.on('framesent', (f) => {
      const msg = JSON.parse(String(f.payload)) as { type?: string; method?: string };
      if (msg.type === 'call' && msg.method) calls.push(msg.method);
    });
  });
  const results: StepResult[] = [];
  /** An action that returns its own time (measured in the page), or is timed from here. */
  const step = async (action: () => Promise<number | void>, settle = 0) => {
    const from = calls.length;
    const t0 = performance.now();
    const own = await action();
    const ms = typeof own === 'number' ? own : performance.now() - t0;
    if (settle) await page.waitForTimeout(settle);
    results.push({ ms, calls: calls.slice(from) });
  };
  const go = (hash: string) => page.goto(`${server.appUrl}${hash}`);

  await step(async () => {
    await go('#/photos');
    await page.locator('[data-photo-id]').first().waitFor();
  });
  await step(() => timeInPage(page, { scrollTo: 0.5 }, 'photos'));
  await step(() => timeInPage(page, { scrollTo: 0 }, 'photos'));
  await step(() => timeInPage(page, { hash: '#/deer' }, 'deer'));
  await step(() => timeInPage(page, { hash: '#/photos' }, 'photos'));
  await step(() => edit(server, 'cameras.update', { id: 1, name: `Bench camera ${run}` }), SETTLE_MS);
  await go('#/deer');
  await page.locator('.deer-card').first().waitFor();
  await page.waitForTimeout(SETTLE_MS); // let the gallery's own loads finish
  const deerId = Number(await page.locator('.deer-card').first().getAttribute('data-individual-id'));
  const name = `Bench deer ${run}`;
  await step(async () => {
    await edit(server, 'edits.rename', { individualId: deerId, name });
    await page.locator(`.deer-card[aria-label="${name}"]`).waitFor();
  }, SETTLE_MS);
  // An edit made in the app: the view reloads after it and its change event arrives too.
  await go(`#/deer/${deerId}`);
  await page.getByRole('button', { name: 'Edit name' }).waitFor();
  await page.waitForTimeout(SETTLE_MS);
  await step(async () => {
    await page.getByRole('button', { name: 'Edit name' }).click();
    await page.getByRole('textbox', { name: 'name' }).fill(`${name} again`);
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: 'Edit name' })
      .filter({ hasText: `${name} again` })
      .waitFor();
  }, SETTLE_MS);
  return results;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function countsOf(calls: string[]): string {
  const by = new Map<string, number>();
  for (const c of calls) by.set(c, (by.get(c) ?? 0) + 1);
  return [...by].map(([m, n]) => `${m}×${n}`).join(' ');
}

async function main(): Promise<void> {
  const photos = arg('photos', 20_000);
  const runs = arg('runs', 3);
  const dirs = rendererDirs();
  const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-bench-renderer-'));
  const { library, summary } = synthesizeLibrary(libraryDir, { photos });
  console.log(`synthetic library: ${summary.photos} photos, ${summary.individuals} individuals`);
  const servers = await Promise.all(dirs.map((rendererDir) => startServer({ library, rendererDir, port: 0 })));
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const all: StepResult[][][] = dirs.map(() => []);
  try {
    for (let run = 0; run < runs; run++) {
      for (const [i, server] of servers.entries()) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        all[i]!.push(await walk(page, server, run * dirs.length + i));
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    library.close();
    fs.rmSync(libraryDir, { recursive: true, force: true });
  }
  for (const [i, dir] of dirs.entries()) {
    const size = bundleSize(dir);
    console.log(
      `\n${dir}: JavaScript ${(size.raw / 1024).toFixed(1)} kB (${(size.gzip / 1024).toFixed(1)} kB gzipped); ` +
        `median of ${runs} runs`,
    );
    for (const [s, name] of STEPS.entries()) {
      const ms = median(all[i]!.map((r) => r[s]!.ms));
      const calls = all[i]!.map((r) => r[s]!.calls);
      const counts = calls.map((c) => c.length);
      console.log(
        `  ${name.padEnd(20)} ${ms.toFixed(0).padStart(6)} ms  ${String(median(counts)).padStart(3)} calls  ` +
          `(first run: ${countsOf(calls[0]!)})`,
      );
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
