// The Survey view end to end: the fixture card imported and processed by the CLI, sex and age set on a few
// individuals through `traits`, then the survey's figures, charts, saved surveys side by side, the printed report and
// its PDF, whose text must hold the same numbers. Screenshots under test-results/survey/.
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_ENV, processedFixtureLibrary, ROOT, thumper } from './fixtureLibrary';
import { startServe } from './startServe';
import { screenshotsIn } from './screenshots';

const SHOTS = path.join(ROOT, 'test-results', 'survey');

const servers: ChildProcess[] = [];
let library = '';
let baseUrl = '';
let expected: { observations: Record<string, number>; uniqueBucks: number; estimate: { total: number } | null };

const at = (hash: string) => `${baseUrl.replace(/#.*$/, '')}${hash}`;

const shot = screenshotsIn(SHOTS, { fullPage: true });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  library = processedFixtureLibrary();
  const individuals = (
    JSON.parse(thumper('individuals', '--library', library, '--json')) as {
      id: number;
      detections: number;
      species: string;
    }[]
  )
    .filter((i) => i.species === 'deer')
    .sort((a, b) => b.detections - a.detections || a.id - b.id);
  const traits: [string, string][] = [
    ['male', 'adult'],
    ['male', 'adult'],
    ['female', 'adult'],
    ['female', 'adult'],
    ['none', 'fawn'],
  ];
  traits.forEach(([sex, age], i) =>
    thumper('traits', '--library', library, String(individuals[i]!.id), '--sex', sex, '--age', age),
  );
  expected = JSON.parse(thumper('survey', '--library', library, '--json'));
  baseUrl = await startServe(library, E2E_ENV, servers);
});

test.afterAll(() => {
  for (const s of servers) s.kill();
  fs.rmSync(library, { recursive: true, force: true });
});

test('the Survey view shows the counts, the estimate and the charts', async ({ page }) => {
  await page.goto(at('#/survey'));
  const report = page.getByTestId('survey-report');
  await expect(report).toBeVisible();
  const estimate = page.getByTestId('survey-estimate');
  await expect(estimate.locator('tr', { hasText: 'Bucks' })).toContainText(String(expected.observations.buck));
  await expect(estimate.locator('tr', { hasText: 'Does' })).toContainText(String(expected.observations.doe));
  await expect(report.locator('.survey-figure', { hasText: 'Unique bucks' })).toContainText(
    String(expected.uniqueBucks),
  );
  await expect(report.getByRole('img', { name: 'Observations by hour of day and class' })).toBeVisible();
  await expect(report.getByRole('img', { name: 'Observations per week by class' })).toBeVisible();
  await expect(report.locator('.survey-buck')).toHaveCount(expected.uniqueBucks);
  await shot(page, 'survey-light');
  await page.keyboard.press('t');
  await page.keyboard.press('t');
  await shot(page, 'survey-dark');
});

test('a saved survey runs again beside the current one', async ({ page }) => {
  await page.goto(at('#/survey'));
  await page.getByLabel('Survey name').fill('Whole card');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Saved surveys' })).toContainText('Whole card');
  await page.getByLabel('From').fill('2030-01-01');
  await expect(page.getByTestId('survey-estimate').locator('tr', { hasText: 'Bucks' })).toContainText('0');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByText('Compared with “Whole card”')).toBeVisible();
  await expect(page.getByTestId('survey-report')).toHaveCount(2);
  // Loading the saved survey puts its window back.
  await page.getByRole('button', { name: 'Whole card', exact: true }).click();
  await expect(page.getByLabel('From')).toHaveValue('');
  await shot(page, 'survey-compare');
});

test('the printed report and its PDF hold the numbers', async ({ page }) => {
  await page.goto(at('#/survey'));
  await expect(page.getByTestId('survey-report')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sidebar')).toBeHidden();
  await shot(page, 'survey-print');
  const pdf = path.join(SHOTS, 'survey-report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(`pdftotext (Debian's poppler-utils) is needed to read the PDF back: ${(err as Error).message}`, {
      cause: err,
    });
  }
  expect(text).toContain('Deer survey');
  expect(text).toMatch(new RegExp(`Bucks\\s+${expected.observations.buck}\\b`));
  expect(text).toMatch(new RegExp(`Does\\s+${expected.observations.doe}\\b`));
  expect(text).toMatch(/Jacobson/);
  if (expected.estimate)
    expect(text).toContain((Math.round(expected.estimate.total * 10) / 10).toLocaleString('en-US'));
});
