// The review desk, the galleries and the profile in `thumper serve` on the processed deer fixture card, in Debian's
// Chromium: a keyboard-only review (decisions, buck/doe/fawn, undo back to the undone pair), both full photos zoomed,
// the queue's place never beyond its count, the species key moving an individual to Other animals and back, and
// screenshots of gallery, profile and desk at 1440×900 in light and dark under test-results/review/.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ENV, processedFixtureLibrary, ROOT } from './fixtureLibrary';
import { startServe } from './startServe';
import { screenshotsIn } from './screenshots';

const SHOTS = path.join(ROOT, 'test-results', 'review');
const servers: ChildProcess[] = [];
const dirs: string[] = [];
let baseUrl = '';

const at = (hash: string) => `${baseUrl.replace(/#.*$/, '')}${hash}`;

const shot = screenshotsIn(SHOTS);

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => localStorage.setItem('thumper.theme', t), theme);
}

/** The desk's place in the queue, read from the screen: "Pair 2 of 14 · candidate 1 of 3". */
async function position(page: Page) {
  const text = (await page.getByTestId('review-rank').textContent()) ?? '';
  const m = /Pair (\d+) of (\d+)(?: · candidate (\d+) of (\d+))?/.exec(text);
  expect(m, `rank text "${text}"`).not.toBeNull();
  return { pair: Number(m![1]), pairs: Number(m![2]), candidate: Number(m![3] ?? 1), candidates: Number(m![4] ?? 1) };
}

async function expectPlaceWithinCount(page: Page, after: string): Promise<void> {
  const p = await position(page);
  expect(p.pair, `pair after ${after}`).toBeGreaterThanOrEqual(1);
  expect(p.pair, `pair after ${after}`).toBeLessThanOrEqual(p.pairs);
  expect(p.candidate, `candidate after ${after}`).toBeLessThanOrEqual(p.candidates);
}

/**
 * What the desk shows: the pair's suggestion id, "empty" when nothing is left to review, or null while it waits for
 * the server (read at once; a locator would wait for a pair that may never come).
 */
const pairId = (page: Page) =>
  page.evaluate(() => {
    if (document.querySelector('.desk-body[aria-busy=true]')) return null;
    const pair = document.querySelector('[data-testid=review-pair]')?.getAttribute('data-suggestion-id');
    return pair ?? (document.querySelector('[data-testid=view-review] .empty-state') ? 'empty' : null);
  });
/**
 * What the desk shows once the server has answered, other than `previous`: a pair's suggestion id or "empty". Keys
 * pressed before that land on the pairs of a page about to be re-made, so the pairs left would depend on timing.
 */
async function settledDesk(page: Page, previous?: string): Promise<string> {
  let shown: string | null = null;
  await expect.poll(async () => (shown = await pairId(page)) !== null && shown !== previous).toBe(true);
  return shown!;
}
/**
 * Marks the individual on one side of the desk with a sex/age key and waits until the desk shows the result: that
 * side checked, or another pair when the mark ruled this one out. The next key waits for it, as the desk resets to
 * the query side when its pair changes.
 */
async function markSexAge(page: Page, role: 'query' | 'candidate', key: string, sexAge: string): Promise<void> {
  const side = page.getByTestId(`review-${role}`);
  if (!(await side.evaluate((e) => e.classList.contains('active')))) await page.keyboard.press('Space');
  await expect(side).toHaveClass(/\bactive\b/);
  const pair = await pairId(page);
  const marked = await side.getAttribute('data-individual-id');
  await page.keyboard.press(key);
  await expect(page.getByTestId('toast')).toContainText(`marked ${sexAge}`);
  await expect
    .poll(async () => {
      const shown = await pairId(page);
      if (shown === null) return false;
      if (shown !== pair) return true;
      const checked = page.locator(
        `[data-testid=review-${role}][data-individual-id="${marked}"] [data-testid=${role}-sexage-${sexAge}]`,
      );
      return (await checked.count()) === 1 && (await checked.getAttribute('aria-checked')) === 'true';
    })
    .toBe(true);
}
const scale = async (page: Page, role: 'query' | 'candidate') =>
  Number(await page.getByTestId(`${role}-photo`).getByTestId('zoom-pane').getAttribute('data-scale'));

/** The fitted scale once layout has settled (read too early, it is the scale before the pane took its size). */
async function settledScale(page: Page, role: 'query' | 'candidate'): Promise<number> {
  let last = await scale(page, role);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const now = await scale(page, role);
    if (now === last) return now;
    last = now;
  }
  return last;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const library = processedFixtureLibrary();
  dirs.push(library);
  baseUrl = await startServe(library, E2E_ENV, servers);
});

test.afterAll(() => {
  for (const s of servers) s.kill();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test('gallery, profile and review desk in light and dark', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.goto(at('#/deer'));
    await setTheme(page, theme);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.locator('.deer-card[data-individual-id]').first()).toBeVisible();
    // The Deer gallery lists deer only.
    for (const species of await page
      .locator('.deer-card')
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.species)))
      expect(species).toBe('deer');
    await shot(page, `gallery-${theme}`);

    await page.locator('.deer-card[data-individual-id]').first().click();
    await expect(page.getByTestId('view-profile')).toBeVisible();
    await expect(page.getByTestId('possibly-same')).toBeVisible();
    await expect(page.getByTestId('possibly-same').locator('.ps-reasons li').first()).toBeVisible();
    await shot(page, `profile-${theme}`);

    await page.goto(at('#/review'));
    await expect(page.getByTestId('review-pair')).toBeVisible();
    await expect(page.getByTestId('query-photo').getByTestId('viewer-box')).toBeVisible();
    await expect(page.getByTestId('candidate-photo').getByTestId('viewer-box')).toBeVisible();
    await expect(page.getByTestId('review-reasons').locator('li').first()).toBeVisible();
    await shot(page, `desk-${theme}`);
  }
});

test('both full photos zoom together on their own deer, and apart when unlinked', async ({ page }) => {
  await page.goto(at('#/review'));
  await expect(page.getByTestId('review-pair')).toBeVisible();
  await expect(page.getByTestId('candidate-photo').getByTestId('viewer-box')).toBeVisible();
  const fitQ = await settledScale(page, 'query');
  const fitC = await settledScale(page, 'candidate');
  // One press at a time, as a person sees each step (four quick presses once zoomed three steps on a loaded CI).
  for (let i = 1; i <= 4; i++) {
    await page.keyboard.press('+');
    await expect.poll(() => scale(page, 'query')).toBeGreaterThan(fitQ * 1.2 ** i);
  }
  await expect.poll(() => scale(page, 'query')).toBeGreaterThan(fitQ * 2);
  await expect.poll(() => scale(page, 'candidate')).toBeGreaterThan(fitC * 2);
  // Each box stays in view: zooming goes to the deer, not to the middle of the photo.
  for (const role of ['query', 'candidate'] as const) {
    const pane = (await page.getByTestId(`${role}-photo`).getByTestId('zoom-pane').boundingBox())!;
    const box = (await page.getByTestId(`${role}-photo`).getByTestId('viewer-box').boundingBox())!;
    const cx = box.x + box.width / 2;
    expect(cx).toBeGreaterThan(pane.x);
    expect(cx).toBeLessThan(pane.x + pane.width);
  }
  await shot(page, 'desk-zoomed');

  // Unlinked, - zooms only the active photo; Space makes the other one active.
  await page.keyboard.press('0');
  await page.keyboard.press('l');
  await expect(page.getByTestId('review-link-zoom')).toHaveAttribute('aria-pressed', 'false');
  const q0 = await scale(page, 'query');
  const c0 = await scale(page, 'candidate');
  await page.keyboard.press('Space');
  await page.keyboard.press('+');
  await expect.poll(() => scale(page, 'candidate')).toBeGreaterThan(c0 * 1.2);
  expect(await scale(page, 'query')).toBeCloseTo(q0, 3);
});

test('a keyboard-only review: ten decisions, buck/doe/fawn, undo back to the pair, place never beyond the count', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(at('#/review'));
  await expect(page.getByTestId('review-pair')).toBeVisible();
  await expectPlaceWithinCount(page, 'opening');
  const total = (await position(page)).pairs;

  // The report's sequence: → → ← n n once read "Rank #4 of 3".
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp']) {
    await page.keyboard.press(key);
    await expectPlaceWithinCount(page, key);
  }

  // Buck on the query side, then doe and fawn on the candidate side (Space makes it the active one). A mark that
  // rules the pair out (a buck is not a doe) takes it off the desk, and the next pair starts on its query side.
  await markSexAge(page, 'query', 'b', 'buck');
  await markSexAge(page, 'candidate', 'd', 'doe');
  await markSexAge(page, 'candidate', 'f', 'fawn');
  await expectPlaceWithinCount(page, 'b d f');

  // Ten decisions by key, with undo in between; each moves on to another pair.
  const keys = ['n', 'n', 's', 'n', 'y', 'n', 's', 'n', 'n', 'y'];
  let decided = 0;
  for (const [i, key] of keys.entries()) {
    const before = await settledDesk(page);
    if (before === 'empty') break;
    await page.keyboard.press(key);
    decided++;
    if ((await settledDesk(page, before)) === 'empty') break;
    await expectPlaceWithinCount(page, `decision ${i + 1} (${key})`);
    if (i === 4) {
      // Undo the merge just made: the desk returns to that pair and says what it undid; decided again, the other way.
      await page.keyboard.press('u');
      await expect(page.getByTestId('toast')).toContainText('Undone: the merge of');
      await expect.poll(() => pairId(page)).toBe(before);
      await expectPlaceWithinCount(page, 'undo');
      await page.keyboard.press('n');
      await settledDesk(page, before);
    }
  }
  expect(decided).toBe(10);
  await shot(page, 'desk-after-review');

  // The header Undo still works after navigating away and back.
  await page.goto(at('#/deer'));
  await page.goto(at('#/review'));
  await expect(page.getByTestId('header-undo')).toBeEnabled();
  await page.getByTestId('header-undo').click();
  await expect(page.getByTestId('toast')).toContainText('Undone:');
  expect(total).toBeGreaterThan(0);
});

test('the species key moves an individual to Other animals, and undo moves it back', async ({ page }) => {
  await page.goto(at('#/deer'));
  const card = page.locator('.deer-card[data-individual-id]').first();
  await expect(card).toBeVisible();
  const id = await card.getAttribute('data-individual-id');
  await card.click({ modifiers: ['Control'] });
  await page.keyboard.press('s');
  await expect(page.getByTestId('species-picker')).toBeVisible();
  await page.getByTestId('species-name').fill('fox');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast')).toContainText('fox');
  await expect(page.locator(`.deer-card[data-individual-id="${id}"]`)).toHaveCount(0);

  await page.getByRole('link', { name: /Other animals/ }).click();
  await expect(page.getByTestId('view-others')).toBeVisible();
  await expect(page.locator(`.deer-card[data-individual-id="${id}"]`)).toBeVisible();
  await shot(page, 'other-animals');

  await page.locator(`.deer-card[data-individual-id="${id}"]`).click();
  await expect(page.getByTestId('profile-species')).toHaveText('fox');
  await page.getByTestId('header-undo').click();
  await expect(page.getByTestId('toast')).toContainText('Undone:');
  await expect(page.getByTestId('profile-species')).toHaveText('deer');
  await page.goto(at('#/deer'));
  await expect(page.locator(`.deer-card[data-individual-id="${id}"]`)).toBeVisible();
});

test("b d f u set sex/age on the viewer's selected box and on selected crops of a profile", async ({ page }) => {
  await page.goto(at('#/deer'));
  await page.locator('.deer-card[data-individual-id]').first().click();
  await expect(page.getByTestId('view-profile')).toBeVisible();
  const crops = page.locator('[data-detection-id]');
  await expect(crops.nth(1)).toBeVisible();
  await crops.nth(0).click({ modifiers: ['Control'] });
  await crops.nth(1).click({ modifiers: ['Control'] });
  await page.keyboard.press('f');
  await expect(page.getByTestId('toast')).toContainText('2 crops: fawn');
  // With no crop selected the key sets the individual's class (a key pressed while the crops still show selected
  // applies to them, as it should).
  await expect(page.locator('[data-detection-id].selected')).toHaveCount(0);
  await page.keyboard.press('b');
  await expect(page.getByTestId('toast')).toContainText(': buck');
  await expect(page.locator('.view-subtitle')).toContainText('buck');

  await crops.nth(0).dblclick();
  await expect(page.getByTestId('view-viewer')).toBeVisible();
  await expect(page.getByTestId('selected-box')).toBeVisible();
  await expect(page.getByTestId('box-sexage')).toHaveValue('fawn');
  await page.keyboard.press('d');
  await expect(page.getByTestId('toast')).toContainText('Box marked doe');
  await expect(page.getByTestId('box-sexage')).toHaveValue('doe');
  await page.keyboard.press('u');
  await expect(page.getByTestId('box-sexage')).toHaveValue('unknown');
});
