// Clips in the app: a card with a clip made from the 2015-02-03 stag burst (and that burst's photos) is imported by
// the CLI; the grid shows the clip's tile, the viewer plays it with the boxes of its sampled frames, steps frame by
// frame with "," and "." and seeks from the timeline. Screenshots under test-results/clips/.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { burstFrames, makeBurstClip } from '../testing/clips';
import { E2E_ENV, ROOT, thumper } from './fixtureLibrary';
import { startServe } from './startServe';

const SHOTS = path.join(ROOT, 'test-results', 'clips');
const servers: ChildProcess[] = [];
let dir = '';
let baseUrl = '';
let clipId = 0;

const at = (hash: string) => `${baseUrl.replace(/#.*$/, '')}${hash}`;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

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
