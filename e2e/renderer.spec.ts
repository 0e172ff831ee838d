// The renderer end to end: `thumper serve` on a fresh library in a temp dir, Debian's Chromium, real fixtures.
// The first test imports the deer fixtures through the Import view and watches the dashboard; the others browse the
// result. Every view is saved as a screenshot under test-results/renderer/ for a person to look at.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { deerImagesDir, modelsDir } from '../core/testing/fixtures';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = deerImagesDir();
const SHOTS = path.join(ROOT, 'test-results', 'renderer');

let server: ChildProcess | null = null;
let baseUrl = '';
let libraryDir = '';

/** Starts serve mode on a free port and resolves with the tokenised URL it prints. */
function startServe(library: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'thumper.js'), 'serve', '--library', library, '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, THUMPER_MODELS_DIR: modelsDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /https?:\/\/[^\s]+token=[^\s]+/.exec(out);
      if (url) {
        clearTimeout(timer);
        resolve(url[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}

/** A URL of the app at a route (the token stays in the query, the route in the hash). */
const at = (hash: string) => `${baseUrl.replace(/#.*$/, '')}${hash}`;

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300); // let thumbnails fade in
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-e2e-renderer-'));
  baseUrl = await startServe(libraryDir);
});

test.afterAll(() => {
  server?.kill();
  fs.rmSync(libraryDir, { recursive: true, force: true });
});

test('an empty library says what to do; importing shows live progress on the dashboard', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(at('#/dashboard'));
  await expect(page.getByText('Your library is empty')).toBeVisible();
  await shot(page, '01-dashboard-empty');

  await page.getByRole('link', { name: /Import/ }).click();
  await expect(page.getByTestId('view-import')).toBeVisible();
  await page.getByTestId('import-path').fill(FIXTURES);
  await page.getByRole('button', { name: 'Add' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Found 78 photos', { timeout: 60_000 });
  await shot(page, '02-import-preview');

  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('view-dashboard')).toBeVisible();
  const panel = page.getByTestId('job-panel');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(panel.locator('[data-stage]').first()).toBeVisible();
  await shot(page, '03-dashboard-importing');

  // Progress moves: some stage's done count rises while we watch.
  const bars = panel.getByRole('progressbar');
  const sum = async () => (await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-valuenow'))))).reduce((a, b) => a + b, 0);
  const first = await sum();
  await expect.poll(sum, { timeout: 60_000 }).toBeGreaterThan(first);

  await expect(page.getByText(/Import (finished|failed|cancelled)/)).toBeVisible({ timeout: 240_000 });
  await expect(page.getByText('Import finished')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('.tile').first()).toContainText('78');
  await shot(page, '04-dashboard');
});

test('the photo grid shows the library and a filter narrows it', async ({ page }) => {
  await page.goto(at('#/photos'));
  const count = page.getByTestId('photo-count');
  await expect(count).toHaveText('78 photos');
  const cells = page.locator('[data-photo-id]');
  await expect(cells.first()).toBeVisible();
  await shot(page, '05-photos');

  await page.getByTestId('camera-filter').click();
  await page.locator('.menu-item').first().click();
  await page.mouse.click(5, 890); // close the menu by leaving it
  await expect(count).toHaveText(/^\d+ photos? match the filters$/);
  const narrowed = Number((await count.textContent())!.split(' ')[0]);
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(78);
  await expect.poll(() => cells.count()).toBe(Math.min(narrowed, 78));
  await shot(page, '06-photos-filtered');

  await page.goto(at('#/photos?group=sequence'));
  await expect(page.locator('.cell.sequence').first()).toBeVisible();
  await shot(page, '07-photos-by-visit');
});

test('the viewer zooms and pans with boxes aligned to the image', async ({ page }) => {
  await page.goto(at('#/photos?content=nonEmpty&category=animal'));
  await page.locator('[data-photo-id]').first().dblclick();
  await expect(page.getByTestId('view-viewer')).toBeVisible();
  const img = page.getByTestId('viewer-image');
  const box = page.getByTestId('viewer-box').first();
  await expect(box).toBeVisible();
  await expect(page.getByTestId('selected-box')).toBeVisible();
  await shot(page, '08-viewer');

  /** Box position in image-relative terms: identical before and after any zoom or pan when aligned. */
  const relative = async () => {
    const i = (await img.boundingBox())!;
    const b = (await box.boundingBox())!;
    return { x: (b.x - i.x) / i.width, y: (b.y - i.y) / i.height, w: b.width / i.width, h: b.height / i.height, imgWidth: i.width, imgX: i.x };
  };
  const before = await relative();
  const transformBefore = await img.evaluate((e) => (e as HTMLElement).style.transform);

  const pane = (await page.getByTestId('zoom-pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.mouse.wheel(0, -600);
  await expect.poll(async () => img.evaluate((e) => (e as HTMLElement).style.transform)).not.toBe(transformBefore);
  const zoomed = await relative();
  expect(zoomed.imgWidth).toBeGreaterThan(before.imgWidth * 1.5);
  for (const k of ['x', 'y', 'w', 'h'] as const) expect(zoomed[k]).toBeCloseTo(before[k], 2);

  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width / 2 - 150, pane.y + pane.height / 2 - 60, { steps: 5 });
  await page.mouse.up();
  const panned = await relative();
  expect(Math.abs(panned.imgX - zoomed.imgX)).toBeGreaterThan(50);
  for (const k of ['x', 'y', 'w', 'h'] as const) expect(panned[k]).toBeCloseTo(before[k], 2);
  await expect(page.getByTestId('viewer-image-full')).toBeAttached();
  await shot(page, '09-viewer-zoomed');

  await page.keyboard.press('0');
  await expect.poll(async () => (await relative()).imgWidth).toBeCloseTo(before.imgWidth, 0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('view-photos')).toBeVisible();
});

test('the deer gallery opens a profile', async ({ page }) => {
  await page.goto(at('#/deer'));
  const card = page.locator('[data-individual-id]').first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  await shot(page, '10-deer');
  const name = (await card.locator('.card-title').textContent())!;
  await card.click();
  await expect(page.getByTestId('view-profile')).toBeVisible();
  await expect(page.locator('.view-title h1')).toContainText(name);
  await expect(page.locator('[data-detection-id]').first()).toBeVisible();
  await shot(page, '11-deer-profile');
});

test('review, import history and the dark theme render', async ({ page }) => {
  await page.goto(at('#/review'));
  await expect(page.getByTestId('view-review')).toBeVisible();
  await shot(page, '12-review');
  await page.goto(at('#/import'));
  await expect(page.getByRole('region', { name: 'Import history' })).toContainText('done');
  await shot(page, '13-import-history');
  await page.goto(at('#/dashboard'));
  await page.keyboard.press('t');
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
  await page.evaluate(() => {
    localStorage.setItem('thumper.theme', 'dark');
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, '14-dashboard-dark');
  await page.goto(at('#/photos'));
  await expect(page.locator('[data-photo-id]').first()).toBeVisible();
  await shot(page, '15-photos-dark');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await shot(page, '16-shortcuts');
});
