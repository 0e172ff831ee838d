// Cameras, the map and Camtrap DP from the app: the processed fixture card, most cameras placed by
// `thumper cameras set`, one camera placed and given its clock offset in the Cameras view, the last one filled in
// inline in the Export view, then a Camtrap DP export that must validate against the official 1.0.2 schemas.
// Screenshots of the Cameras view, the map and a deer's path under test-results/cameras/.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { checkCamtrapPackage, interopDir } from '../core/exports/camtrapSchemaCheck';
import { E2E_ENV, processedFixtureLibrary, ROOT, thumper } from './fixtureLibrary';
import { startServe } from './startServe';
import { screenshotsIn } from './screenshots';

const SHOTS = path.join(ROOT, 'test-results', 'cameras');

const servers: ChildProcess[] = [];
let library = '';
let baseUrl = '';
let cameras: { id: number; name: string; photos: number }[] = [];
let inView: { id: number; name: string };
let inExport: { id: number; name: string };
let travelled = 0;

const at = (hash: string) => `${baseUrl.replace(/#.*$/, '')}${hash}`;

const shot = screenshotsIn(SHOTS, { fullPage: true });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  library = processedFixtureLibrary();
  cameras = JSON.parse(thumper('cameras', 'list', '--library', library, '--json'));
  expect(cameras.length).toBeGreaterThan(2);
  [inView, inExport] = cameras.slice(-2) as [typeof inView, typeof inExport];
  // The rest stand on one property, a few hundred metres apart, as a ranch's cameras do.
  cameras
    .slice(0, -2)
    .forEach((c, i) =>
      thumper(
        'cameras',
        'set',
        String(c.id),
        '--library',
        library,
        '--utc-offset=-05:00',
        `--location=${(44.05 + 0.0021 * (i % 5)).toFixed(5)},${(-73.16 + 0.0034 * Math.floor(i / 5) + 0.0009 * (i % 2)).toFixed(5)}`,
      ),
    );
  // Two individuals seen at different cameras made one, so a deer has a path between cameras to map.
  const individuals = JSON.parse(thumper('individuals', '--library', library, '--json')) as {
    id: number;
    cameras: string[];
  }[];
  const a = individuals[0]!;
  const b = individuals.find((i) => i.cameras.some((c) => !a.cameras.includes(c)))!;
  thumper('merge', '--library', library, String(a.id), String(b.id));
  travelled = a.id;
  baseUrl = await startServe(library, E2E_ENV, servers);
});

test.afterAll(() => {
  for (const s of servers) s.kill();
  fs.rmSync(library, { recursive: true, force: true });
});

test('the Cameras view refuses bad input, then sets a location and an offset', async ({ page }) => {
  await page.goto(at('#/cameras'));
  await expect(page.getByTestId('camera-row')).toHaveCount(cameras.length);
  await expect(page.getByTestId('map-camera')).toHaveCount(cameras.length - 2);
  await page.getByTestId('camera-row').filter({ hasText: inView.name }).click();
  const editor = page.getByTestId('camera-editor');
  // Picking on the map fills the coordinates with the clicked point (the map shows the property, near 44°N 73°W).
  await editor.getByRole('button', { name: 'Pick on map' }).click();
  await page
    .getByTestId('camera-map')
    .locator('.map-box')
    .click({ position: { x: 600, y: 200 } });
  await expect(editor.getByTestId('camera-latitude')).toHaveValue(/^44\.0\d+$/);
  await expect(editor.getByTestId('camera-longitude')).toHaveValue(/^-73\.1\d+$/);
  await editor.getByTestId('camera-latitude').fill('95');
  await editor.getByTestId('camera-longitude').fill('-73.15');
  await editor.getByTestId('camera-save').click();
  await expect(editor.getByTestId('camera-error')).toHaveText(/latitude must be between -90 and 90 degrees/);
  await editor.getByTestId('camera-latitude').fill('44.0585');
  await editor.getByTestId('camera-utc-offset').fill('5');
  await editor.getByTestId('camera-save').click();
  await expect(editor.getByTestId('camera-error')).toHaveText(/a UTC offset looks like \+02:00/);
  await editor.getByTestId('camera-utc-offset').fill('-05:00');
  await editor.getByTestId('camera-name').fill(`${inView.name} (creek)`);
  await editor.getByTestId('camera-save').click();
  await expect(editor.getByTestId('camera-error')).toHaveCount(0);
  await expect(page.getByTestId('map-camera')).toHaveCount(cameras.length - 1);
  const row = page.getByTestId('camera-row').filter({ hasText: `${inView.name} (creek)` });
  await expect(row).toContainText('-05:00');
  await expect(row).toContainText('44.05850, -73.15000');
  const listed = JSON.parse(thumper('cameras', 'list', '--library', library, '--json')) as Record<string, unknown>[];
  expect(listed.find((c) => c.id === inView.id)).toMatchObject({
    latitude: 44.0585,
    longitude: -73.15,
    utcOffset: '-05:00',
  });
  await page.locator('.view-body').evaluate((el) => el.scrollTo(0, 0));
  await shot(page, 'cameras-view');
  await page.getByTestId('camera-map').screenshot({ path: path.join(SHOTS, 'cameras-map.png') });
  // Zoomed out, the shipped Natural Earth outlines draw the land (no tile server involved).
  await page.getByRole('button', { name: 'World' }).click();
  await expect(page.locator('.map-land')).toHaveAttribute('d', /^M/);
  await page.getByTestId('camera-map').screenshot({ path: path.join(SHOTS, 'cameras-map-world.png') });
});

test('the Export view lists the camera still missing its place, then exports a valid Camtrap DP package', async ({
  page,
}) => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-e2e-camtrap-'));
  await page.goto(at('#/export'));
  const missing = page.getByTestId('missing-place');
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText(inExport.name);
  await missing.getByLabel(`${inExport.name} latitude`).fill('44.0452');
  await missing.getByLabel(`${inExport.name} longitude`).fill('-73.1391');
  await missing.getByLabel(`${inExport.name} UTC offset`).fill('-05:00');
  await page.getByTestId('export-out').fill(out);
  await shot(page, 'export-missing-places');
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-progress')).toContainText(/Camtrap DP package in .*deployments/, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('missing-places')).toHaveCount(0);
  const { errors, tables } = checkCamtrapPackage(out, interopDir());
  expect(errors).toEqual([]);
  expect(tables.deployments).toHaveLength(cameras.filter((c) => c.photos > 0).length);
  const individualIds = tables.observations!.map((o) => o.individualID).filter(Boolean);
  expect(individualIds.length).toBeGreaterThan(0);
  expect(individualIds.every((id) => /^ind-\d+$/.test(id!))).toBe(true);
  await shot(page, 'export-done');
  fs.rmSync(out, { recursive: true, force: true });
});

test("a deer's profile maps the cameras where it was seen and its path", async ({ page }) => {
  await page.goto(at(`#/deer/${travelled}`));
  const map = page.getByTestId('deer-path-map');
  await expect(map).toContainText('2 cameras · 1 move between cameras', { timeout: 20_000 });
  await expect(map.getByTestId('map-camera')).toHaveCount(2);
  await expect(map.locator('.map-path')).toHaveCount(1);
  await map.scrollIntoViewIfNeeded();
  await shot(page, 'deer-profile-map');
  await map.screenshot({ path: path.join(SHOTS, 'deer-path-map.png') });
});
