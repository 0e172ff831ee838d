// One writer per library, across processes: the CLI's write commands, `thumper serve` (its worker writes for it) and
// the desktop app. proper-lockfile holds writer.lock (a folder made atomically, its mtime refreshed every few seconds);
// writer.json beside it says who holds it, so a refused writer can name the holder. Readers never look at either.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { pidAlive, removeDeadTemp } from './deadTemp';

export const LOCK_DIR = 'writer.lock';
export const HOLDER_FILE = 'writer.json';

export interface WriterHolder {
  pid: number;
  host: string;
  /** What the holder is doing, in words ("thumper import", "thumper serve"). */
  what: string;
  /** ISO time the lock was taken. */
  since: string;
  /** The worker process writing for the holder, if any: it must be gone before another writer takes over. */
  worker?: number;
}

export class WriterBusyError extends Error {
  constructor(
    readonly holder: WriterHolder | null,
    root: string,
  ) {
    super(`${describeHolder(holder, root)}; wait for it to finish or stop it, or run again with --wait`);
  }
}

export interface WriterLock {
  holder: WriterHolder;
  release(): Promise<void>;
}

export interface WriterLockOptions {
  /** Wait for the holder to finish instead of refusing at once. */
  wait?: boolean;
  /** Told once, when waiting starts. */
  onWait?: (holder: WriterHolder | null) => void;
  /** How often a waiting writer looks again (ms). */
  pollMs?: number;
}

// A holder refreshes the lock's mtime every UPDATE_MS; one not refreshed for STALE_MS is taken over (a holder on
// another machine, or a frozen one). A holder whose pid is dead on this machine is taken over at once.
const STALE_MS = 10_000;
const UPDATE_MS = 2_000;
// How long a dead holder's worker may take to exit before the lock is left to go stale instead.
const ORPHAN_WAIT_MS = 3_000;

// The locks this process holds, by library root, so the job supervisor can name the worker that writes for it.
const held = new Map<string, (worker: number | undefined) => void>();

/** Records the worker process now writing for this process's lock on `root` (no-op when this process holds none). */
export function trackWriterWorker(root: string, worker: number | undefined): void {
  held.get(path.resolve(root))?.(worker);
}

export function describeHolder(holder: WriterHolder | null, root: string): string {
  if (!holder) return `another Thumper process is writing to the library ${root}`;
  const where = holder.host === os.hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
  return `${holder.what} is writing to the library ${root} (${where}, since ${formatSince(holder.since)})`;
}

function formatSince(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const sameDay = d.toDateString() === new Date().toDateString();
  const time = d.toLocaleTimeString('en-GB', { hour12: false });
  return sameDay ? time : `${d.toISOString().slice(0, 10)} ${time}`;
}

export function readHolder(root: string): WriterHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(path.join(root, HOLDER_FILE), 'utf8')) as WriterHolder;
    return typeof h.pid === 'number' && typeof h.what === 'string' ? h : null;
  } catch {
    return null;
  }
}

function lockOptions(root: string) {
  return { lockfilePath: path.join(root, LOCK_DIR), realpath: false };
}

/**
 * A lock left by a process that died on this machine: make it look stale so proper-lockfile takes it over now. The
 * dead holder's worker may outlive it by a moment (it exits when it notices its parent is gone): that is waited for, so
 * two writers never overlap and its temp files are dead by the time the new writer clears them. A worker still there
 * after ORPHAN_WAIT_MS leaves the lock to go stale the usual way (STALE_MS).
 */
async function expireDeadHolder(root: string): Promise<void> {
  const holder = readHolder(root);
  if (!holder || holder.host !== os.hostname() || holder.pid === process.pid || pidAlive(holder.pid)) return;
  if (holder.worker !== undefined && !(await exits(holder.worker))) return;
  try {
    fs.utimesSync(path.join(root, LOCK_DIR), 0, 0);
  } catch {
    // Gone already: the next attempt takes it normally.
  }
}

/** Whether `pid` exits within ORPHAN_WAIT_MS. Never killed: after a crash the pid may be reused by another program. */
async function exits(pid: number): Promise<boolean> {
  for (let waited = 0; pidAlive(pid); waited += 20) {
    if (waited >= ORPHAN_WAIT_MS) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

async function tryLock(root: string): Promise<(() => Promise<void>) | null> {
  await expireDeadHolder(root);
  try {
    return await lockfile.lock(root, {
      ...lockOptions(root),
      stale: STALE_MS,
      update: UPDATE_MS,
      // Losing the lock (someone removed it by hand, or this process froze past STALE_MS) is reported, not fatal:
      // throwing from proper-lockfile's timer would kill a job half-way.
      onCompromised: (err) => process.stderr.write(`thumper: the library's writer lock was lost: ${err.message}\n`),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return null;
    throw err;
  }
}

/** The holder's name: it writes writer.json just after taking the lock, so give it a moment to appear. */
async function holderOf(root: string): Promise<WriterHolder | null> {
  for (let i = 0; i < 20; i++) {
    const holder = readHolder(root);
    if (holder && (holder.host !== os.hostname() || pidAlive(holder.pid))) return holder;
    await new Promise((r) => setTimeout(r, 25));
  }
  return readHolder(root);
}

/** Takes the library's writer lock, or throws WriterBusyError naming the holder (waits instead with `wait`). */
export async function acquireWriterLock(
  root: string,
  what: string,
  options: WriterLockOptions = {},
): Promise<WriterLock> {
  let release = await tryLock(root);
  if (!release) {
    const holder = await holderOf(root);
    if (!options.wait) throw new WriterBusyError(holder, root);
    options.onWait?.(holder);
    while (!release) {
      await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
      release = await tryLock(root);
    }
  }
  const holder: WriterHolder = { pid: process.pid, host: os.hostname(), what, since: new Date().toISOString() };
  const file = path.join(root, HOLDER_FILE);
  const writeHolder = () => {
    fs.writeFileSync(`${file}.${process.pid}.tmp`, `${JSON.stringify(holder)}\n`);
    fs.renameSync(`${file}.${process.pid}.tmp`, file);
  };
  writeHolder();
  held.set(path.resolve(root), (worker) => {
    holder.worker = worker;
    writeHolder();
  });
  // Temp files of writers that died are this writer's to clear: no live process can be writing them.
  await removeDeadTemp(root);
  let released = false;
  return {
    holder,
    release: async () => {
      if (released) return;
      released = true;
      held.delete(path.resolve(root));
      if (readHolder(root)?.pid === process.pid) fs.rmSync(file, { force: true });
      await release!().catch(() => undefined);
    },
  };
}
