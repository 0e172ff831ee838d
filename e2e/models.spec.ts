// Calibration, Models and Export in the app: `thumper serve` in Chromium on a small synthetic library (core's test
// library: cameras, sequences, individuals) with enough decided suggestions to calibrate, and on a fresh library with
// no models installed (first run). Screenshots go to test-results/renderer/ for a person to look at.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeTestLibrary } from '../testing/individualsLibrary';
import { getSettings } from '../core/library/settings';
import { modelsDir } from '../testing/fixtures';
import { seededRandom } from '../core/util/seededRandom';
import { startServe } from './startServe';
import { screenshotsIn } from './screenshots';

const ROOT = path.resolve(__dirname, '..');
const SHOTS = path.join(ROOT, 'test-results', 'renderer');

const servers: ChildProcess[] = [];
const dirs: string[] = [];

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-e2e-models-'));
  dirs.push(dir);
  return dir;
};

/** Serve mode with this models folder. */
const serve = (library: string, models: string) =>
  startServe(library, { ...process.env, THUMPER_MODELS_DIR: models }, servers);

const at = (base: string, hash: string) => `${base.replace(/#.*$/, '')}${hash}`;

const shot = screenshotsIn(SHOTS);

/** The synthetic library with 30 accepted and `rejected` rejected suggestions of its current embedder. */
function calibratedLibrary(rejected: number): string {
  const lib = makeTestLibrary({ seed: 2 });
  const random = seededRandom(9);
  const embedder = getSettings(lib.db).embedder;
  const insert = lib.db.$client.prepare(
    `INSERT INTO suggestions (individual_id, candidate_id, embedder, score, appearance, same_camera, rank, member_signature, state)
     VALUES (1, 2, ?, ?, 0.5, 0, 1, '', ?)`,
  );
  for (let i = 0; i < 30; i++) insert.run(embedder, 0.55 + random() * 0.45, 'accepted');
  for (let i = 0; i < rejected; i++) insert.run(embedder, random() * 0.65, 'rejected');
  lib.close();
  dirs.push(lib.root);
  return lib.root;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test.afterAll(() => {
  for (const s of servers) s.kill();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test('calibration waits for enough decisions, then proposes a threshold and auto-accept can be switched on', async ({
  page,
}) => {
  const early = await serve(calibratedLibrary(8), modelsDir());
  await page.goto(at(early, '#/review'));
  await page.getByRole('button', { name: 'Calibration' }).click();
  await expect(page.getByTestId('view-calibration')).toBeVisible();
  await expect(page.getByTestId('calibration-proposal')).toContainText('12 more rejected');
  await expect(page.getByTestId('auto-accept-switch')).toBeDisabled();
  await shot(page, '30-calibration-waiting');

  const ready = await serve(calibratedLibrary(25), modelsDir());
  await page.goto(at(ready, '#/calibration'));
  await expect(page.getByTestId('calibration-histogram')).toBeVisible();
  await expect(page.getByTestId('calibration-proposal')).toContainText('Precision');
  const toggle = page.getByTestId('auto-accept-switch');
  await expect(toggle).toBeEnabled();
  // Controlled by the library's state: it turns on when the host has stored it.
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(page.getByText(/^On at \d/)).toBeVisible();
  await shot(page, '31-calibration-on');
  // The switch is stored in the library: a reload shows it on.
  await page.reload();
  await expect(page.getByTestId('auto-accept-switch')).toBeChecked();
});

test('models view shows both roles installed with the catalog, and an export runs with its result', async ({
  page,
}) => {
  const base = await serve(calibratedLibrary(25), modelsDir());
  await page.goto(at(base, '#/models'));
  await expect(page.getByTestId('model-role-detector')).toContainText('installed');
  await expect(page.getByTestId('model-role-embedder')).toContainText('installed');
  await expect(page.getByTestId('models-table')).toContainText('yolov8n');
  await shot(page, '32-models');

  const out = tempDir();
  await page.goto(at(base, '#/export'));
  await page.getByLabel('CSV').check();
  await page.getByTestId('export-out').fill(out);
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('export-progress')).toContainText('sightings in');
  expect(fs.readdirSync(out).filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(0);
  await shot(page, '33-export-done');
});

test('first run: with no models installed the dashboard explains what is needed and offers them', async ({ page }) => {
  const base = await serve(tempDir(), tempDir());
  await page.goto(at(base, '#/dashboard'));
  const banner = page.getByTestId('models-banner');
  await expect(banner).toContainText('needs its models');
  await expect(banner).toContainText('detector');
  await expect(banner.getByRole('button', { name: /Download|Add a model file/ }).first()).toBeVisible();
  await shot(page, '34-first-run-models');
  await banner.getByRole('button', { name: 'Open Models' }).click();
  await expect(page.getByTestId('model-role-detector')).toContainText('missing');
  await shot(page, '35-models-missing');
});
