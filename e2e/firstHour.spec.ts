// The first hour of a new user (issue 18), end to end: `thumper serve` in Chromium on a fresh library, real photos,
// real models. Every step is saved as a screenshot under test-results/first-hour/ for a person to look at.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { deerImagesDir, modelsDir, otherSpeciesDir } from '../testing/fixtures';
import { startServe } from './startServe';
import { screenshotsIn } from './screenshots';

const ROOT = path.resolve(__dirname, '..');
const SHOTS = path.join(ROOT, 'test-results', 'first-hour');
const ENV = { ...process.env, THUMPER_MODELS_DIR: modelsDir() };

const servers: ChildProcess[] = [];
const dirs: string[] = [];
let baseUrl = '';
let card = '';

const tempDir = (what: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `thumper-e2e-first-hour-${what}-`));
  dirs.push(dir);
  return dir;
};

const at = (hash: string, base = baseUrl) => `${base.replace(/#.*$/, '')}${hash}`;

const shot = screenshotsIn(SHOTS);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  // A card with three deer photos, a text file named like a photo and an empty one.
  card = path.join(tempDir('card'), 'DCIM');
  fs.mkdirSync(card);
  for (const f of fs
    .readdirSync(deerImagesDir())
    .filter((f) => /\.jpe?g$/i.test(f))
    .slice(0, 3)) {
    fs.copyFileSync(path.join(deerImagesDir(), f), path.join(card, f));
  }
  fs.writeFileSync(path.join(card, 'notes.jpg'), 'battery low, swap card on Friday\n');
  fs.writeFileSync(path.join(card, 'empty.jpg'), '');
  baseUrl = await startServe(tempDir('library'), ENV, servers);
});

test.afterAll(() => {
  for (const s of servers) s.kill();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test('1. install: without its provider library, CUDA is not attempted and the fallback is one quiet line', () => {
  const script = `require('./dist/worker/models/session.js')
    .createSession(${JSON.stringify(path.join(modelsDir(), 'detectors', 'yolox_nano_416.onnx'))}, { provider: 'cuda' })
    .then((s) => console.log(JSON.stringify({ provider: s.provider, reason: s.fallbackReason })))`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stderr).not.toMatch(/providers_shared|Failed to load/);
  const result = JSON.parse(run.stdout.trim()) as { provider: string; reason: string | null };
  const cudaInstalled = fs
    .readdirSync(path.join(ROOT, 'node_modules', 'onnxruntime-node', 'bin'), { recursive: true })
    .some((f) => String(f).includes('providers_cuda'));
  if (!cudaInstalled) {
    expect(result.provider).toBe('cpu');
    expect(result.reason).toMatch(/^CUDA provider not installed/);
    expect(result.reason).not.toContain('\n');
  }
  expect(fs.existsSync(path.join(ROOT, 'vite.config.mts'))).toBe(true);
  expect(fs.existsSync(path.join(ROOT, 'vite.config.ts'))).toBe(false);
});

test('5. the address without its token says to open the link with its token', async ({ page }) => {
  await page.goto(baseUrl.replace(/\?token=[^#]*/, ''));
  await expect(page.getByTestId('token-gate')).toContainText('Open the full link that thumper serve printed');
  await expect(page.getByText(/connection lost/i)).toHaveCount(0);
  await shot(page, '05-no-token');
});

test('2. import view: a path that does not exist, and a card whose preview agrees with its import', async ({
  page,
}) => {
  await page.goto(at('#/import'));
  const input = page.getByTestId('import-path');
  const startButton = page.getByTestId('start-import');

  await input.fill('/no/such/folder');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const chip = page.locator('.chip', { hasText: '/no/such/folder' });
  await expect(chip).toContainText('no such file or folder on this computer');
  await expect(page.getByText('ENOENT')).toHaveCount(0);
  await expect(startButton).toHaveText(/Import 0 photos/);
  await expect(startButton).toBeDisabled();
  await shot(page, '02a-import-missing-path');
  await page.getByRole('button', { name: 'Remove /no/such/folder' }).click();
  await expect(page.getByText('no such file or folder')).toHaveCount(0);
  await expect(startButton).toHaveText('Start import');

  // The drop hint points at the path field, which is above it.
  await page.getByTestId('drop-zone').dispatchEvent('drop', {
    dataTransfer: await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'DCIM'));
      return dt;
    }),
  });
  await expect(page.getByText(/in the field above/)).toBeVisible();

  await input.fill(card);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Found 3 photos');
  // The cameras add up to the photos found.
  const perCamera = await preview.locator('tbody td.num').allTextContents();
  expect(perCamera.reduce((n, t) => n + Number(t.replace(/\D/g, '')), 0)).toBe(3);
  await expect(preview).toContainText('2 files will not be imported');
  await expect(preview).toContainText('not a JPEG or PNG image (looks like a text file)');
  await expect(preview).toContainText('empty file (0 bytes)');
  await expect(startButton).toHaveText('Import 3 photos');
  await shot(page, '02b-import-preview');

  await startButton.click();
  await expect(page.getByTestId('view-dashboard')).toBeVisible();
  await expect(page.getByText('Import finished')).toBeVisible({ timeout: 180_000 });
});

test('2c. import view: a typed path is checked as you type, before it is added', async ({ page }) => {
  await page.goto(at('#/import'));
  const input = page.getByTestId('import-path');
  const note = page.getByTestId('import-path-check');
  await input.pressSequentially('/no/such/fol', { delay: 20 });
  await input.fill('/no/such/folder');
  await expect(note).toHaveText('no such file or folder on this computer');
  await expect(page.locator('.chip')).toHaveCount(0);
  // A file is a source too: the preview judges it with the import's own checks.
  await input.fill(path.join(card, 'notes.jpg'));
  await expect(note).toHaveText('not a JPEG or PNG image (looks like a text file)');
  await expect(note).toHaveClass(/problem/);
  await input.fill('/');
  await expect(note).toHaveText(/^the whole disk/);
  await input.fill(card);
  // The card was imported by step 2: the line says so.
  await expect(note).toHaveText(/^3 photos, 0 clips, 3 already in the library/);
  await expect(note).toHaveClass(/ok/);
  await shot(page, '02c-import-path-checked');
  await input.fill('');
  await expect(note).toHaveCount(0);
});

test('4. failed files: counted apart from photos, linked from the banner, listed with their reasons', async ({
  page,
}) => {
  await page.goto(at('#/dashboard'));
  await expect(page.locator('.tile').first()).toContainText('3');
  await expect(page.locator('.view-subtitle')).toHaveText(/^3 photos from \d+ cameras?$/);
  // The finished card's failure list and the library banner both lead to the Failed filter.
  await expect(page.getByTestId('failed-link').first()).toBeVisible();
  await shot(page, '04a-dashboard-failures');
  await page.locator('.inline-warning').getByTestId('failed-link').click();
  await expect(page.getByTestId('view-photos')).toBeVisible();
  await expect(page.getByTestId('photo-count')).toHaveText('2 files could not be imported or processed');
  const list = page.getByTestId('failed-list');
  await expect(list).toContainText('notes.jpg');
  await expect(list).toContainText('looks like a text file');
  await expect(list).toContainText('empty file (0 bytes)');
  await shot(page, '04b-photos-failed');
  // Retry reads the refused files again from the card: they are still not photos, and say so again.
  await page.getByTestId('retry-all').click();
  await expect(page.getByTestId('view-dashboard')).toBeVisible();
  await expect(page.getByText('Import finished')).toBeVisible({ timeout: 60_000 });
  await page.goto(at('#/photos?content=failed'));
  await expect(page.getByTestId('failed-list')).toContainText('looks like a text file');
  await expect(page.getByTestId('photo-count')).toHaveText('2 files could not be imported or processed');
  // The grid's tile for a refused file says why, not "file missing".
  await page.goto(at('#/photos'));
  await expect(page.locator('.thumb-missing').first()).toBeVisible();
  await expect(page.getByText('file missing')).toHaveCount(0);
});

test('3. dashboard during an import: live counts, honest rates, no stale finished card', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(at('#/import'));
  await page.getByTestId('import-path').fill(otherSpeciesDir());
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('import-preview')).toContainText('Found 16 photos', { timeout: 60_000 });

  // Record what the dashboard shows on every change, however fast the job goes (the route changes without a reload).
  await page.evaluate(() => {
    const w = window as unknown as {
      seen: { header: string; sidebarPhotos: string; scan: string; etas: string[]; finishedCard: boolean }[];
    };
    w.seen = [];
    new MutationObserver(() => {
      const panel = document.querySelector('[data-testid=job-panel]');
      if (!panel) return;
      w.seen.push({
        header: document.querySelector('.view-subtitle')?.textContent ?? '',
        sidebarPhotos: document.querySelector('a[href*="#/photos"] .nav-count')?.textContent ?? '',
        scan: panel.querySelector('[data-stage=scan] .stage-count')?.textContent ?? '',
        etas: [...panel.querySelectorAll('.stage-eta')].map((e) => e.textContent ?? ''),
        finishedCard: document.querySelector('.finished-note') !== null,
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('job-panel')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('job-panel').locator('[data-stage=detect]')).toBeVisible({ timeout: 60_000 });
  await shot(page, '03a-dashboard-importing');
  await expect(page.getByText('Import finished')).toBeVisible({ timeout: 240_000 });
  await shot(page, '03b-dashboard-finished');

  type Seen = { header: string; sidebarPhotos: string; scan: string; etas: string[]; finishedCard: boolean };
  const seen = await page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
  expect(seen.length).toBeGreaterThan(2);
  // The first import's card is not left under the live panel.
  expect(seen.filter((s) => s.finishedCard)).toEqual([]);
  // The scan says how many photos it found, not "1 found".
  expect(seen.some((s) => /^16 photos found$/.test(s.scan))).toBe(true);
  // The header follows the copy instead of staying at the totals from before the job.
  // (A 16-photo job can end between two refreshes on a quiet machine: the last refresh, at the end, must show it.)
  const headerCounts = seen.map((s) => Number(/^(\d+) photos? from/.exec(s.header)?.[1] ?? 0));
  if (Math.max(...headerCounts) <= 3)
    await expect(page.locator('.view-subtitle')).toContainText(/^([4-9]|\d{2,}) photos? from/);
  if (Math.max(...seen.map((s) => Number(s.sidebarPhotos) || 0)) <= 3)
    await expect(page.locator('a[href*="#/photos"] .nav-count')).toHaveText(/^([4-9]|\d{2,})$/);
  // No stage claims "0 s" left.
  expect(seen.flatMap((s) => s.etas).filter((e) => e === '0 s')).toEqual([]);
  await expect(page.locator('.tile').first()).toContainText('19');
});

test('6. models: missing models are explained for people, with buttons, and nothing claims to be processing', async ({
  page,
}) => {
  await page.goto(at('#/dashboard'));
  await expect(page.locator('.tile').first()).not.toContainText('processing');

  // A fresh library with an empty models folder: the first-run screen.
  const firstRun = await startServe(
    tempDir('no-models'),
    { ...process.env, THUMPER_MODELS_DIR: tempDir('models') },
    servers,
  );
  await page.goto(at('#/dashboard', firstRun));
  const banner = page.getByTestId('models-banner');
  await expect(banner.getByTestId('models-needed')).toHaveText(
    'To find and tell apart the animals in your photos, Thumper needs two model files: a detector and an embedder.',
  );
  await expect(banner.getByRole('button', { name: 'Add a model file…' }).first()).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Download' }).first()).toBeVisible();
  await expect(page.getByText(/thumper models|THUMPER_MODELS_DIR|--models/)).toHaveCount(0);
  await shot(page, '06a-first-run-models');
  await page.goto(at('#/models', firstRun));
  await expect(page.getByTestId('models-table')).toBeVisible();
  await expect(page.getByText(/test fixture|placeholder\)/)).toHaveCount(0);
  await expect(page.getByText(/thumper models|THUMPER_MODELS_DIR/)).toHaveCount(0);
  await shot(page, '06b-models-view');

  // Importing without models copies the photos; nothing then claims they are processing or "done".
  await page.goto(at('#/import', firstRun));
  await page.getByTestId('import-path').fill(card);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByTestId('start-import').click();
  await expect(page.getByText(/Import (finished|failed)/)).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.tile').first()).toContainText('3 waiting to be processed');
  await expect(page.locator('.tile').first()).not.toContainText('processing');
  await page.goto(at('#/import', firstRun));
  await expect(page.getByTestId('waiting-note')).toHaveText(
    '3 photos copied but not processed yet: Thumper needs its models first. Open Models',
  );
  await shot(page, '06c-import-history-waiting');

  // Offline: the model files from another computer, installed from the app without the command line.
  await page.getByRole('button', { name: 'Use a models folder…' }).click();
  await page.getByTestId('models-folder-path').fill(modelsDir());
  await shot(page, '06d-use-models-folder');
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(page.getByTestId('models-banner')).toHaveCount(0, { timeout: 30_000 });
  await page.goto(at('#/models', firstRun));
  await expect(page.getByTestId('model-role-detector')).toContainText('installed');
  await expect(page.getByTestId('model-role-embedder')).toContainText('installed');
  await shot(page, '06e-models-installed-from-folder');
});

test('6f. models: in a browser, a typed model file path is checked as you type', async ({ page }) => {
  await page.goto(at('#/models'));
  const input = page.getByTestId('add-model-path');
  const note = page.getByTestId('add-model-path-check');
  const addButton = page.locator('.add-model').getByRole('button', { name: 'Add', exact: true });
  await input.fill('/no/such/model.onnx');
  await expect(note).toHaveText('no such file on this computer');
  await expect(addButton).toBeDisabled();
  await input.fill(card);
  await expect(note).toHaveText(/^a folder, not a model file/);
  await input.fill(path.join(modelsDir(), 'detectors', 'yolox_nano_416.onnx'));
  await expect(note).toHaveText(/^ONNX file, [\d.]+ (KB|MB)$/);
  await expect(addButton).toBeEnabled();
  await expect(page.getByTestId('add-model-pick')).toHaveCount(0);
  await note.scrollIntoViewIfNeeded();
  await shot(page, '06f-model-path-checked');
});

test('7. photos: one-line toolbar at 1440 px, Esc closes the camera menu, visits follow the sort', async ({ page }) => {
  await page.goto(at('#/photos'));
  await expect(page.getByTestId('photo-count')).toHaveText('19 photos · 2 failed files');
  const bar = page.getByRole('toolbar', { name: 'Filters' });
  const controls = await bar
    .locator(':scope > *')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(new Set(controls.map((t) => Math.round(t / 10))).size).toBe(1);
  await shot(page, '07a-photos');

  await page.getByTestId('camera-filter').click();
  await expect(page.locator('.menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.menu')).toHaveCount(0);

  await page.goto(at('#/photos?group=sequence'));
  await expect(page.locator('.cell.sequence').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sort' })).toHaveValue('newest');
  // Visits without a capture time have no place in time; the others run newest first.
  const times = (await page.locator('.cell.sequence .cell-caption .tabular').allTextContents()).filter(
    (t) => t !== 'unknown time',
  );
  expect(times.length).toBeGreaterThan(1);
  expect([...times].sort().reverse()).toEqual(times);
  await shot(page, '07b-photos-by-visit-newest');
});

test('8. words: the first press of t changes the theme on screen', async ({ page }) => {
  await page.goto(at('#/dashboard'));
  await expect(page.getByTestId('view-dashboard')).toBeVisible();
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const before = await theme();
  await page.locator('body').press('t');
  await expect.poll(theme).not.toBe(before);
  await shot(page, '08-theme-after-t');
});
