import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

// Browser tests run in Debian's Chromium (Playwright cannot download its own browsers here).
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH');
}

export default defineConfig({
  testDir: 'e2e',
  globalTeardown: './e2e/globalTeardown.ts',
  outputDir: 'test-results/playwright',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
