// The supervisor with real forked workers (the built dist/worker/main.js; npm test builds first) importing real
// photo files into a real library.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../library/library';
import { modelsDir } from '../../testing/fixtures';
import { makeSyntheticCard } from '../../testing/synth';
import { forkLauncher, WORKER_ENTRY, type Launcher, type WorkerHandle } from './launcher';
import type { ProgressSnapshot } from './progress';
import type { WorkerMessage } from './protocol';
import { Supervisor, type JobFinished } from './supervisor';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup(photos: number, env: NodeJS.ProcessEnv = process.env) {
  if (!fs.existsSync(WORKER_ENTRY))
    throw new Error(`the worker is not built (${WORKER_ENTRY} missing): run npm run build first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-supervisor-'));
  const card = makeSyntheticCard(path.join(work, 'card'), photos);
  const library: Library = openLibrary(path.join(work, 'lib'), { create: true });
  const workers: WorkerHandle[] = [];
  /** See every worker's messages before the supervisor does (to kill a worker at an exact point). */
  const taps: ((message: WorkerMessage, worker: WorkerHandle) => void)[] = [];
  const fork = forkLauncher(WORKER_ENTRY, env);
  const launcher: Launcher = () => {
    const handle = fork();
    workers.push(handle);
    handle.onMessage((m) => taps.forEach((tap) => tap(m, handle)));
    return handle;
  };
  const supervisor = new Supervisor({ launcher, library });
  cleanups.push(() => {
    supervisor.dispose();
    library.close();
    fs.rmSync(work, { recursive: true, force: true });
  });
  const finished = new Promise<JobFinished>((resolve) => supervisor.on('finished', resolve));
  return { work, card, library, workers, taps, supervisor, finished };
}

const copied = (s: ProgressSnapshot) => s.stages.find((st) => st.stage === 'copy')?.done ?? 0;

function libraryContents(library: Library) {
  const rows = library.db.$client
    .prepare('SELECT sha256, path, source_path AS sourcePath, state, error FROM images ORDER BY source_path')
    .all() as {
    sha256: string | null;
    path: string | null;
    sourcePath: string;
    state: string;
    error: string | null;
  }[];
  const files = (fs.readdirSync(library.photosDir, { recursive: true }) as string[]).filter((f) =>
    fs.statSync(path.join(library.photosDir, f)).isFile(),
  );
  // Temp files of every run (each has a folder of its own under tmp/), none of which may stay behind.
  const tmpRoot = path.join(library.root, 'tmp');
  const tmp = fs.existsSync(tmpRoot)
    ? (fs.readdirSync(tmpRoot, { recursive: true }) as string[]).filter((f) =>
        fs.statSync(path.join(tmpRoot, f)).isFile(),
      )
    : [];
  return { rows, files, tmp };
}

describe('Supervisor', () => {
  it('restarts a worker killed mid-import; the job completes with nothing lost or doubled', async () => {
    // Enough photos that the kill lands while copying even when progress arrives in steps of dozens (a quiet machine).
    const PHOTOS = 200;
    const { card, library, workers, supervisor, finished } = setup(PHOTOS);
    const restarts: string[] = [];
    supervisor.on('workerRestarted', (e) => restarts.push(e.reason));
    let killedAt = -1;
    supervisor.on('progress', (s) => {
      if (killedAt < 0 && copied(s) >= 15) {
        killedAt = copied(s);
        workers[0]!.kill();
      }
    });
    supervisor.startImport({ sources: [card.dir], process: false });
    const end = await finished;

    expect(end.status, end.error ?? '').toBe('done');
    expect(killedAt).toBeGreaterThanOrEqual(15);
    expect(killedAt).toBeLessThan(PHOTOS);
    expect(restarts).toEqual(['the worker process was killed (SIGKILL)']);
    expect(workers).toHaveLength(2);
    const { rows, files, tmp } = libraryContents(library);
    expect(rows.map((r) => r.sourcePath)).toEqual([...card.files].sort());
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(PHOTOS);
    expect(rows.every((r) => r.state === 'imported')).toBe(true);
    expect(files).toHaveLength(PHOTOS);
    expect(tmp).toEqual([]);
    expect(end.summary).toMatchObject({ imported: PHOTOS, duplicates: 0, failed: 0 });
    // The interrupted pass, the files in flight at the kill read one at a time, the final pass.
    expect(end.summary.importIds.length).toBeGreaterThanOrEqual(2);
  });

  it('marks a photo that crashes the worker failed instead of looping, and imports the rest', async () => {
    const { card, library, workers, finished, supervisor } = setup(16, {
      ...process.env,
      THUMPER_TEST_CRASH: 'file:IMG_00010.JPG',
    });
    supervisor.startImport({ sources: [card.dir], process: false });
    const end = await finished;

    expect(end.status, end.error ?? '').toBe('done');
    // Crash in the full pass, then twice when the suspects are read one at a time, then a clean pass.
    expect(workers).toHaveLength(4);
    const { rows, files } = libraryContents(library);
    const bad = rows.filter((r) => r.state === 'failed');
    expect(bad.map((r) => path.basename(r.sourcePath))).toEqual(['IMG_00010.JPG']);
    expect(bad[0]!.error).toMatch(/crashed the worker twice, also when read alone/);
    expect(rows.filter((r) => r.state === 'imported')).toHaveLength(15);
    expect(files).toHaveLength(15);
    expect(end.summary).toMatchObject({ imported: 15, failed: 1, duplicates: 0 });
    expect(end.summary.failures.map((f) => path.basename(f.file))).toEqual(['IMG_00010.JPG']);
  });

  it('resumes processing after the worker dies in it, without importing again or doubling detections', async () => {
    const { card, library, workers, taps, supervisor, finished } = setup(12, {
      ...process.env,
      THUMPER_MODELS_DIR: modelsDir(),
    });
    // Processing may start before the import pass ends (cardJob): kill once the import is recorded, in processing.
    let imported = false;
    let killed = false;
    taps.push((m, worker) => {
      if (m.type === 'imported') imported = true;
      else if (imported && !killed && m.type === 'photo' && m.phase === 'start') {
        killed = true;
        worker.kill();
      }
    });
    supervisor.startImport({ sources: [card.dir] });
    const end = await finished;

    expect(end.status, end.error ?? '').toBe('done');
    expect(killed).toBe(true);
    expect(workers).toHaveLength(2);
    expect(end.summary).toMatchObject({ imported: 12, processed: 12, failed: 0, duplicates: 0 });
    expect(end.summary.importIds).toHaveLength(1);
    const c = library.db.$client;
    expect(c.prepare("SELECT count(*) AS n FROM images WHERE state IN ('detected', 'embedded', 'done')").get()).toEqual(
      { n: 12 },
    );
    const doubled = c
      .prepare(
        'SELECT count(*) AS n FROM (SELECT 1 FROM detections GROUP BY image_id, model, x, y, w, h HAVING count(*) > 1)',
      )
      .get();
    expect(doubled).toEqual({ n: 0 });
    expect((c.prepare('SELECT count(*) AS n FROM detections').get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('marks a photo that crashes the worker during processing failed, also when processed alone, and processes the rest', async () => {
    const env = { ...process.env, THUMPER_MODELS_DIR: modelsDir(), THUMPER_TEST_CRASH: 'photo:IMG_00005.JPG' };
    const { card, library, workers, finished, supervisor } = setup(8, env);
    const restarts: string[] = [];
    supervisor.on('workerRestarted', (e) => restarts.push(e.reason));
    supervisor.startImport({ sources: [card.dir] });
    const end = await finished;

    expect(end.status, end.error ?? '').toBe('done');
    // Crash in the full pass, twice when the photos in flight are processed one at a time, then a clean pass.
    expect(workers).toHaveLength(4);
    expect(restarts).toHaveLength(3);
    const { rows } = libraryContents(library);
    const bad = rows.filter((r) => r.state === 'failed');
    expect(bad.map((r) => path.basename(r.sourcePath))).toEqual(['IMG_00005.JPG']);
    expect(bad[0]!.error).toMatch(
      /processing this photo crashed the worker twice, also when processed alone \(the worker process was killed \(SIGKILL\)\)/,
    );
    expect(rows.filter((r) => r.state === 'done')).toHaveLength(7);
    expect(end.summary).toMatchObject({ processed: 7, failed: 1, duplicates: 0 });
    expect(end.summary.failures.map((f) => path.basename(f.file))).toEqual(['IMG_00005.JPG']);
  });

  it('does not blame a healthy photo for an outside kill during the one-at-a-time retry; a processing job counts across restarts', async () => {
    const { card, library, workers, taps, supervisor } = setup(8, { ...process.env, THUMPER_MODELS_DIR: modelsDir() });
    const ends: JobFinished[] = [];
    supervisor.on('finished', (e) => ends.push(e));
    supervisor.startImport({ sources: [card.dir], process: false });
    await until(() => ends.length === 1);
    expect(ends[0]).toMatchObject({ status: 'done', summary: { imported: 8, processed: 0 } });

    // Killed from outside: first in the full pass with a photo in flight, then while that photo is processed alone.
    const kills: string[] = [];
    taps.push((m, worker) => {
      if (m.type !== 'photo' || m.phase !== 'start') return;
      if (kills.length === 0 || (kills.length === 1 && m.isolated)) {
        kills.push(`${path.basename(m.file)}${m.isolated ? ' alone' : ''}`);
        worker.kill();
      }
    });
    supervisor.startProcessing();
    await until(() => ends.length === 2, 120_000);
    const end = ends[1]!;

    expect(end.status, end.error ?? '').toBe('done');
    expect(kills).toHaveLength(2);
    expect(kills[1]).toMatch(/ alone$/);
    // The import's worker, then the processing job's: killed in the full pass, killed alone, then to the end.
    expect(workers).toHaveLength(4);
    const { rows } = libraryContents(library);
    expect(rows.filter((r) => r.state === 'failed')).toEqual([]);
    expect(rows.filter((r) => r.state === 'done')).toHaveLength(8);
    expect(end.summary).toMatchObject({ imported: 0, processed: 8, failed: 0, failures: [] });
  });

  it('pauses, resumes and cancels within a second', async () => {
    // Enough photos that the import is still copying when cancelled after the resume, even on a quiet machine.
    const PHOTOS = 600;
    const { card, supervisor, finished, library } = setup(PHOTOS);
    const snapshots: ProgressSnapshot[] = [];
    supervisor.on('progress', (s) => snapshots.push(s));
    const jobId = supervisor.startImport({ sources: [card.dir], process: false });
    await until(() => snapshots.some((s) => copied(s) > 0));

    supervisor.pause(jobId);
    const pausedAt = Date.now();
    await until(() => snapshots.at(-1)!.paused);
    expect(Date.now() - pausedAt).toBeLessThan(1000);
    await sleep(1000);
    const stalled = copied(snapshots.at(-1)!);
    const rowsWhilePaused = count(library);
    await sleep(1000);
    expect(copied(snapshots.at(-1)!)).toBe(stalled);
    expect(count(library)).toBe(rowsWhilePaused);
    expect(supervisor.current()?.state).toBe('paused');

    supervisor.resume(jobId);
    await until(() => copied(snapshots.at(-1)!) > stalled, 1000);

    const cancelledAt = Date.now();
    supervisor.cancel(jobId);
    const end = await finished;
    expect(end.status).toBe('cancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    expect(end.summary.imported).toBe(count(library));
    expect(end.summary.imported).toBeLessThan(PHOTOS);
    expect(supervisor.current()).toBeNull();
  });
});

function count(library: Library): number {
  return (library.db.$client.prepare('SELECT count(*) AS n FROM images').get() as { n: number }).n;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${withinMs} ms`);
    await sleep(20);
  }
}
