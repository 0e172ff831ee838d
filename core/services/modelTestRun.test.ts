// models.testRun through dispatch on a real library of two fixture photos and the real YOLOX-nano detector: the
// deer is found where the hand-drawn box is, the sample photo is chosen as documented, errors say what is missing,
// and the library's database is not written to. The model work runs in worker tasks (the built dist/worker/main.js):
// a broken model file, or one that crashes the worker, fails its call with the reason and the host keeps answering.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, type MethodArgs, type MethodResult } from '../contract';
import { JobControl } from '../jobs/control';
import { forkLauncher, WORKER_ENTRY } from '../jobs/launcher';
import { ProgressTracker } from '../jobs/progress';
import { Supervisor } from '../jobs/supervisor';
import { openLibrary, type Library } from '../library/library';
import { findDetector } from '../models/catalog';
import { resolveModelsFolder } from '../models/folder';
import { saveUserModel } from '../models/userModels';
import { deerGroundTruth, deerImagesDir, modelsDir } from '../../testing/fixtures';
import { importPhotos } from '../../worker/import/importPhotos';
import { matchBoxes } from '../../worker/detect/matchBoxes';
import { dispatch } from './dispatch';
import { createServices, type Services } from '.';

const FILES = ['deer-img1.jpg', 'deer-img10.JPG'];

interface Opened {
  library: Library;
  supervisor: Supervisor;
  services: Services;
}

let work: string;
let full: Opened;
let empty: Opened;
const realModels = process.env.THUMPER_MODELS_DIR;
const SHARED_MODELS = modelsDir();
/** The shared models (read-only) plus the broken ones these tests register: work/models. */
let MODELS: string;
/** A model file whose opening kills the worker as a native crash in onnxruntime would (worker/testHooks.ts). */
const CRASHING = 'crashes-onnxruntime.onnx';

function open(dir: string): Opened {
  const library = openLibrary(dir, { create: true });
  const launcher = forkLauncher(WORKER_ENTRY, { ...process.env, THUMPER_TEST_CRASH: `model:${CRASHING}` });
  const supervisor = new Supervisor({ launcher, library });
  return {
    library,
    supervisor,
    services: createServices({ library, supervisor, host: { kind: 'serve', dropPaths: false } }),
  };
}

async function testRun(on: Opened, args: MethodArgs<'models.testRun'>): Promise<MethodResult<'models.testRun'>> {
  const reply = await dispatch(on.services.handlers, 'models.testRun', args);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return METHODS['models.testRun'].result.parse(reply.result);
}

function photoId(file: string): number {
  return (full.library.db.$client.prepare('SELECT id FROM images WHERE file_name = ?').get(file) as { id: number }).id;
}

/** Rows this connection changed since it opened, and what the tables hold: equal before and after = nothing written. */
function footprint(library: Library) {
  const sql = library.db.$client;
  return {
    changes: sql.prepare('SELECT total_changes() AS n').get(),
    images: sql.prepare('SELECT * FROM images ORDER BY id').all(),
    detections: sql.prepare('SELECT * FROM detections ORDER BY id').all(),
    settings: sql.prepare('SELECT * FROM settings ORDER BY key').all(),
  };
}

/** A user model entry like yolox_nano_416 whose file is `bytes`. */
function registerBroken(id: string, bytes: Buffer): void {
  const folder = resolveModelsFolder(MODELS);
  const good = findDetector('yolox_nano_416');
  const file = `user/${id}.onnx`;
  fs.mkdirSync(path.join(MODELS, 'user'), { recursive: true });
  fs.writeFileSync(path.join(MODELS, file), bytes);
  saveUserModel(folder, { ...good, id, name: id, file, sha256: '' });
}

async function call<M extends 'models.add' | 'models.testRun' | 'app.info'>(
  on: Opened,
  method: M,
  args: MethodArgs<M>,
) {
  return dispatch(on.services.handlers, method, args);
}

beforeAll(async () => {
  if (!fs.existsSync(WORKER_ENTRY))
    throw new Error(`the worker is not built (${WORKER_ENTRY} missing): run npm run build first`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-services-testrun-'));
  MODELS = path.join(work, 'models');
  fs.mkdirSync(MODELS);
  for (const sub of ['detectors', 'reid']) fs.symlinkSync(path.join(SHARED_MODELS, sub), path.join(MODELS, sub));
  const card = path.join(work, 'card');
  fs.mkdirSync(card);
  for (const f of FILES) fs.copyFileSync(path.join(deerImagesDir(), f), path.join(card, f));
  full = open(path.join(work, 'lib'));
  await importPhotos(full.library, { sources: [card] }, new ProgressTracker(0, () => undefined), new JobControl());
  empty = open(path.join(work, 'empty-lib'));
  process.env.THUMPER_MODELS_DIR = MODELS;
});

afterAll(() => {
  if (realModels === undefined) delete process.env.THUMPER_MODELS_DIR;
  else process.env.THUMPER_MODELS_DIR = realModels;
  for (const o of [full, empty]) {
    o.services.dispose();
    o.supervisor.dispose();
    o.library.close();
  }
  fs.rmSync(work, { recursive: true, force: true });
});

describe('models.testRun', () => {
  it("runs the library's detector on the given photo, finds the deer, and writes nothing", async () => {
    const before = footprint(full.library);
    const id = photoId('deer-img10.JPG');
    const r = await testRun(full, { role: 'detector', photoId: id });
    expect(footprint(full.library)).toEqual(before);
    expect(r).toMatchObject({ modelId: 'yolox_nano_416', photoId: id });
    expect(['cpu', 'cuda']).toContain(r.provider);
    expect(r.ms.load).toBeGreaterThan(0);
    expect(r.ms.infer).toBeGreaterThan(0);
    const gt = deerGroundTruth().find((g) => g.file === 'deer-img10.JPG')!;
    const truth = gt.boxes.map((b) => ({ x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h }));
    const animals = r.detections.filter((d) => d.category === 'animal' && !d.duplicate);
    expect(matchBoxes(animals, truth).matched).toBe(1);
  });

  it('defaults to a processed photo with an animal, else to any photo', async () => {
    const first = await testRun(full, { role: 'detector', modelId: 'yolox_nano_416' });
    expect(first.photoId).toBe(photoId(FILES[0]!));
    // The second photo as processing would leave it: detected, with an animal box (test setup, not the method).
    const second = photoId(FILES[1]!);
    const sql = full.library.db.$client;
    sql.prepare("UPDATE images SET state = 'detected' WHERE id = ?").run(second);
    sql
      .prepare(
        "INSERT INTO detections (image_id, model, raw_label, category, confidence, x, y, w, h) VALUES (?, 'yolox_nano_416', 'deer', 'animal', 0.9, 0.1, 0.1, 0.2, 0.2)",
      )
      .run(second);
    expect((await testRun(full, { role: 'detector' })).photoId).toBe(second);
  });

  it('says clearly when there is no photo or no model', async () => {
    await expect(testRun(empty, { role: 'detector' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no photos to test on/),
    });
    await expect(testRun(full, { role: 'detector', photoId: 999 })).rejects.toMatchObject({
      code: 'not_found',
      message: 'no photo 999',
    });
    await expect(testRun(full, { role: 'detector', modelId: 'mobilenetv2_gem' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/not a detector/),
    });
    process.env.THUMPER_MODELS_DIR = path.join(work, 'no-models');
    try {
      await expect(testRun(full, { role: 'detector' })).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringMatching(/model "yolox_nano_416" not found/),
      });
    } finally {
      process.env.THUMPER_MODELS_DIR = MODELS;
    }
  });
});

describe('model work in worker tasks', () => {
  it('a model file onnxruntime cannot load fails models.add and models.testRun with the reason; the host answers on', async () => {
    const junk = path.join(work, 'random.onnx');
    fs.writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const added = await call(full, 'models.add', { file: junk });
    expect(added).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(!added.ok && added.error.message).toMatch(/random\.onnx is not a model onnxruntime can load: /);

    // Half of the real YOLOX-nano file: a truncated download, registered as a user's detector.
    const real = fs.readFileSync(path.join(SHARED_MODELS, 'detectors', 'yolox_nano_416.onnx'));
    registerBroken('truncated_yolox', real.subarray(0, real.length >> 1));
    const tested = await call(full, 'models.testRun', { role: 'detector', modelId: 'truncated_yolox' });
    expect(tested).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(!tested.ok && tested.error.message).toMatch(
      /^model "truncated_yolox" cannot be loaded: Load model from .*truncated_yolox\.onnx failed:Protobuf parsing failed/,
    );

    expect(await call(full, 'app.info', {})).toMatchObject({ ok: true });
    const good = await testRun(full, { role: 'detector', modelId: 'yolox_nano_416', photoId: photoId(FILES[1]!) });
    expect(good.detections.length).toBeGreaterThan(0);
  });

  it('a model that crashes the worker fails its call with the reason; the next calls are answered', async () => {
    const crashing = path.join(work, CRASHING);
    fs.copyFileSync(path.join(SHARED_MODELS, 'detectors', 'yolox_nano_416.onnx'), crashing);
    const added = await call(full, 'models.add', { file: crashing });
    expect(added).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(!added.ok && added.error.message).toBe(
      `inspecting ${crashing} crashed the worker process: it was killed (SIGKILL)`,
    );
    expect(fs.existsSync(path.join(MODELS, 'user', 'crashes-onnxruntime.onnx'))).toBe(false);

    registerBroken('crashes-onnxruntime', fs.readFileSync(crashing));
    const tested = await call(full, 'models.testRun', { role: 'detector', modelId: 'crashes-onnxruntime' });
    expect(tested).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!tested.ok && tested.error.message).toMatch(/^test-running crashes-onnxruntime on .* crashed the worker/);

    expect(await call(full, 'app.info', {})).toMatchObject({ ok: true });
    const ok = await call(full, 'models.add', {
      file: path.join(SHARED_MODELS, 'detectors', 'yolov8n_int8_640.onnx'),
      id: 'my_yolov8',
    });
    expect(ok).toMatchObject({ ok: true, result: { id: 'my_yolov8', kind: 'detector', family: 'yolov8' } });
  });
});
