// The models and exports API over a real library of fixture photos: status and list against real model folders, a
// download from a local HTTP server as a task with progress events, switching models as a real processing job in a
// forked worker, and exports as tasks.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, METHODS, type EventName, type MethodArgs, type MethodName, type MethodResult } from '../contract';
import { JobControl } from '../jobs/control';
import { forkLauncher, WORKER_ENTRY } from '../jobs/launcher';
import { ProgressTracker } from '../jobs/progress';
import { Supervisor, type JobFinished } from '../jobs/supervisor';
import { openLibrary, type Library } from '../library/library';
import { getSettings } from '../library/settings';
import { localServer } from '../../testing/models/localServer';
import { USER_CATALOG } from '../models/userModels';
import { deerImagesDir, modelsDir } from '../../testing/fixtures';
import { importPhotos } from '../../worker/import/importPhotos';
import { dispatch } from './dispatch';
import { createServices, type Services } from '.';

const payload = Buffer.alloc(300_000, 7);
const server = localServer((_req, res) => {
  res.writeHead(200, { 'content-length': payload.length });
  res.end(payload);
});

let work: string;
let library: Library;
let services: Services;
let supervisor: Supervisor;
const events: { event: EventName; payload: unknown }[] = [];
const realModels = process.env.THUMPER_MODELS_DIR;
const MODELS = modelsDir();

async function call<M extends MethodName>(
  method: M,
  args: MethodArgs<M> | Record<string, unknown> = {},
): Promise<MethodResult<M>> {
  const reply = await dispatch(services.handlers, method, args);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return METHODS[method].result.parse(reply.result) as MethodResult<M>;
}

function eventsOf<E extends EventName>(event: E) {
  return events.filter((e) => e.event === event).map((e) => EVENTS[event].parse(e.payload));
}

function useModelsFolder(dir: string) {
  process.env.THUMPER_MODELS_DIR = dir;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-services-models-'));
  const card = path.join(work, 'card');
  fs.mkdirSync(card);
  for (const f of ['deer-img1.jpg', 'deer-img10.JPG'])
    fs.copyFileSync(path.join(deerImagesDir(), f), path.join(card, f));
  library = openLibrary(path.join(work, 'lib'), { create: true });
  await importPhotos(library, { sources: [card] }, new ProgressTracker(0, () => undefined), new JobControl());
  useModelsFolder(MODELS);
  supervisor = new Supervisor({ launcher: forkLauncher(WORKER_ENTRY, process.env), library });
  services = createServices({ library, supervisor, host: { kind: 'serve', dropPaths: false } });
  services.events.subscribe((event, payload) => events.push({ event, payload }));
});

afterAll(() => {
  if (realModels === undefined) delete process.env.THUMPER_MODELS_DIR;
  else process.env.THUMPER_MODELS_DIR = realModels;
  services.dispose();
  supervisor.dispose();
  library.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('models API', () => {
  it("says which of the library's models are missing and how to get them (first run)", async () => {
    expect(await call('models.status')).toMatchObject({
      ready: true,
      roles: [
        { role: 'detector', status: 'installed' },
        { role: 'embedder', status: 'installed' },
      ],
    });
    useModelsFolder(path.join(work, 'empty'));
    try {
      const status = await call('models.status');
      expect(status.ready).toBe(false);
      expect(status.roles.map((r) => [r.role, r.id, r.status, r.fetchable])).toEqual([
        ['detector', 'yolox_nano_416', 'missing', true],
        ['embedder', 'mobilenetv2_gem', 'missing', true],
      ]);
      expect(status.roles[0]!.howTo).toContain('thumper models fetch yolox_nano_416');
      expect((await call('models.list')).map((m) => m.status)).toEqual(['missing', 'missing', 'missing', 'missing']);
    } finally {
      useModelsFolder(MODELS);
    }
    expect((await call('models.list')).map((m) => [m.id, m.kind, m.status])).toEqual([
      ['yolox_nano_416', 'detector', 'installed'],
      ['yolov8n_int8_640', 'detector', 'installed'],
      ['mobilenetv2_gem', 'embedder', 'installed'],
      ['osnet_x0_25', 'embedder', 'installed'],
    ]);
  });

  it('downloads a model as a task: progress events, then one finished event, and the file is installed', async () => {
    const folder = path.join(work, 'fetched');
    fs.mkdirSync(folder);
    const entry = {
      ...JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'models', 'catalog.json'), 'utf8')).models.find(
        (m: { id: string }) => m.id === 'osnet_x0_25',
      ),
      id: 'mirror_osnet',
      file: 'reid/mirror.onnx',
      source: `${server.base}/mirror.onnx`,
      sha256: createHash('sha256').update(payload).digest('hex'),
      size: payload.length,
    };
    fs.writeFileSync(path.join(folder, USER_CATALOG), JSON.stringify({ version: 1, models: [entry] }));
    useModelsFolder(folder);
    try {
      const { taskId } = await call('models.fetch', { id: 'mirror_osnet' });
      await services.tasks.idle();
      const progress = eventsOf('task.progress').filter((e) => e.taskId === taskId);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toMatchObject({ kind: 'models.fetch', done: payload.length, total: payload.length });
      expect(eventsOf('task.finished').filter((e) => e.taskId === taskId)).toEqual([
        {
          taskId,
          kind: 'models.fetch',
          status: 'done',
          summary: expect.stringContaining('installed mirror_osnet'),
          error: null,
        },
      ]);
      expect(fs.readFileSync(path.join(folder, 'reid', 'mirror.onnx')).equals(payload)).toBe(true);
      const failed = await call('models.fetch', { id: 'no_such_model' });
      await services.tasks.idle();
      expect(eventsOf('task.finished').find((e) => e.taskId === failed.taskId)).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/unknown model "no_such_model"/),
      });
    } finally {
      useModelsFolder(MODELS);
    }
  });

  it('switches the embedder and runs the processing job in the worker; an unknown model is refused', async () => {
    if (!fs.existsSync(WORKER_ENTRY))
      throw new Error(`the worker is not built (${WORKER_ENTRY} missing): run npm run build first`);
    await expect(call('models.use', { role: 'detector', id: 'osnet_x0_25' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const finished = new Promise<JobFinished>((resolve) => supervisor.on('finished', resolve));
    const used = await call('models.use', { role: 'embedder', id: 'osnet_x0_25' });
    expect(used).toMatchObject({ previous: 'mobilenetv2_gem', changed: true, status: { status: 'installed' } });
    expect(used.jobId).not.toBeNull();
    expect(supervisor.current()).toMatchObject({ kind: 'process', options: { sources: [] } });
    expect(METHODS['import.current'].result.parse(await call('import.current'))).toMatchObject({ kind: 'process' });
    const end = await finished;
    expect(end.status, end.error ?? '').toBe('done');
    expect(getSettings(library.db).embedder).toBe('osnet_x0_25');
    expect(library.db.$client.prepare('SELECT DISTINCT state, embedder FROM images').all()).toEqual([
      { state: 'done', embedder: 'osnet_x0_25' },
    ]);
    expect(eventsOf('job.progress').some((p) => p.stages.some((s) => s.stage === 'detect'))).toBe(true);
    expect(eventsOf('library.changed').some((e) => e.scopes.includes('settings'))).toBe(true);
  }, 60_000);
});

describe('exports API', () => {
  it('writes CSV and MegaDetector exports as tasks with progress; a Camtrap DP export without a UTC offset fails with the reason', async () => {
    const out = path.join(work, 'export');
    const csv = await call('exports.run', { format: 'csv', out });
    // The MegaDetector export holds processed photos: the job of the test above processed both.
    const md = await call('exports.run', { format: 'megadetector', out: path.join(out, 'md.json') });
    const camtrap = await call('exports.run', { format: 'camtrap-dp', out: path.join(out, 'camtrap') });
    await services.tasks.idle();
    const finished = eventsOf('task.finished');
    expect(finished.find((e) => e.taskId === csv.taskId)).toMatchObject({
      kind: 'export',
      status: 'done',
      summary: expect.stringMatching(/2 photos in/),
    });
    expect(finished.find((e) => e.taskId === md.taskId)).toMatchObject({
      status: 'done',
      summary: `2 photos in ${path.join(out, 'md.json')}`,
    });
    expect(finished.find((e) => e.taskId === camtrap.taskId)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/camera "H5R1-01" has no UTC offset/),
    });
    expect(eventsOf('task.progress').filter((e) => e.taskId === csv.taskId).length).toBeGreaterThan(0);
    expect(fs.readdirSync(out).sort()).toEqual(['md.json', 'photos.csv', 'sightings.csv']);
    expect(
      (JSON.parse(fs.readFileSync(path.join(out, 'md.json'), 'utf8')) as { images: unknown[] }).images,
    ).toHaveLength(2);
    await expect(call('exports.run', { format: 'csv', out: 'relative' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
  });
});
