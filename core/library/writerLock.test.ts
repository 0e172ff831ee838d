// The writer lock across real processes: a child holds it (built dist/), this process tries to take it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../paths';
import { openLibrary } from './library';
import { pidAlive } from './deadTemp';
import { acquireWriterLock, readHolder, WriterBusyError } from './writerLock';

const BUILT = path.join(PACKAGE_ROOT, 'dist', 'core', 'library', 'writerLock.js');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function library(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-lock-'));
  dirs.push(dir);
  openLibrary(dir, { create: true }).close();
  return dir;
}

/**
 * A child process that takes the lock, says "locked", and releases it after `holdMs` (never when omitted). With
 * `workerMs`, it first starts a worker of its own that lives that long and has a temp folder, as a job's worker does.
 */
function holder(root: string, holdMs?: number, workerMs?: number): Promise<ChildProcess> {
  const script = `
    const { acquireWriterLock, trackWriterWorker } = require(${JSON.stringify(BUILT)});
    acquireWriterLock(${JSON.stringify(root)}, 'thumper import').then((lock) => {
      ${
        workerMs === undefined
          ? ''
          : `const worker = require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, ${workerMs})']);
      require('node:fs').mkdirSync(${JSON.stringify(root)} + '/tmp/' + worker.pid + '-run', { recursive: true });
      trackWriterWorker(${JSON.stringify(root)}, worker.pid);`
      }
      process.stdout.write('locked\\n');
      ${holdMs === undefined ? 'setInterval(() => {}, 1000);' : `setTimeout(() => lock.release(), ${holdMs});`}
    });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('writer lock', () => {
  it('refuses a second writer at once, naming the holder, while readers go on', async () => {
    const root = library();
    const child = await holder(root);
    const started = Date.now();
    const err = await acquireWriterLock(root, 'thumper process').catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err).toBeInstanceOf(WriterBusyError);
    expect((err as Error).message).toContain(
      `thumper import is writing to the library ${root} (pid ${child.pid}, since`,
    );
    expect((err as Error).message).toContain('--wait');
    const reader = openLibrary(root);
    expect(reader.db.$client.prepare('SELECT count(*) AS n FROM images').get()).toEqual({ n: 0 });
    reader.close();
  });

  it('waits with --wait and says whom it waits for', async () => {
    const root = library();
    const child = await holder(root, 1200);
    const waitedFor: number[] = [];
    const lock = await acquireWriterLock(root, 'thumper process', {
      wait: true,
      pollMs: 100,
      onWait: (h) => waitedFor.push(h!.pid),
    });
    expect(waitedFor).toEqual([child.pid]);
    expect(readHolder(root)).toMatchObject({ pid: process.pid, what: 'thumper process' });
    await lock.release();
    expect(readHolder(root)).toBeNull();
  });

  it('takes over at once from a killed holder and clears its temp files and WebP thumbnails of older versions', async () => {
    const root = library();
    const child = await holder(root);
    const deadTmp = path.join(root, 'tmp', `${child.pid}-abc`);
    fs.mkdirSync(deadTmp, { recursive: true });
    fs.writeFileSync(path.join(deadTmp, 'x.part'), 'partial');
    const bucket = path.join(root, 'cache', 'thumbs', '0');
    fs.mkdirSync(bucket, { recursive: true });
    fs.writeFileSync(path.join(bucket, `7.jpg.${child.pid}.k3j.tmp`), 'partial');
    fs.writeFileSync(path.join(bucket, '7.jpg'), 'kept');
    fs.writeFileSync(path.join(bucket, '6.webp'), 'a thumbnail of a version before JPEG');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const started = Date.now();
    const lock = await acquireWriterLock(root, 'thumper process');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fs.existsSync(deadTmp)).toBe(false);
    expect(fs.readdirSync(bucket)).toEqual(['7.jpg']);
    await lock.release();
  });

  it("waits for a killed holder's worker to exit before taking over, then clears the worker's temp files", async () => {
    const root = library();
    const child = await holder(root, undefined, 1500);
    const worker = readHolder(root)!.worker!;
    expect(worker).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const lock = await acquireWriterLock(root, 'thumper process');
    expect(pidAlive(worker), "the dead holder's worker is gone before the lock is taken").toBe(false);
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
    await lock.release();
  });
});
