// How fast the viewer shows a photo through serve mode on the processed fixture library. First paint: the browser's
// own paint time (Element Timing) of the first image of the photo drawn in the viewer, at whatever resolution (the
// grid thumbnail first, then the preview), counted from the route change. The boxes come in the same commit as the
// images (the pane draws both once it has the photo's size), so that frame shows the photo with its boxes; the spec
// checks they are there. Also printed: when the sharp preview painted. Two cases: photos whose preview was never
// made (checked on disk before each step: the host makes it on that request) and the same photos again, cached.
// The same run also measures the viewer as it was (nothing painted before the preview), for a figure side by side.
// Photos are opened every other one, so the viewer's warm-up of the previous/next preview never made one in advance.
// A measure, like the benchmarks: on a shared two-core machine timings are not a verdict, so the test fails only when
// a photo is not shown at all.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openLibrary } from '../core/library/library';
import { cachePath } from '../core/photos/cachePaths';
import { E2E_ENV, processedFixtureLibrary } from './fixtureLibrary';
import { startServe } from './startServe';

const P95_TARGET_MS = 150;

const servers: ChildProcess[] = [];
let libraryDir = '';

test.afterAll(() => {
  for (const s of servers) s.kill('SIGTERM');
  if (libraryDir) fs.rmSync(libraryDir, { recursive: true, force: true });
});

interface Paint {
  /** First image of the photo painted (thumbnail or preview), ms after the route change. */
  first: number;
  /** The preview painted. */
  preview: number;
  boxes: number;
}

declare global {
  interface Window {
    /** Element Timing identifier -> paint time, filled by the observer the spec installs. */
    paints?: Map<string, number>;
  }
}

/** Opens a photo by route and waits for its preview to paint; the paint times come from the browser. */
function open(page: Page, photoId: number): Promise<Paint> {
  return page.evaluate(async (id) => {
    const paints = window.paints!;
    // A photo opened before has its old paints: only this visit's new images count.
    for (const name of ['thumb', 'preview']) paints.delete(`${name}-${id}`);
    const start = performance.now();
    location.hash = `#/photo/${id}`;
    const painted = (name: string) => paints.get(`${name}-${id}`);
    while (painted('preview') === undefined) {
      if (performance.now() - start > 10_000) throw new Error(`photo ${id}: no preview painted in 10 s`);
      await new Promise((r) => requestAnimationFrame(r));
    }
    const first = Math.min(painted('thumb') ?? Infinity, painted('preview')!);
    return {
      first: first - start,
      preview: painted('preview')! - start,
      boxes: document.querySelectorAll('[data-testid="viewer-box"]').length,
    };
  }, photoId);
}

/** Presses → on the photo shown and waits for the next one to paint; null at the end of the visit. */
function stepNext(page: Page): Promise<(Paint & { id: number }) | null> {
  return page.evaluate(async () => {
    const paints = window.paints!;
    const before = location.hash;
    const start = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    if (location.hash === before) return null;
    const id = Number(/photo\/(\d+)/.exec(location.hash)![1]);
    for (const name of ['thumb', 'preview']) paints.delete(`${name}-${id}`);
    const painted = (name: string) => paints.get(`${name}-${id}`);
    while (painted('preview') === undefined) {
      if (performance.now() - start > 10_000) throw new Error(`photo ${id}: no preview painted in 10 s`);
      await new Promise((r) => requestAnimationFrame(r));
    }
    const first = Math.min(painted('thumb') ?? Infinity, painted('preview')!);
    return {
      id,
      first: first - start,
      preview: painted('preview')! - start,
      boxes: document.querySelectorAll('[data-testid="viewer-box"]').length,
    };
  });
}

const at = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};
const summary = (times: number[]) =>
  `p50 ${at(times, 0.5).toFixed(0)} ms, p95 ${at(times, 0.95).toFixed(0)} ms, max ${at(times, 1).toFixed(0)} ms`;

test(`viewer first paint (target p95 < ${P95_TARGET_MS} ms), previews never made and cached`, async ({ page }) => {
  // Processing the fixture card once per run takes most of the time (minutes on two busy cores).
  test.setTimeout(600_000);
  libraryDir = processedFixtureLibrary();
  const library = openLibrary(libraryDir);
  const cacheDir = library.cacheDir;
  const rows = library.db.$client
    .prepare(
      "SELECT i.id, (SELECT count(*) FROM detections d WHERE d.image_id = i.id) AS boxes FROM images i WHERE i.state = 'done' ORDER BY i.id",
    )
    .all() as { id: number; boxes: number }[];
  library.close();
  const photos = rows.filter((_, i) => i % 2 === 1);
  expect(photos.length).toBeGreaterThanOrEqual(30);

  const url = await startServe(libraryDir, E2E_ENV, servers);
  const cdp = await page.context().newCDPSession(page);
  /** A fresh page on a photo that is not counted (what is measured is going to the next photo), nothing cached. */
  const restart = async () => {
    await page.goto('about:blank');
    // Previews the last page warmed may still be being made: their folder goes once they are written.
    await page.waitForTimeout(2000);
    fs.rmSync(path.join(cacheDir, 'previews'), { recursive: true, force: true });
    await cdp.send('Network.clearBrowserCache');
    await page.goto(`${url}#/photo/${rows[0]!.id}`);
    await expect(page.getByTestId('viewer-image')).toBeVisible({ timeout: 15_000 });
    await page.evaluate(() => {
      window.paints = new Map();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
          if (e.renderTime > 0) window.paints!.set(e.identifier, e.renderTime);
      }).observe({ type: 'element', buffered: true });
    });
  };

  /** Paint times of the photos whose preview was (or was not) made before they were opened. */
  const measure = async (expectMade: boolean) => {
    const paints: Paint[] = [];
    for (const photo of photos) {
      const made = fs.existsSync(cachePath(cacheDir, 'previews', photo.id));
      const paint = await open(page, photo.id);
      // Only the photos in the case measured count (a preview made some other way is said, not hidden).
      if (made !== expectMade) continue;
      expect(paint.boxes, `boxes of photo ${photo.id}`).toBe(photo.boxes);
      paints.push(paint);
    }
    return paints;
  };
  const report = (what: string, paints: Paint[], of = '') =>
    console.log(
      `viewer, ${what} (${paints.length}${of}; target p95 < ${P95_TARGET_MS} ms)\n` +
        `  first paint (thumbnail or preview, with boxes): ${summary(paints.map((p) => p.first))}\n` +
        `  preview painted:                                ${summary(paints.map((p) => p.preview))}`,
    );
  const results = new Map<string, Paint[]>();
  const keep = (key: string, paints: Paint[]) => results.set(key, [...(results.get(key) ?? []), ...paints]);
  /** Never-made previews, then the same photos again with their previews in the host's cache and the browser's. */
  const round = async (label: string) => {
    await restart();
    const fresh = await measure(false);
    const cached = await measure(true);
    expect(fresh.length + cached.length).toBeGreaterThan(photos.length);
    keep(`${label}, preview never made`, fresh);
    keep(`${label}, preview cached`, cached);
  };

  // For comparison in the same run: the viewer as it was, painting nothing until the preview has decoded (its
  // thumbnail requests refused here). Rounds in the order A B B A, so a load that rises or falls during the run
  // weighs on both alike.
  const before = async () => {
    await page.route('**/media/thumbnail/**', (r) => r.abort());
    await round('preview only (as before)');
    await page.unroute('**/media/thumbnail/**');
  };
  await round('thumbnail first');
  await before();
  await before();
  await round('thumbnail first');
  for (const [what, paints] of results) report(what, paints, ` photo visits in two rounds of ${photos.length}`);

  // Stepping with → through visits, half a second on each photo (a glance): the next photo's details and preview
  // were fetched while this one was shown. Its preview was never made before this round.
  await restart();
  const stepped: Paint[] = [];
  for (let from = 2; from < rows.length && stepped.length < 30; from += 10) {
    await open(page, rows[from]!.id);
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(500);
      const paint = await stepNext(page);
      if (!paint) break;
      expect(paint.boxes, `boxes of photo ${paint.id}`).toBe(rows.find((r) => r.id === paint.id)!.boxes);
      stepped.push(paint);
    }
  }
  expect(stepped.length).toBeGreaterThanOrEqual(15);
  report('stepping with → after 0.5 s on each photo', stepped, ' steps');

  // What a photo looks like before its preview arrives (previews refused): blurry, with its boxes where they belong.
  await restart();
  await page.route('**/media/preview/**', (r) => r.abort());
  const boxed = photos.reduce((a, b) => (b.boxes > a.boxes ? b : a));
  await page.evaluate((id) => (location.hash = `#/photo/${id}`), boxed.id);
  await expect(page.getByTestId('viewer-box')).toHaveCount(boxed.boxes);
  await expect.poll(() => page.evaluate((id) => window.paints!.has(`thumb-${id}`), boxed.id)).toBe(true);
  expect(await page.evaluate((id) => window.paints!.has(`preview-${id}`), boxed.id)).toBe(false);
  await page.screenshot({ path: 'test-results/renderer/viewer-thumbnail-stage.png' });
  // Then sharp, the boxes in the same places.
  await page.unroute('**/media/preview/**');
  await page.reload();
  await expect(page.getByTestId('viewer-box')).toHaveCount(boxed.boxes);
  await expect
    .poll(() =>
      page.evaluate(() => document.querySelector<HTMLImageElement>('img[data-testid="viewer-image"]')?.naturalWidth),
    )
    .toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/renderer/viewer-paint.png' });
});
