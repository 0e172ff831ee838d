// Clips in the app: a card with a clip made from the 2015-02-03 stag burst (and that burst's photos) is imported by
// the CLI; the grid shows the clip's tile, the viewer plays it with the boxes of its sampled frames, steps frame by
// frame with "," and "." and seeks from the timeline; a clip crop in the deer's profile opens the clip at its moment.
// Screenshots under test-results/clips/.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { DB_FILE } from '../core/library/library';
import { burstFrames, makeBurstClip } from '../testing/clips';
import { E2E_ENV, ROOT, thumper } from './fixtureLibrary';
import { startServe } from './startServe';
import { screenshotsIn } from './screenshots';

const SHOTS = path.join(ROOT, 'test-results', 'clips');
const servers: ChildProcess[] = [];
let dir = '';
let baseUrl = '';
let clipId = 0;
/** A deer box of a sampled frame past the clip's start, with its individual. */
let clipCrop: { detectionId: number; frameMs: number; individualId: number };
/** Counted boxes of the clip's frames: all of them, and the most in one frame. */
let totalBoxes = 0;
let maxAtOnce = 0;

const at = (hash: string) => `${baseUrl.replace(/#.*$/, '')}${hash}`;
const shot = screenshotsIn(SHOTS);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-e2e-clips-'));
  const card = path.join(dir, 'card');
  fs.mkdirSync(card);
  for (const photo of burstFrames('H6R1-01-V03', 271).photos)
    fs.copyFileSync(photo, path.join(card, path.basename(photo)));
  makeBurstClip(card, 'STAG0271.AVI', 'H6R1-01-V03', 271);
  const library = path.join(dir, 'library');
  thumper('import', card, '--library', library, '--create');
  const images = JSON.parse(thumper('images', '--library', library, '--json')) as { id: number; fileName: string }[];
  clipId = images.find((i) => i.fileName === 'STAG0271.AVI')!.id;
  const db = new Database(path.join(library, DB_FILE), { readonly: true });
  clipCrop = db
    .prepare(
      `SELECT d.id AS detectionId, f.frame_ms AS frameMs, t.individual_id AS individualId
       FROM detections d JOIN images f ON f.id = d.image_id JOIN tracklets t ON t.id = d.tracklet_id
       WHERE f.clip_id = ? AND f.frame_ms > 0 AND d.category = 'animal' AND t.individual_id IS NOT NULL
       ORDER BY f.frame_ms DESC LIMIT 1`,
    )
    .get(clipId) as typeof clipCrop;
  const perFrame = (
    db
      .prepare(
        `SELECT count(*) AS n FROM detections d JOIN images f ON f.id = d.image_id
         WHERE f.clip_id = ? AND NOT d.duplicate AND NOT d.false_positive GROUP BY f.id`,
      )
      .all(clipId) as { n: number }[]
  ).map((r) => r.n);
  totalBoxes = perFrame.reduce((a, b) => a + b, 0);
  maxAtOnce = Math.max(...perFrame);
  db.close();
  baseUrl = await startServe(library, E2E_ENV, servers);
});

test.afterAll(() => {
  for (const s of servers) s.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the grid shows the clip with its length', async ({ page }) => {
  await page.goto(at('#/photos'));
  const tile = page.locator(`[data-photo-id="${clipId}"]`);
  await expect(tile).toContainText('0:10');
  // The deer is counted as the most boxes of one frame, not once a second.
  expect(maxAtOnce).toBeLessThan(totalBoxes);
  await expect(tile.locator('.badge', { hasText: 'animal' })).toHaveText(
    `${maxAtOnce} ${maxAtOnce === 1 ? 'animal' : 'animals'}`,
  );
  await shot(page, 'grid');
});

test('the viewer plays the clip with its boxes and steps its frames', async ({ page }) => {
  await page.goto(at(`#/photo/${clipId}`));
  const video = page.getByTestId('clip-video');
  await expect(video).toBeVisible();
  // The MJPEG AVI is converted for the browser; it must load and know its length.
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 60_000 })
    .toBeGreaterThan(0);
  expect(await video.evaluate((v: HTMLVideoElement) => Math.round(v.duration))).toBe(10);
  await expect(page.getByTestId('clip-box').first()).toBeVisible();
  await expect(page.getByRole('group', { name: 'Sampled frames' }).getByRole('button')).toHaveCount(10);
  const side = page.getByRole('complementary', { name: 'Clip details' });
  await expect(side.getByRole('heading', { name: 'Clip', exact: true })).toBeVisible();
  await expect(side.getByTestId('detections-count')).toContainText(/in 10 frames · up to \d+ at once/);
  await shot(page, 'viewer-frame-0');

  await page.keyboard.press('.');
  await page.keyboard.press('.');
  await expect(page.getByText(/Frame at 2\.0 s of 10\.0 s/)).toBeVisible();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(2, 1);
  await page.keyboard.press(',');
  await expect(page.getByText(/Frame at 1\.0 s/)).toBeVisible();
  await page.getByRole('button', { name: /Frame at 7\.0 seconds/ }).click();
  await expect(page.getByText(/Frame at 7\.0 s/)).toBeVisible();
  await expect(page.getByTestId('clip-box').first()).toBeVisible();
  await shot(page, 'viewer-frame-7');
});

test("a clip crop in the deer's profile opens the clip at that moment", async ({ page }) => {
  expect(clipCrop, 'a deer of the clip in an individual').toBeDefined();
  await page.goto(at(`#/deer/${clipCrop.individualId}`));
  const crop = page.locator(`[data-detection-id="${clipCrop.detectionId}"]`);
  await expect(crop).toBeVisible({ timeout: 30_000 });
  await shot(page, 'profile-clip-crop');
  await crop.dblclick();
  await expect(page).toHaveURL(new RegExp(`#/photo/${clipId}\\?t=${clipCrop.frameMs}$`));
  const seconds = (clipCrop.frameMs / 1000).toFixed(1).replace('.', '\\.');
  await expect(page.getByText(new RegExp(`Frame at ${seconds} s of 10\\.0 s`))).toBeVisible();
  const video = page.getByTestId('clip-video');
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 })
    .toBeCloseTo(clipCrop.frameMs / 1000, 1);
  // The picture of that moment is decoded before the screenshot.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && !v.seeking)).toBe(true);
  await expect(page.getByTestId('clip-box').first()).toBeVisible();
  await shot(page, 'viewer-from-crop');
});
