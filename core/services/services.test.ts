// The API implementation over a real library imported from the fixture photos, with detections, individuals and a
// suggestion written as the pipeline would write them. Every result is checked against the contract's schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, type MethodArgs, type MethodName, type MethodResult } from '../contract';
import { JobControl } from '../jobs/control';
import { forkLauncher } from '../jobs/launcher';
import { ProgressTracker } from '../jobs/progress';
import { Supervisor } from '../jobs/supervisor';
import { openLibrary, type Library } from '../library/library';
import { libraryStats } from '../queries/stats';
import { deerImagesDir } from '../../testing/fixtures';
import { importPhotos } from '../../worker/import/importPhotos';
import { dispatch } from './dispatch';
import { createServices, type Services } from '.';
import { resolveMedia } from './media';

let work: string;
let library: Library;
let services: Services;
let ids: number[];

async function call<M extends MethodName>(
  method: M,
  args: MethodArgs<M> | Record<string, unknown> = {},
): Promise<MethodResult<M>> {
  const reply = await dispatch(services.handlers, method, args);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  // The result must be exactly what the contract promises.
  return METHODS[method].result.parse(reply.result) as MethodResult<M>;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-services-'));
  library = openLibrary(path.join(work, 'lib'), { create: true });
  await importPhotos(
    library,
    { sources: [deerImagesDir()] },
    new ProgressTracker(0, () => undefined),
    new JobControl(),
  );
  const c = library.db.$client;
  ids = (
    c.prepare('SELECT id FROM images WHERE state != ? ORDER BY taken_at, id').all('failed') as { id: number }[]
  ).map((r) => r.id);
  // Photos 0-2: one sequence; 0 and 1 show deer A (two frames of one tracklet), 2 shows deer B; 3 is processed and empty.
  const camera = (c.prepare('SELECT camera_id AS id FROM images WHERE id = ?').get(ids[0]) as { id: number }).id;
  const seq = Number(
    c
      .prepare('INSERT INTO sequences (camera_id, start, "end", photo_count) VALUES (?, ?, ?, 3)')
      .run(camera, '2020-01-01T00:00:00', '2020-01-01T00:01:00').lastInsertRowid,
  );
  c.prepare(`UPDATE images SET sequence_id = ?, state = 'done' WHERE id IN (?, ?, ?)`).run(seq, ids[0], ids[1], ids[2]);
  c.prepare(`UPDATE images SET state = 'done' WHERE id = ?`).run(ids[3]);
  const indA = Number(
    c.prepare(`INSERT INTO individuals (name, category, detection_count) VALUES ('Deer A', 'animal', 2)`).run()
      .lastInsertRowid,
  );
  const indB = Number(
    c.prepare(`INSERT INTO individuals (name, category, detection_count) VALUES ('Buck 100%', 'animal', 1)`).run()
      .lastInsertRowid,
  );
  const trA = Number(
    c.prepare(`INSERT INTO tracklets (sequence_id, category, individual_id) VALUES (?, 'animal', ?)`).run(seq, indA)
      .lastInsertRowid,
  );
  const trB = Number(
    c.prepare(`INSERT INTO tracklets (sequence_id, category, individual_id) VALUES (?, 'animal', ?)`).run(seq, indB)
      .lastInsertRowid,
  );
  const det = c.prepare(
    `INSERT INTO detections (image_id, model, raw_label, category, confidence, x, y, w, h, duplicate, tracklet_id, crop_path) VALUES (?, 'm', ?, ?, 0.9, 0.1, 0.1, 0.2, 0.2, ?, ?, ?)`,
  );
  det.run(ids[0], 'deer', 'animal', 0, trA, null);
  det.run(ids[0], 'deer', 'animal', 1, null, null); // a duplicate box: never counted
  det.run(ids[1], 'deer', 'animal', 0, trA, '../../outside.jpg'); // a crop path that points outside the library
  det.run(ids[2], 'deer', 'animal', 0, trB, null);
  det.run(ids[2], 'person', 'person', 0, null, null);
  c.prepare(
    `INSERT INTO suggestions (individual_id, candidate_id, embedder, score, appearance, same_camera, rank, member_signature) VALUES (?, ?, 'e', 0.8, 0.8, 1, 1, 'x')`,
  ).run(indA, indB);
  const supervisor = new Supervisor({ launcher: forkLauncher(), library });
  services = createServices({ library, supervisor, host: { kind: 'serve', dropPaths: false } });
});

afterAll(() => {
  services.dispose();
  library.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('services', () => {
  it('library totals agree with thumper stats and count detections, individuals and suggestions', async () => {
    const stats = await call('library.stats');
    expect(stats).toMatchObject(libraryStats(library.db));
    expect(stats.images.total).toBe(78);
    expect(stats.detections).toEqual({ total: 4, animal: 3, person: 1, vehicle: 0 });
    expect(stats.individuals).toBe(2);
    expect(stats.suggestionsPending).toBe(1);
    const act = await call('library.activity');
    expect(act.perHour).toHaveLength(24);
    expect(act.perHour.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('pages photos with a total, in time order', async () => {
    const first = await call('photos.query', { limit: 10 });
    expect(first.total).toBe(78);
    expect(first.items).toHaveLength(10);
    const second = await call('photos.query', { limit: 10, offset: 10 });
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    const times = first.items.map((p) => p.takenAt!);
    expect(times).toEqual([...times].sort());
    const desc = await call('photos.query', { limit: 1, sort: '-takenAt' });
    expect(desc.items[0]!.takenAt! >= times.at(-1)!).toBe(true);
  });

  it('filters photos by category, emptiness, individual, pending suggestions, camera and dates', async () => {
    const q = async (filter: Record<string, unknown>) =>
      (await call('photos.query', { filter, limit: 500 })).items.map((p) => p.id).sort((a, b) => a - b);
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    expect(await q({ category: 'animal' })).toEqual(sorted([ids[0]!, ids[1]!, ids[2]!]));
    expect(await q({ category: 'person' })).toEqual([ids[2]]);
    expect(await q({ empty: true })).toEqual([ids[3]]);
    expect(await q({ empty: false })).toEqual(sorted([ids[0]!, ids[1]!, ids[2]!]));
    const indA = (await call('individuals.query', { search: 'Deer' })).items[0]!.id;
    expect(await q({ individualId: indA })).toEqual(sorted([ids[0]!, ids[1]!]));
    expect(await q({ unreviewedSuggestions: true })).toEqual(sorted([ids[0]!, ids[1]!, ids[2]!]));
    const photo = await call('photos.get', { id: ids[5]! });
    const day = photo.takenAt!.slice(0, 10);
    const sameDay = await q({ from: day, to: day });
    expect(sameDay).toContain(ids[5]);
    const all = await call('photos.query', { filter: { from: day, to: day }, limit: 500 });
    expect(all.items.every((p) => p.takenAt!.startsWith(day))).toBe(true);
    expect(await q({ cameraIds: [photo.cameraId!] })).toContain(ids[5]);
    expect(await q({ cameraIds: [999999] })).toEqual([]);
  });

  it('gives a photo with its detections, individuals and sequence', async () => {
    const photo = await call('photos.get', { id: ids[0]! });
    expect(photo.detections).toBe(1);
    expect(photo.detectionList).toHaveLength(2);
    expect(photo.detectionList.find((d) => !d.duplicate)!.individualName).toBe('Deer A');
    expect(photo.sequencePhotoIds).toEqual([ids[0], ids[1], ids[2]]);
    await expect(call('photos.get', { id: 999999 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists individuals, their profile and crops, and suggestions with both sides', async () => {
    const list = await call('individuals.query', { sort: 'name' });
    expect(list.items.map((i) => i.name)).toEqual(['Buck 100%', 'Deer A']);
    expect((await call('individuals.query', { search: '100%' })).items.map((i) => i.name)).toEqual(['Buck 100%']);
    expect((await call('individuals.query', { search: '%' })).items.map((i) => i.name)).toEqual(['Buck 100%']);
    const a = list.items[1]!;
    expect(a.pendingSuggestions).toBe(1);
    const detail = await call('individuals.get', { id: a.id });
    expect(detail.cameras.reduce((n, cam) => n + cam.detections, 0)).toBe(2);
    expect(detail.sightings).toHaveLength(1);
    expect(detail.activityByHour.reduce((x, y) => x + y, 0)).toBe(2);
    expect((await call('individuals.crops', { id: a.id })).total).toBe(2);
    const suggestions = await call('suggestions.query');
    expect(suggestions.items).toHaveLength(1);
    expect(suggestions.items[0]!.individual.name).toBe('Deer A');
    expect(suggestions.items[0]!.candidate.name).toBe('Buck 100%');
  });

  it('lists cameras, sequences, import history and settings', async () => {
    const cameras = await call('cameras.list');
    expect(cameras.reduce((n, c) => n + c.photos, 0)).toBe(78);
    const seqs = await call('sequences.query');
    expect(seqs.items[0]!.photoCount).toBe(3);
    expect((await call('sequences.get', { id: seqs.items[0]!.id })).photos).toHaveLength(3);
    const history = await call('import.history');
    expect(history.items[0]).toMatchObject({ status: 'done', photos: 78 });
    expect(await call('settings.set', { sequenceGapSeconds: 90 })).toMatchObject({ sequenceGapSeconds: 90 });
    expect((await call('settings.get')).sequenceGapSeconds).toBe(90);
    // Every setting crosses the API, the embedder auto-accept was calibrated for included.
    expect(await call('settings.set', { autoAcceptEmbedder: 'mobilenetv2_gem' })).toMatchObject({
      autoAcceptEmbedder: 'mobilenetv2_gem',
    });
    expect((await call('settings.get')).autoAcceptEmbedder).toBe('mobilenetv2_gem');
    expect(await call('app.info')).toMatchObject({ host: 'serve', capabilities: { pickFolder: false } });
    expect(await call('import.current')).toBeNull();
  });

  it('previews a card: photos per camera, dates, and photos already in the library', async () => {
    const preview = await call('import.preview', { sources: [deerImagesDir()] });
    expect(preview.photos).toBe(78);
    expect(preview.alreadyInLibrary).toBe(78);
    expect(preview.cameras.reduce((n, c) => n + c.photos, 0)).toBe(78);
    expect(preview.from! <= preview.to!).toBe(true);
  });

  it('runs edits through core/edits, announces them, and undoes them', async () => {
    const changes: unknown[] = [];
    const off = services.events.subscribe((event, payload) => changes.push([event, payload]));
    const deer = (await call('individuals.query', { search: 'Deer A' })).items[0]!;
    const renamed = await call('edits.rename', { individualId: deer.id, name: 'Old Doe' });
    expect(renamed).toMatchObject({ individualIds: [deer.id], canUndo: true });
    expect((await call('individuals.get', { id: deer.id })).name).toBe('Old Doe');
    expect(changes).toContainEqual(['library.changed', expect.objectContaining({ individualIds: [deer.id] })]);
    await call('edits.undo');
    expect((await call('individuals.get', { id: deer.id })).name).toBe('Deer A');
    off();
  });

  it('refuses bad calls with codes the renderer can act on', async () => {
    await expect(call('photos.query', { limit: -1 })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(call('no.such' as MethodName)).rejects.toMatchObject({ code: 'unknown_method' });
    await expect(call('edits.rename', { individualId: 999999, name: 'x' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
    await expect(call('dialog.pickFolder')).rejects.toMatchObject({ code: 'not_supported' });
    await expect(call('library.open', { path: '/tmp' })).rejects.toMatchObject({ code: 'not_supported' });
    await expect(call('import.start', { sources: ['relative/card'] })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(call('import.pause', { jobId: 42 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('media by id', () => {
  it('serves originals from the library, makes thumbnails on demand, refuses unknown ids and escaping paths', async () => {
    const original = await resolveMedia(library, { kind: 'original', id: ids[0]! });
    expect(original!.contentType).toBe('image/jpeg');
    expect(original!.file.startsWith(library.root + path.sep)).toBe(true);
    const thumb = await resolveMedia(library, { kind: 'thumbnail', id: ids[0]! });
    expect(thumb!.contentType).toBe('image/jpeg');
    const meta = await sharp(thumb!.file).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(320);
    expect(await resolveMedia(library, { kind: 'original', id: 999999 })).toBeNull();
    expect(await resolveMedia(library, { kind: 'thumbnail', id: 999999 })).toBeNull();
    const crops = library.db.$client.prepare('SELECT id, crop_path AS p FROM detections').all() as {
      id: number;
      p: string | null;
    }[];
    // No crop file from the pipeline here: each is cut from the full-resolution original on first request.
    for (const c of crops) {
      const crop = await resolveMedia(library, { kind: 'crop', id: c.id });
      expect(crop, String(c.p)).toMatchObject({ contentType: 'image/jpeg' });
      expect(path.relative(library.cacheDir, crop!.file).split(path.sep).slice(0, 2)).toEqual(['crops', 'display']);
    }
    expect(await resolveMedia(library, { kind: 'crop', id: 999999 })).toBeNull();
  });
});
