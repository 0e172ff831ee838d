// `thumper import` takes the app's worker path: the built CLI (dist/cli/main.js, npm test builds first) runs the job
// in a supervised, forked worker, so a card file or a photo that kills the worker (THUMPER_TEST_CRASH, as a native
// crash would) is isolated, recorded as failed with the reason, and the rest is imported and processed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../core/library/library';
import { PACKAGE_ROOT } from '../../core/paths';
import { modelsDir } from '../../testing/fixtures';
import { makeSyntheticCard } from '../../testing/synth';

const BUILT = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-cli-crash-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Summary {
  imported: number;
  processed: number;
  failed: number;
  duplicates: number;
  failures: { file: string; reason: string }[];
}

function thumperImport(card: string, lib: string, crash: string, ...more: string[]) {
  if (!fs.existsSync(BUILT)) throw new Error(`the CLI is not built (${BUILT} missing): run npm run build first`);
  const env = { ...process.env, THUMPER_TEST_CRASH: crash, THUMPER_MODELS_DIR: modelsDir() };
  const run = spawnSync(process.execPath, [BUILT, 'import', card, '--library', lib, '--create', '--json', ...more], {
    env,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return { summary: JSON.parse(run.stdout) as Summary, stderr: run.stderr };
}

function states(lib: string): Record<string, { state: string; error: string | null }> {
  const library = openLibrary(lib);
  try {
    const rows = library.db.$client.prepare('SELECT file_name AS name, state, error FROM images').all() as {
      name: string;
      state: string;
      error: string | null;
    }[];
    return Object.fromEntries(rows.map((r) => [r.name, { state: r.state, error: r.error }]));
  } finally {
    library.close();
  }
}

describe('thumper import in a supervised worker', () => {
  it('isolates and records a card file that crashes the worker, and imports the rest', () => {
    const card = makeSyntheticCard(path.join(work, 'card-a'), 12);
    const lib = path.join(work, 'lib-a');
    const { summary, stderr } = thumperImport(card.dir, lib, 'file:IMG_00004.JPG', '--no-process');

    expect(summary).toMatchObject({ imported: 11, failed: 1, duplicates: 0 });
    expect(summary.failures.map((f) => path.basename(f.file))).toEqual(['IMG_00004.JPG']);
    expect(stderr).toMatch(/the worker process was killed \(SIGKILL\): started a new worker, the job goes on/);
    const rows = states(lib);
    expect(Object.keys(rows)).toHaveLength(12);
    expect(rows['IMG_00004.JPG']).toEqual({
      state: 'failed',
      error: expect.stringMatching(/^reading this file crashed the worker twice, also when read alone/),
    });
    expect(Object.values(rows).filter((r) => r.state === 'imported')).toHaveLength(11);
  });

  it('isolates and records a photo that crashes the worker in processing, and processes the rest', () => {
    const card = makeSyntheticCard(path.join(work, 'card-b'), 6);
    const lib = path.join(work, 'lib-b');
    const { summary } = thumperImport(card.dir, lib, 'photo:IMG_00002.JPG', '--provider', 'cpu');

    // A photo that failed in processing counts as failed, not imported (as the app's summary counts it).
    expect(summary).toMatchObject({ imported: 5, processed: 5, failed: 1, duplicates: 0 });
    expect(summary.failures.map((f) => path.basename(f.file))).toEqual(['IMG_00002.JPG']);
    const rows = states(lib);
    expect(rows['IMG_00002.JPG']).toEqual({
      state: 'failed',
      error: expect.stringMatching(/^processing this photo crashed the worker twice, also when processed alone/),
    });
    expect(Object.values(rows).filter((r) => r.state === 'done')).toHaveLength(5);
  });
});
