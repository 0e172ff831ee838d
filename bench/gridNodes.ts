// Counts the photo grid's DOM nodes in a real browser: serves a library, opens the Photos view in Chromium and
// counts elements at the top, the middle and the end of the grid. Skipped (null) when no Chromium is installed.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/paths';

export interface NodeCount {
  where: string;
  nodes: number;
  cells: number;
}

function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  return null;
}

export async function countGridNodes(libraryDir: string): Promise<NodeCount[] | null> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('\nNo Chromium found: grid DOM count skipped (set CHROMIUM_PATH).');
    return null;
  }
  const { chromium } = await import('@playwright/test');
  const server = spawn(
    process.execPath,
    [path.join(PACKAGE_ROOT, 'bin', 'thumper.js'), 'serve', '--library', libraryDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`serve printed no URL:\n${out}`)), 30_000);
      const onData = (b: Buffer) => {
        out += b.toString();
        const m = /https?:\/\/\S+token=\S+/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
    });
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${url.replace(/#.*$/, '')}#/photos`);
      await page.locator('[data-photo-id]').first().waitFor({ timeout: 30_000 });
      const counts: NodeCount[] = [];
      for (const [where, fraction] of [
        ['top', 0],
        ['middle', 0.5],
        ['end', 1],
      ] as const) {
        await page.getByTestId('virtual-grid').evaluate((el, f) => {
          el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
        }, fraction);
        await page.waitForTimeout(800);
        await page.locator('[data-photo-id]').first().waitFor({ timeout: 30_000 });
        counts.push({
          where,
          nodes: await page.locator('*').count(),
          cells: await page.locator('[role=gridcell]').count(),
        });
      }
      return counts;
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}
