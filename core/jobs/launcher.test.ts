// The fork launcher with the real worker entry: messages both ways, and exit reported once however it ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forkLauncher, WORKER_ENTRY, type WorkerExit } from './launcher';
import type { WorkerMessage } from './protocol';

describe('forkLauncher', () => {
  it('starts the worker, which answers a job it cannot run with an error and exits', async () => {
    if (!fs.existsSync(WORKER_ENTRY))
      throw new Error(`the worker is not built (${WORKER_ENTRY} missing): run npm run build first`);
    const handle = forkLauncher()();
    expect(handle.pid).toBeGreaterThan(0);
    const messages: WorkerMessage[] = [];
    handle.onMessage((m) => messages.push(m));
    const exit = new Promise<WorkerExit>((resolve) => handle.onExit(resolve));
    const missing = path.join(os.tmpdir(), `thumper-no-library-${process.pid}`);
    handle.send({
      type: 'start',
      jobId: 1,
      spec: { kind: 'import', libraryRoot: missing, options: { sources: [missing] } },
      recovery: { poisoned: [], isolate: [], imported: null, photos: { poisoned: [], isolate: [] } },
      paused: false,
    });
    expect(await exit).toEqual({ code: 0, signal: null });
    const error = messages.find((m) => m.type === 'error');
    expect(error).toMatchObject({ type: 'error', cancelled: false });
    expect((error as { message: string }).message).toBe(
      `${missing} does not exist; to make a new library there, add --create`,
    );
  });

  it('reports a killed worker and one that could not start', async () => {
    const handle = forkLauncher()();
    const exit = new Promise<WorkerExit>((resolve) => handle.onExit(resolve));
    handle.kill();
    expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });

    const broken = forkLauncher(path.join(os.tmpdir(), 'no-such-worker.js'))();
    const failed = await new Promise<WorkerExit>((resolve) => broken.onExit(resolve));
    expect(failed.code).not.toBe(0);
  });
});
