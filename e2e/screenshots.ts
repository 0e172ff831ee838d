// Screenshots for people to look at (test-results/<view>/). One is taken once every image on screen has loaded and
// faded in, so a slow CI runner saves the same picture as a fast machine instead of grey placeholders.
import path from 'node:path';
import type { Page } from '@playwright/test';

/** Longer than the thumbnails' opacity transition (renderer/src/styles/app.css). */
const FADE_IN_MS = 400;

/** A `shot(page, name)` that saves `name.png` in `folder`. */
export function screenshotsIn(folder: string, options: { fullPage?: boolean } = {}) {
  return async (page: Page, name: string): Promise<void> => {
    await page.waitForFunction(
      () =>
        [...document.images].every((i) => {
          const r = i.getBoundingClientRect();
          const onScreen = r.width > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
          // A lazy image under another element (scrolled out of a filmstrip) never loads, and need not.
          const seen = i.loading !== 'lazy' || document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === i;
          return i.complete || !onScreen || !seen;
        }),
      undefined,
      { timeout: 15_000 },
    );
    await page.waitForTimeout(FADE_IN_MS);
    await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: options.fullPage });
  };
}
