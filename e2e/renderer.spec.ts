// The renderer end to end: `thumper serve` in Debian's Chromium on real fixtures. The deer photos are imported and
// processed by the CLI first (detections, individuals, suggestions to look at); the first test then imports the
// other-species photos through the Import view and watches the dashboard's live progress; the others browse.
// Every view is saved as a screenshot under test-results/renderer/ for a person to look at.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { modelsDir, otherSpeciesDir } from '../testing/fixtures';
import { processedFixtureLibrary } from './fixtureLibrary';
import { startServe as startServeWith } from './startServe';
import { screenshotsIn } from './screenshots';

const ROOT = path.resolve(__dirname, '..');
const ENV = { ...process.env, THUMPER_MODELS_DIR: modelsDir() };
const SHOTS = path.join(ROOT, 'test-results', 'renderer');

const servers: ChildProcess[] = [];
const dirs: string[] = [];
let baseUrl = '';

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-e2e-renderer-'));
  dirs.push(dir);
  return dir;
};

const startServe = (library: string) => startServeWith(library, ENV, servers);

/** A URL of the app at a route (the token stays in the query, the route in the hash). */
const at = (hash: string, base = baseUrl) => `${base.replace(/#.*$/, '')}${hash}`;

const shot = screenshotsIn(SHOTS);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const library = processedFixtureLibrary();
  dirs.push(library);
  baseUrl = await startServe(library);
});

test.afterAll(() => {
  for (const s of servers) s.kill();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test('an empty library tells a new user what to do', async ({ page }) => {
  const emptyUrl = await startServe(tempDir());
  await page.goto(at('#/dashboard', emptyUrl));
  await expect(page.getByText('Your library is empty')).toBeVisible();
  await shot(page, '01-dashboard-empty');
  await page.goto(at('#/photos', emptyUrl));
  await expect(page.getByText('No photos yet')).toBeVisible();
  await page.goto(at('#/deer', emptyUrl));
  await expect(page.getByText('No individuals yet')).toBeVisible();
});

test('importing through the Import view shows live progress on the dashboard', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(at('#/dashboard'));
  await expect(page.locator('.tile').first()).toContainText('78');
  await shot(page, '02-dashboard');

  await page.getByRole('link', { name: /Import/ }).click();
  await expect(page.getByTestId('view-import')).toBeVisible();
  await page.getByTestId('import-path').fill(otherSpeciesDir());
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('import-preview')).toContainText('Found 16 photos', { timeout: 60_000 });
  await shot(page, '03-import-preview');

  // Record every progress value the dashboard shows, however fast the job goes (the route changes without a reload).
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[] };
    w.seen = [];
    new MutationObserver(() => {
      const values = [...document.querySelectorAll('[data-testid=job-panel] [role=progressbar]')].map((e) =>
        e.getAttribute('aria-valuenow'),
      );
      if (values.length) w.seen.push(values.join(','));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('view-dashboard')).toBeVisible();
  const panel = page.getByTestId('job-panel');
  await expect(panel.locator('[data-stage]').first()).toBeVisible({ timeout: 30_000 });
  await shot(page, '04-dashboard-importing');

  await expect(page.getByText(/Import (finished|failed|cancelled)/)).toBeVisible({ timeout: 240_000 });
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(new Set(seen).size).toBeGreaterThan(2);
  await expect(page.getByText('Import finished')).toBeVisible();
  await shot(page, '05-dashboard-import-finished');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('.tile').first()).toContainText('94');
});

test('the photo grid shows the library and a filter narrows it', async ({ page }) => {
  await page.goto(at('#/photos'));
  const count = page.getByTestId('photo-count');
  await expect(count).toHaveText('94 photos');
  const cells = page.locator('[data-photo-id]');
  await expect(cells.first()).toBeVisible();
  await shot(page, '06-photos');

  await page.getByTestId('camera-filter').click();
  await page.locator('.menu-item').first().click();
  await page.mouse.click(5, 890); // close the menu by leaving it
  await expect(count).toHaveText(/^\d+ photos? match the filters$/);
  const narrowed = Number((await count.textContent())!.split(' ')[0]);
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(94);
  await expect.poll(() => cells.count()).toBe(narrowed);
  await shot(page, '07-photos-filtered');

  await page.goto(at('#/photos?group=sequence'));
  await expect(page.locator('.cell.sequence').first()).toBeVisible();
  await shot(page, '08-photos-by-visit');
});

test('the viewer zooms and pans with boxes aligned to the image', async ({ page }) => {
  await page.goto(at('#/photos?content=nonEmpty&category=animal'));
  await page.locator('[data-photo-id]').first().dblclick();
  await expect(page.getByTestId('view-viewer')).toBeVisible();
  const img = page.getByTestId('viewer-image');
  const box = page.getByTestId('viewer-box').first();
  await expect(box).toBeVisible();
  await expect(page.getByTestId('selected-box')).toBeVisible();
  await shot(page, '09-viewer');

  /** Box position in image-relative terms: identical before and after any zoom or pan when aligned. */
  const relative = async () => {
    const i = (await img.boundingBox())!;
    const b = (await box.boundingBox())!;
    return {
      x: (b.x - i.x) / i.width,
      y: (b.y - i.y) / i.height,
      w: b.width / i.width,
      h: b.height / i.height,
      imgWidth: i.width,
      imgX: i.x,
    };
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
  await shot(page, '10-viewer-zoomed');

  await page.keyboard.press('0');
  await expect.poll(async () => (await relative()).imgWidth).toBeCloseTo(before.imgWidth, 0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('view-photos')).toBeVisible();
});

test('the deer gallery opens a profile', async ({ page }) => {
  await page.goto(at('#/deer'));
  const card = page.locator('[data-individual-id]').first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  await shot(page, '11-deer');
  const name = (await card.locator('.card-title').textContent())!;
  await card.click();
  await expect(page.getByTestId('view-profile')).toBeVisible();
  await expect(page.locator('.view-title h1')).toContainText(name);
  await expect(page.locator('[data-detection-id]').first()).toBeVisible();
  await shot(page, '12-deer-profile');
});

/** "9 individuals" -> 9, as the Deer view shows it (at first its last data, while it refetches: poll it). */
async function individualCount(page: Page): Promise<number> {
  await page.goto(at('#/deer'));
  const subtitle = page.locator('.view-subtitle');
  await expect(subtitle).toHaveText(/^\d+ individuals?$/);
  return Number((await subtitle.textContent())!.split(' ')[0]);
}

test('review: confirming by keyboard makes the pair one individual, and undo splits them again', async ({ page }) => {
  const before = await individualCount(page);
  await page.goto(at('#/review'));
  const pair = page.getByTestId('review-pair');
  await expect(pair).toBeVisible();
  await shot(page, '13-review');
  const first = await pair.getAttribute('data-suggestion-id');
  await page.keyboard.press('y');
  await expect(page.getByTestId('toast')).toContainText('are now one individual');
  await expect(pair).not.toHaveAttribute('data-suggestion-id', first!);
  await shot(page, '14-review-after-confirm');
  await expect.poll(() => individualCount(page)).toBe(before - 1);

  await page.goto(at('#/review'));
  await expect(pair).toBeVisible();
  await page.keyboard.press('u');
  await expect(page.getByTestId('toast')).toContainText('Undone');
  await expect.poll(() => individualCount(page)).toBe(before);
});

test('a profile splits selected crops off into a new individual', async ({ page }) => {
  const before = await individualCount(page);
  await page.locator('[data-individual-id]').first().click();
  await expect(page.getByTestId('view-profile')).toBeVisible();
  const crops = page.locator('[data-detection-id]');
  await expect(crops.nth(1)).toBeVisible();
  await crops.nth(0).click({ modifiers: ['Control'] });
  await expect(page.getByRole('toolbar', { name: 'Selected crops' })).toContainText('1 crop selected');
  await page.getByTestId('split-crops').click();
  await expect(page.getByTestId('toast')).toContainText('Split into a new individual');
  await shot(page, '15-profile-after-split');
  await expect.poll(() => individualCount(page)).toBe(before + 1);
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => individualCount(page)).toBe(before);
});

test('marking a false detection in the viewer changes the counts', async ({ page }) => {
  await page.goto(at('#/dashboard'));
  const animals = page.locator('.tile', { hasText: 'Animals' }).locator('.tile-value');
  await expect(animals).toHaveText(/^\d+$/);
  const before = Number(await animals.textContent());
  await page.goto(at('#/photos?category=animal'));
  await page.locator('[data-photo-id]').first().dblclick();
  const animalBox = page.locator('.det-row[data-category=animal][data-counted=true]').first();
  await animalBox.click();
  await expect(animalBox).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('selected-box')).toBeVisible();
  await page.getByTestId('toggle-false-detection').click();
  await expect(page.getByTestId('toast')).toContainText('false detection');
  await expect(page.getByTestId('toggle-false-detection')).toHaveText('Restore this box');
  await page.goto(at('#/dashboard'));
  await expect(animals).toHaveText(String(before - 1));
});

test('a box drawn by hand on the viewer becomes a detection', async ({ page }) => {
  await page.goto(at('#/photos?content=empty'));
  await page.locator('[data-photo-id]').first().dblclick();
  await expect(page.getByTestId('view-viewer')).toBeVisible();
  const boxes = page.getByTestId('viewer-box');
  const before = await boxes.count();
  await page.getByTestId('draw-box').click();
  const pane = (await page.getByTestId('zoom-pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width * 0.4, pane.y + pane.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width * 0.6, pane.y + pane.height * 0.7, { steps: 5 });
  await expect(page.getByTestId('box-sketch')).toBeVisible();
  await page.mouse.up();
  await expect(page.getByTestId('toast')).toContainText('Box added');
  await expect(boxes).toHaveCount(before + 1);
  await expect(page.getByTestId('selected-box')).toContainText('human');
  await shot(page, '16-viewer-drawn-box');
});

test('import history, the dark theme and the shortcut sheet render', async ({ page }) => {
  await page.goto(at('#/import'));
  await expect(page.getByRole('region', { name: 'Import history' })).toContainText('done');
  await shot(page, '17-import-history');
  await page.goto(at('#/dashboard'));
  await page.keyboard.press('t');
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
  await page.evaluate(() => {
    localStorage.setItem('thumper.theme', 'dark');
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, '18-dashboard-dark');
  await page.goto(at('#/photos'));
  await expect(page.locator('[data-photo-id]').first()).toBeVisible();
  await shot(page, '19-photos-dark');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await shot(page, '20-shortcuts');
});
