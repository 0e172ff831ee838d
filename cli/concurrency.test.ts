// Concurrent writers through real processes (the built CLI and serve): two imports of one card, two imports of
// different cards, a CLI import during a serve import, two `process` runs at once. Every round: no photo lost, no
// healthy photo failed, a refused writer names the holder, and `thumper check` passes afterwards.
// Rounds per case: THUMPER_STRESS_ROUNDS, default 8 as the issue asks (about 95 s on 2 quiet cores).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApi, wsTransport, type EventPayload } from '../core/contract';
import { openLibrary } from '../core/library/library';
import { PACKAGE_ROOT } from '../core/paths';
import { modelsDir, otherSpeciesDir } from '../testing/fixtures';
import { makeSyntheticCard } from '../testing/synth';

const CLI = path.join(PACKAGE_ROOT, 'bin', 'thumper.js');
const ROUNDS = Number(process.env.THUMPER_STRESS_ROUNDS ?? 8);
const HOLDER =
  /is writing to the library .* \(pid \d+, since [\d:]+\); wait for it to finish or stop it, or run again with --wait\n$/;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-stress-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function thumper(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let serial = 0;
const fresh = (name: string) => path.join(work, `${name}-${serial++}`);

function newLibrary(): string {
  const lib = fresh('lib');
  openLibrary(lib, { create: true }).close();
  return lib;
}

/** Every photo of the cards is in the library, healthy, with its file. */
function expectWhole(lib: string, photos: number): void {
  const library = openLibrary(lib);
  const rows = library.db.$client.prepare('SELECT state, path FROM images').all() as { state: string; path: string }[];
  library.close();
  expect(rows.filter((r) => r.state === 'failed')).toEqual([]);
  expect(rows.length).toBe(photos);
  for (const r of rows) expect(fs.existsSync(path.join(lib, r.path))).toBe(true);
}

async function expectCheckPasses(lib: string): Promise<void> {
  const check = await thumper('check', '--library', lib);
  expect(check.code, check.stdout + check.stderr).toBe(0);
}

/** Either it ran (0) or it was refused at once with one line naming the holder (1). */
function expectRanOrRefused(run: Run, holder: string): boolean {
  if (run.code === 0) return true;
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(new RegExp(`^thumper [a-z]+: ${holder} ${HOLDER.source}`));
  return false;
}

describe('one writer per library, under concurrent use', () => {
  it(`two imports of the same card at once (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const card = makeSyntheticCard(fresh('card'), 24);
      const lib = newLibrary();
      const args = ['import', card.dir, '--library', lib, '--no-process', '--json'];
      const runs = await Promise.all([thumper(...args), thumper(...args)]);
      const ran = runs.filter((r) => expectRanOrRefused(r, 'thumper import'));
      expect(ran.length).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(ran[0]!.stdout)).toMatchObject({ failed: 0 });
      expectWhole(lib, 24);
      await expectCheckPasses(lib);
    }
  }, 120_000);

  it(`two imports of different cards at once, the refused one run again with --wait (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const cards = [makeSyntheticCard(fresh('card'), 12), makeSyntheticCard(fresh('card'), 12, otherSpeciesDir())];
      const lib = newLibrary();
      const args = (dir: string) => ['import', dir, '--library', lib, '--no-process', '--json'];
      const runs = await Promise.all(cards.map((c) => thumper(...args(c.dir))));
      for (const [i, run] of runs.entries()) {
        if (expectRanOrRefused(run, 'thumper import')) continue;
        const again = await thumper(...args(cards[i]!.dir), '--wait');
        expect(again.code, again.stderr).toBe(0);
      }
      expectWhole(lib, 24);
      await expectCheckPasses(lib);
    }
  }, 120_000);

  it(`a CLI import while serve imports is refused naming serve (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const card = makeSyntheticCard(fresh('card'), 24);
      const lib = newLibrary();
      const serve = spawn(process.execPath, [CLI, 'serve', '--library', lib, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        const appUrl = new URL(
          await new Promise<string>((r) => serve.stdout!.once('data', (d) => r(String(d).trim()))),
        );
        const transport = wsTransport({
          origin: appUrl.origin,
          token: appUrl.searchParams.get('token')!,
          connect: (u) => new WebSocket(u) as never,
        });
        const api = createApi(transport);
        const finished = new Promise<EventPayload<'job.finished'>>((r) => api.on('job.finished', r));
        await api.call('import.start', { sources: [card.dir], process: false });
        const cli = await thumper('import', card.dir, '--library', lib, '--no-process');
        expect(cli.code).toBe(1);
        expect(cli.stderr).toMatch(new RegExp(`^thumper import: thumper serve ${HOLDER.source}`));
        const end = await finished;
        expect(end).toMatchObject({ status: 'done', error: null });
        expect(end.summary.imported).toBe(24);
        transport.close();
      } finally {
        serve.kill('SIGTERM');
        await new Promise((r) => serve.once('exit', r));
      }
      expectWhole(lib, 24);
      await expectCheckPasses(lib);
    }
  }, 120_000);

  it(`two process runs at once (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const card = makeSyntheticCard(fresh('card'), 6);
      const lib = newLibrary();
      const imported = await thumper('import', card.dir, '--library', lib, '--no-process');
      expect(imported.code, imported.stderr).toBe(0);
      const args = ['process', '--library', lib, '--models', modelsDir(), '--provider', 'cpu', '--json'];
      const runs = await Promise.all([thumper(...args), thumper(...args)]);
      for (const run of runs)
        if (expectRanOrRefused(run, 'thumper process')) expect(JSON.parse(run.stdout).failed).toBe(0);
      const library = openLibrary(lib);
      const states = library.db.$client.prepare('SELECT DISTINCT state FROM images').all();
      library.close();
      expect(states).toEqual([{ state: 'done' }]);
      expectWhole(lib, 6);
      await expectCheckPasses(lib);
    }
  }, 180_000);
});
