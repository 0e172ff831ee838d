// The Library check panel in the browser: a photo file deleted by hand is found, Repair marks it, and the panel says
// so. Screenshots under test-results/library-check/.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeSyntheticCard } from '../testing/synth';
import { E2E_ENV, ROOT, thumper } from './fixtureLibrary';
import { startServe } from './startServe';

const SHOTS = path.join(ROOT, 'test-results', 'library-check');
const servers: ChildProcess[] = [];

test.afterAll(() => {
  for (const s of servers) s.kill('SIGTERM');
});

test('finds a deleted photo file and repairs the library', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-e2e-check-'));
  const card = makeSyntheticCard(path.join(work, 'card'), 4);
  const library = path.join(work, 'lib');
  thumper('import', card.dir, '--library', library, '--create', '--no-process');
  const photos = (fs.readdirSync(path.join(library, 'photos'), { recursive: true }) as string[]).filter((f) =>
    /\.jpe?g$/i.test(f),
  );
  fs.rmSync(path.join(library, 'photos', photos[0]!));

  const url = await startServe(library, E2E_ENV, servers);
  await page.goto(`${url.replace(/#.*$/, '')}#/import`);
  const panel = page.getByTestId('library-check');
  await panel.getByRole('button', { name: 'Check library' }).click();
  await expect(panel).toContainText('4 photos checked · 1 problem');
  await expect(panel).toContainText('file missing');
  await panel.screenshot({ path: path.join(SHOTS, 'found.png') });
  await panel.getByRole('button', { name: 'Repair' }).click();
  await expect(panel).toContainText('0 problems');
  await expect(panel).toContainText('(repaired)');
  await panel.screenshot({ path: path.join(SHOTS, 'repaired.png') });
});
