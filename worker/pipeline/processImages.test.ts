import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirm, rename } from '../../core/edits';
import { JobCancelledError, JobControl } from '../../core/jobs/control';
import { ProgressTracker, type ProgressSnapshot } from '../../core/jobs/progress';
import { openLibrary } from '../../core/library/library';
import { setSetting } from '../../core/library/settings';
import { ModelsMissingError } from '../../core/models/libraryModels';
import { getDetectionEmbeddings } from '../../core/db/vectorIndex';
import { deerImagesDir, modelsDir, otherSpeciesDir } from '../../testing/fixtures';
import { importPhotos } from '../import/importPhotos';
import { cachePath } from '../../core/photos/cachePaths';
import { processImages } from './processImages';

const tracker = (snapshots: ProgressSnapshot[] = []) => new ProgressTracker(1, (s) => snapshots.push(s));

/** Cancels the job at its n-th checkpoint (the embedding pass has one per photo). */
class CancelAtCheckpoint extends JobControl {
  private calls = 0;
  constructor(private readonly at: number) {
    super();
  }
  override async checkpoint(): Promise<void> {
    if (++this.calls === this.at) this.cancel();
    return super.checkpoint();
  }
}

describe('processImages', () => {
  it('detects, makes thumbnails, records failures, resumes and re-detects without duplicates', async () => {
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-src-'));
    for (const f of ['deer-img1.jpg', 'deer-img10.JPG', 'deer-img100.JPG'])
      fs.copyFileSync(path.join(deerImagesDir(), f), path.join(src, f));
    const other = fs.readdirSync(otherSpeciesDir()).find((f) => f.startsWith('ena24'))!;
    fs.copyFileSync(path.join(otherSpeciesDir(), other), path.join(src, other));
    const library = openLibrary(fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-lib-')), { create: true });
    try {
      await importPhotos(library, { sources: [src], camera: 'test' }, tracker(), new JobControl());
      const c = library.db.$client;
      // A photo that went bad on disk after import: it must fail with a reason, not stop the job.
      const bad = c.prepare("SELECT id, path FROM images WHERE file_name = 'deer-img100.JPG'").get() as {
        id: number;
        path: string;
      };
      const badFile = path.join(library.root, bad.path);
      fs.writeFileSync(badFile, fs.readFileSync(badFile).subarray(0, 40_000));

      const snapshots: ProgressSnapshot[] = [];
      const first = await processImages(
        library,
        { models: modelsDir(), provider: 'cpu' },
        tracker(snapshots),
        new JobControl(),
      );
      expect(first).toMatchObject({ detector: 'yolox_nano_416', provider: 'cpu', processed: 3, failed: 1 });
      expect(first.failures[0]!.reason).toMatch(/^could not decode: .*(premature end|truncated)/i);
      expect(first.detections.animal).toBeGreaterThanOrEqual(1);
      const last = snapshots.at(-1)!;
      expect(last.provider).toBe('cpu');
      expect(last.stages.find((s) => s.stage === 'decode')).toMatchObject({ done: 4, total: 4, failed: 1 });
      expect(last.stages.find((s) => s.stage === 'detect')).toMatchObject({ done: 3, total: 3 });

      const states = c.prepare('SELECT id, state, detector, error, attempts FROM images ORDER BY id').all() as {
        id: number;
        state: string;
        detector: string | null;
        error: string | null;
        attempts: number;
      }[];
      for (const s of states) {
        if (s.id === bad.id) expect(s).toMatchObject({ state: 'failed', attempts: 1 });
        else {
          // Detected, embedded, then sequenced, tracked and matched: the pipeline's last state.
          expect(s).toMatchObject({ state: 'done', detector: 'yolox_nano_416', error: null });
          expect(fs.existsSync(cachePath(library.cacheDir, 'thumbs', s.id))).toBe(true);
          // Previews are made when a photo is first opened, not by the pipeline.
          expect(fs.existsSync(cachePath(library.cacheDir, 'previews', s.id))).toBe(false);
        }
      }
      const count = () => (c.prepare('SELECT count(*) AS n FROM detections').get() as { n: number }).n;
      const boxes = count();
      expect(boxes).toBeGreaterThan(0);

      // Resumable: nothing left to do.
      expect(
        (await processImages(library, { models: modelsDir(), provider: 'cpu' }, tracker(), new JobControl())).processed,
      ).toBe(0);

      // Re-detecting a photo replaces its machine boxes in one go and keeps a box a person drew.
      const deer = states.find((s) => s.id !== bad.id)!.id;
      c.prepare(
        "INSERT INTO detections (image_id, model, raw_label, category, confidence, x, y, w, h) VALUES (?, 'human', 'deer', 'animal', 1, 0, 0, 0.1, 0.1)",
      ).run(deer);
      await processImages(
        library,
        { models: modelsDir(), provider: 'cpu', imageIds: [deer] },
        tracker(),
        new JobControl(),
      );
      expect(count()).toBe(boxes + 1);

      // A new detector makes what it did not process pending again; failed photos are retried only when asked.
      setSetting(library.db, 'detector', 'yolov8n_int8_640');
      const again = await processImages(
        library,
        { models: modelsDir(), provider: 'cpu', retryFailed: true },
        tracker(),
        new JobControl(),
      );
      expect(again).toMatchObject({ detector: 'yolov8n_int8_640', processed: 3, failed: 1 });
      expect(c.prepare('SELECT DISTINCT detector FROM images WHERE state = ?').all('done')).toEqual([
        { detector: 'yolov8n_int8_640' },
      ]);
      expect(c.prepare("SELECT DISTINCT model FROM detections WHERE model != 'human'").all()).toEqual([
        { model: 'yolov8n_int8_640' },
      ]);
      expect(c.prepare('SELECT attempts FROM images WHERE id = ?').get(bad.id)).toEqual({ attempts: 2 });

      // A new embedder re-embeds and re-matches only: same boxes, vectors in its own table, the old table untouched.
      const animalBoxes = () =>
        (
          c
            .prepare(
              "SELECT d.id FROM detections d WHERE category = 'animal' AND duplicate = 0 AND false_positive = 0 ORDER BY id",
            )
            .all() as { id: number }[]
        ).map((r) => r.id);
      const before = animalBoxes();
      expect(before.length).toBeGreaterThan(0);
      const oldVectors = getDetectionEmbeddings(library.db, 'mobilenetv2_gem', before);
      // A person's decision survives the switch: the named, confirmed individual keeps its boxes.
      const members = () =>
        (
          c
            .prepare(
              'SELECT d.id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id JOIN individuals i ON i.id = t.individual_id WHERE i.name = ? AND i.merged_into IS NULL ORDER BY d.id',
            )
            .all('Stag') as { id: number }[]
        ).map((r) => r.id);
      const decided = (
        c.prepare('SELECT individual_id AS id FROM tracklets WHERE individual_id IS NOT NULL LIMIT 1').get() as {
          id: number;
        }
      ).id;
      rename(library.db, { individualId: decided, name: 'Stag' });
      confirm(library.db, { individualId: decided, confirmed: true });
      const stagBoxes = members();
      expect(stagBoxes.length).toBeGreaterThan(0);
      const embedSnapshots: ProgressSnapshot[] = [];
      setSetting(library.db, 'embedder', 'osnet_x0_25');
      // Stopped after the first photo, the switch resumes where it stopped.
      const stopped = processImages(
        library,
        { models: modelsDir(), provider: 'cpu' },
        tracker(),
        new CancelAtCheckpoint(2),
      );
      await expect(stopped).rejects.toBeInstanceOf(JobCancelledError);
      expect(
        c
          .prepare(
            "SELECT embedder, count(*) AS n FROM images WHERE state != 'failed' GROUP BY embedder ORDER BY embedder",
          )
          .all(),
      ).toEqual([
        { embedder: 'mobilenetv2_gem', n: 2 },
        { embedder: 'osnet_x0_25', n: 1 },
      ]);
      const switched = await processImages(
        library,
        { models: modelsDir(), provider: 'cpu' },
        tracker(embedSnapshots),
        new JobControl(),
      );
      expect(switched).toMatchObject({ processed: 0, failed: 0 });
      expect(switched.reid!.sequencesProcessed).toBeGreaterThan(0);
      expect(animalBoxes()).toEqual(before);
      expect(c.prepare("SELECT DISTINCT state, embedder, detector FROM images WHERE state != 'failed'").all()).toEqual([
        { state: 'done', embedder: 'osnet_x0_25', detector: 'yolov8n_int8_640' },
      ]);
      const newVectors = getDetectionEmbeddings(library.db, 'osnet_x0_25', before);
      expect([...newVectors.keys()].sort()).toEqual([...before].sort());
      expect([...newVectors.values()].every((v) => v.length === 512)).toBe(true);
      expect(getDetectionEmbeddings(library.db, 'mobilenetv2_gem', before)).toEqual(oldVectors);
      // No mean mixes the two embedders: every stored tracklet and individual vector is osnet's (512 float32).
      for (const table of ['tracklets', 'individuals']) {
        expect(
          c.prepare(`SELECT DISTINCT length(embedding) AS bytes FROM ${table} WHERE embedding IS NOT NULL`).all(),
        ).toEqual([{ bytes: 2048 }]);
      }
      expect(members()).toEqual(stagBoxes);
      expect(c.prepare("SELECT confirmed FROM individuals WHERE name = 'Stag'").get()).toEqual({ confirmed: 1 });
      expect(embedSnapshots.at(-1)!.stages.find((st) => st.stage === 'embed')).toMatchObject({ done: 2, total: 2 });
      // Nothing left for either model.
      expect(
        await processImages(library, { models: modelsDir(), provider: 'cpu' }, tracker(), new JobControl()),
      ).toMatchObject({ processed: 0, reid: { sequencesProcessed: 0 } });
    } finally {
      library.close();
    }
  });

  it('stops before any photo with one error saying how to get a missing detector; the photos stay waiting', async () => {
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-src-'));
    fs.copyFileSync(path.join(deerImagesDir(), 'deer-img1.jpg'), path.join(src, 'a.jpg'));
    const library = openLibrary(fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-lib-')), { create: true });
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-nomodels-'));
    try {
      await importPhotos(library, { sources: [src], camera: 'test' }, tracker(), new JobControl());
      const failure = processImages(library, { models: empty }, tracker(), new JobControl());
      await expect(failure).rejects.toBeInstanceOf(ModelsMissingError);
      const message = ((await failure.catch((e: Error) => e)) as Error).message;
      expect(message).toMatch(
        /detector model "yolox_nano_416" is not installed: download it with `thumper models fetch yolox_nano_416`/,
      );
      expect(message).toMatch(/embedder model "mobilenetv2_gem" is not installed/);
      expect(message).toContain(empty);
      expect(library.db.$client.prepare('SELECT state, error, attempts FROM images').all()).toEqual([
        { state: 'imported', error: null, attempts: 0 },
      ]);
    } finally {
      library.close();
    }
  });
});
