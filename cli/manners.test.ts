// CLI manners through the built command line: one-line errors (stacks only with --debug), a missing source refused,
// human text by default and --json everywhere, quiet on a closed pipe, a full disk said in one line with the space.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../core/library/library';
import { PACKAGE_ROOT } from '../core/paths';
import { describeFailure } from './failureLine';

const CLI = path.join(PACKAGE_ROOT, 'bin', 'thumper.js');
let work: string;
let lib: string;

const thumper = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-manners-'));
  lib = path.join(work, 'lib');
  openLibrary(lib, { create: true }).close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('CLI manners', () => {
  it('refuses a source that does not exist with one line and exit 1', () => {
    const r = thumper('import', '/no/such/folder', '--library', lib, '--no-process');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('thumper import: no such file or folder: /no/such/folder\n');
  });

  it('skips a FIFO given as the source at once, recording the reason', () => {
    const fifo = path.join(work, 'IMG_0001.JPG');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = thumper('import', fifo, '--library', lib, '--no-process');
    expect(r.status, r.stderr).toBe(0);
    const library = openLibrary(lib);
    const skipped = library.db.$client.prepare('SELECT source_path, reason FROM skipped_files').all();
    library.close();
    expect(skipped).toEqual([{ source_path: fifo, reason: 'a named pipe (FIFO), not a photo file' }]);
    fs.rmSync(fifo);
  });

  it('prints errors in one line, with the stack only under --debug', () => {
    const plain = thumper('stats', '--library', path.join(work, 'nothing'));
    expect(plain.status).toBe(1);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(plain.stderr).toContain('does not exist; to make a new library there, add --create');
    const debug = thumper('stats', '--library', path.join(work, 'nothing'), '--debug');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('never makes a library implicitly where one lost its database: stats, serve and import say so', () => {
    const orphan = path.join(work, 'orphan');
    fs.mkdirSync(path.join(orphan, 'photos'), { recursive: true });
    for (const args of [['stats'], ['serve', '--port', '0'], ['import', work, '--no-process']]) {
      const r = thumper(...args, '--library', orphan);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${orphan} has a photos/ folder but no thumper.db: its database is missing`);
    }
    expect(fs.existsSync(path.join(orphan, 'thumper.db'))).toBe(false);
  });

  it('makes a library only with --create, also in an empty or new folder', () => {
    const empty = fs.mkdtempSync(path.join(work, 'empty-'));
    const missing = path.join(work, 'not-yet');
    for (const [dir, said] of [
      [empty, 'is not a Thumper library (no thumper.db there); to make a new library there, add --create'],
      [missing, 'does not exist; to make a new library there, add --create'],
    ] as const) {
      for (const args of [
        ['serve', '--port', '0'],
        ['import', work, '--no-process'],
      ]) {
        const r = thumper(...args, '--library', dir);
        expect(r.status).toBe(1);
        expect(r.stderr).toBe(`thumper ${args[0]}: ${dir} ${said}\n`);
      }
      expect(fs.existsSync(path.join(dir, 'thumper.db'))).toBe(false);
    }
    const card = fs.mkdtempSync(path.join(work, 'card-'));
    const created = thumper('import', card, '--library', missing, '--create', '--no-process');
    expect(created.status, created.stderr).toBe(0);
    expect(fs.existsSync(path.join(missing, 'thumper.db'))).toBe(true);
  });

  it('prints stats as text by default and as JSON with --json; export takes --json', () => {
    const text = thumper('stats', '--library', lib);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^photos +0 \(0 done, 0 waiting, 0 failed\)$/m);
    expect(JSON.parse(thumper('stats', '--library', lib, '--json').stdout).images.total).toBe(0);
    const out = path.join(work, 'md.json');
    const exported = thumper('export', '--library', lib, '--format', 'megadetector', '--out', out, '--json');
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ format: 'megadetector', out });
  });

  it('ends quietly when stdout is closed early (| head)', async () => {
    const child = spawn(process.execPath, [CLI, 'stats', '--library', lib], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const code = await new Promise((r) => child.on('close', r));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('says a full disk in one line: what, where and the space free', () => {
    const err = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const line = describeFailure(err, lib);
    expect(line).toMatch(new RegExp(`^the library's disk is full \\(${lib}\\); [\\d.]+ [KMGT]?B(ytes)? free there; `));
    expect(line).toContain('run the command again');
    // The same words coming back from a worker as a job's error text.
    const fromWorker = describeFailure(new Error(`the library's disk is full (${lib}/thumper.db)`), lib);
    expect(fromWorker).toMatch(/free there; what was done is kept/);
  });
});
