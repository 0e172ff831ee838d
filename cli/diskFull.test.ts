// A full disk during `thumper process`, on a real tmpfs (needs root, as CI runs): exit 1 with one line saying what,
// where and the space free, no stack; after freeing space a rerun finishes and equals a clean run, and no temp files
// remain.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLibrary } from '../core/library/check';
import { openLibrary } from '../core/library/library';
import { PACKAGE_ROOT } from '../core/paths';
import { modelsDir } from '../testing/fixtures';
import { makeSyntheticCard } from '../testing/synth';

const CLI = path.join(PACKAGE_ROOT, 'bin', 'thumper.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-full-'));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) execFileSync('umount', ['-l', m]);
  fs.rmSync(work, { recursive: true, force: true });
});

const thumper = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const processArgs = (lib: string) => [
  'process',
  '--library',
  lib,
  '--models',
  modelsDir(),
  '--provider',
  'cpu',
  '--json',
];

function states(lib: string) {
  const library = openLibrary(lib);
  const rows = library.db.$client.prepare('SELECT file_name, state FROM images ORDER BY file_name').all();
  const boxes = library.db.$client.prepare('SELECT count(*) AS n FROM detections').get();
  library.close();
  return { rows, boxes };
}

describe('a full disk during processing', () => {
  it('ends with one line, keeps the work, and a rerun after freeing space equals a clean run', async () => {
    if (process.getuid?.() !== 0) throw new Error('this test mounts a tmpfs to fill a real disk: run it as root');
    const disk = path.join(work, 'mnt');
    fs.mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', disk]);
    mounts.push(disk);
    const card = makeSyntheticCard(path.join(work, 'card'), 8);
    const lib = path.join(disk, 'lib');
    const clean = path.join(work, 'clean');
    for (const l of [lib, clean])
      expect(thumper('import', card.dir, '--library', l, '--create', '--no-process').status).toBe(0);

    // Leave too little room for the thumbnails, previews and rows that processing writes.
    const { bavail, bsize } = fs.statfsSync(disk);
    const filler = path.join(disk, 'filler');
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 96 * 1024)));
    const full = thumper(...processArgs(lib));
    expect(full.status).toBe(1);
    const lines = full.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^thumper process: .*disk is full.*free there; what was done is kept/);
    expect(full.stderr).not.toMatch(/\n\s+at /);

    fs.rmSync(filler);
    const rerun = thumper(...processArgs(lib));
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(thumper(...processArgs(clean)).status).toBe(0);
    expect(states(lib)).toEqual(states(clean));
    const library = openLibrary(lib);
    expect((await checkLibrary(library)).problems).toEqual([]);
    library.close();
    expect(fs.readdirSync(path.join(lib, 'tmp'))).toEqual([]);
  }, 240_000);
});
