// How fast the viewer shows a photo through serve mode on the processed fixture library, when no preview was ever
// made (the pipeline makes none: the host makes each on first request, core/services/media.ts). Measured in the page
// from the route change to the first animation frame after the preview image has decoded; prints the p50/p95 against
// the target (p95 < 150 ms). A measure, like the benchmarks: timings on a shared two-core machine are not a verdict,
// so the test fails only when photos cannot be shown at all.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openLibrary } from '../core/library/library';
import { E2E_ENV, processedFixtureLibrary } from './fixtureLibrary';
import { startServe } from './startServe';

const PHOTOS = 40;
const P95_TARGET_MS = 150;

const servers: ChildProcess[] = [];
let libraryDir = '';

test.afterAll(() => {
  for (const s of servers) s.kill('SIGTERM');
  if (libraryDir) fs.rmSync(libraryDir, { recursive: true, force: true });
});

test(`viewer first paint (target p95 < ${P95_TARGET_MS} ms) for photos whose preview was never made`, async ({
  page,
}) => {
  // Processing the fixture card once per run takes most of the time (minutes on two busy cores).
  test.setTimeout(600_000);
  libraryDir = processedFixtureLibrary();
  fs.rmSync(path.join(libraryDir, 'cache', 'previews'), { recursive: true, force: true });
  const library = openLibrary(libraryDir);
  const ids = (
    library.db.$client.prepare("SELECT id FROM images WHERE state = 'done' ORDER BY id").all() as { id: number }[]
  ).map((r) => r.id);
  library.close();
  expect(ids.length).toBeGreaterThan(PHOTOS);

  const url = await startServe(libraryDir, E2E_ENV, servers);
  // The app itself loads once (its first photo is not counted): what is measured is stepping to photos.
  await page.goto(`${url}#/photo/${ids[0]}`);
  await expect(page.getByTestId('viewer-image')).toBeVisible();

  /** Route-change-to-paint times of the photos, sorted. */
  const measure = async (photos: number[]) => {
    const times: number[] = [];
    for (const id of photos) {
      const ms = await page.evaluate(async (photoId) => {
        const start = performance.now();
        location.hash = `#/photo/${photoId}`;
        const wanted = new RegExp(`/media/preview/${photoId}(\\?|$)`);
        await new Promise<void>((resolve, reject) => {
          const check = () => {
            const img = document.querySelector<HTMLImageElement>('img[data-testid="viewer-image"]');
            if (img && wanted.test(img.src) && img.complete && img.naturalWidth > 0)
              requestAnimationFrame(() => resolve());
            else if (performance.now() - start > 10_000) reject(new Error(`photo ${photoId} not painted in 10 s`));
            else requestAnimationFrame(check);
          };
          check();
        });
        return performance.now() - start;
      }, id);
      times.push(ms);
    }
    return times.sort((a, b) => a - b);
  };
  const at = (times: number[], p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const report = (what: string, times: number[]) =>
    console.log(
      `viewer first paint, ${what} (${times.length} photos): p50 ${at(times, 0.5).toFixed(0)} ms, ` +
        `p95 ${at(times, 0.95).toFixed(0)} ms (target ${P95_TARGET_MS}), max ${times.at(-1)!.toFixed(0)} ms`,
    );
  const photos = ids.slice(1, PHOTOS + 1);
  const fresh = await measure(photos);
  report('preview never made', fresh);
  // The same photos again, their previews now cached: what the viewer costs without making one.
  report('preview cached', await measure(photos));
  expect(fs.readdirSync(path.join(libraryDir, 'cache', 'previews'), { recursive: true }).length).toBeGreaterThan(0);
});
