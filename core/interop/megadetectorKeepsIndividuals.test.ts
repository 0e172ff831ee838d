// Importing MegaDetector boxes never loses a person's decisions, with the real detector and embedder: the stag's two
// visits at H6R1-01-V03 (2015-02-03, 40 s apart) are processed, merged and named, then the library's own export is
// imported over them (every box replaced by its rounded copy); the named individual keeps its detections, and the
// next processing run embeds the imported boxes and re-tracks without undoing it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/open';
import { merge, rename } from '../edits';
import { megadetectorExport } from '../exports/megadetector';
import { individualViolations } from '../../testing/invariants';
import { JobControl } from '../jobs/control';
import { ProgressTracker } from '../jobs/progress';
import { setSetting } from '../library/settings';
import { deerGroundTruth, modelsDir } from '../../testing/fixtures';
import { processImages } from '../../worker/pipeline/processImages';
import { importMegadetector } from './megadetectorImport';
import { importTruth, type TestLibrary } from '../../testing/interopLibrary';

let t: TestLibrary;
beforeAll(async () => {
  t = await importTruth(deerGroundTruth().filter((g) => g.camera === 'H6R1-01-V03' && [266, 270].includes(g.event)));
});
afterAll(() => {
  t.library.close();
  fs.rmSync(t.dir, { recursive: true, force: true });
});

const processAll = () =>
  processImages(
    t.library,
    { models: modelsDir(), provider: 'cpu', threads: 2 },
    new ProgressTracker(1, () => undefined),
    new JobControl(),
  );

interface Box {
  imageId: number;
  x: number;
  y: number;
  individual: number | null;
  model: string;
}

/** Animal boxes with their individual, by photo and place (detection ids change when boxes are replaced). */
const boxes = (db: Db) =>
  db.$client
    .prepare(
      `SELECT d.image_id AS imageId, d.x, d.y, t.individual_id AS individual, d.model FROM detections d LEFT JOIN tracklets t ON t.id = d.tracklet_id
       WHERE d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive ORDER BY d.image_id, d.x`,
    )
    .all() as Box[];
const samePlace = (a: Box) => (b: Box) =>
  b.imageId === a.imageId && Math.abs(b.x - a.x) < 1e-3 && Math.abs(b.y - a.y) < 1e-3;
const mostCommon = (values: number[]) =>
  [...new Set(values)].sort((a, b) => values.filter((v) => v === b).length - values.filter((v) => v === a).length)[0]!;

describe('MegaDetector import over processed photos (real pipeline)', () => {
  it('keeps a merged, named individual and its detections', async () => {
    const { db } = t.library;
    // Two sequences, so the two visits become two individuals.
    setSetting(db, 'sequenceGapSeconds', 10);
    expect(await processAll()).toMatchObject({ processed: t.truth.length, failed: 0 });
    const visit = new Map(
      (db.$client.prepare('SELECT id, file_name AS file FROM images').all() as { id: number; file: string }[]).map(
        (r) => [r.id, t.truth.find((g) => g.file === r.file)!.event],
      ),
    );
    const first = boxes(db);
    const early = mostCommon(first.filter((b) => visit.get(b.imageId) === 266).map((b) => b.individual!));
    const late = mostCommon(first.filter((b) => visit.get(b.imageId) === 270).map((b) => b.individual!));
    expect(early).not.toBe(late);
    merge(db, { targetId: early, sourceIds: [late] });
    rename(db, { individualId: early, name: 'Old stag' });
    const stag = boxes(db).filter((b) => b.individual === early);
    expect(stag.length).toBeGreaterThan(4);

    const file = path.join(t.dir, 'own-export.json');
    fs.writeFileSync(file, JSON.stringify(megadetectorExport(t.library)));
    const summary = await importMegadetector(t.library, file, { root: t.library.photosDir });
    expect(summary).toMatchObject({ photos: t.truth.length, unmatched: [], failures: [] });

    const ind = db.$client.prepare('SELECT name, merged_into AS m, detection_count AS n FROM individuals WHERE id = ?');
    const held = () => {
      const now = boxes(db);
      return stag.map((b) => now.find(samePlace(b)));
    };
    expect(ind.get(early)).toEqual({ name: 'Old stag', m: null, n: stag.length });
    for (const b of held()) expect(b).toMatchObject({ individual: early, model: 'import:own-export.json' });
    expect(individualViolations(db)).toEqual([]);
    const states = () => db.$client.prepare('SELECT DISTINCT state FROM images').all();
    expect(states()).toEqual([{ state: 'detected' }]);

    // The next run embeds the imported boxes (no re-detection) and re-tracks and re-matches their sequences.
    expect(await processAll()).toMatchObject({ processed: 0, failed: 0 });
    expect(states()).toEqual([{ state: 'done' }]);
    expect(ind.get(early)).toEqual({ name: 'Old stag', m: null, n: stag.length });
    for (const b of held()) expect(b).toMatchObject({ individual: early, model: 'import:own-export.json' });
    expect(individualViolations(db)).toEqual([]);
  }, 240_000);
});
