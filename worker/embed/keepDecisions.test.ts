// Re-processing never loses a person's decisions, with the real detector and embedder: the stag's two visits at
// H6R1-01-V03 (2015-02-03, 40 s apart) are merged and named, then their photos are re-detected and the sequence gap
// changes so both visits become one sequence; the merged individual, its name and its detections survive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/open';
import { merge, rename } from '../../core/edits';
import { individualViolations } from '../../testing/invariants';
import { JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import { openLibrary } from '../../core/library/library';
import { setSetting } from '../../core/library/settings';
import { setSequenceGap } from '../../core/reid/sequenceGap';
import { deerGroundTruth, deerImagesDir, modelsDir } from '../../testing/fixtures';
import { importPhotos } from '../import/importPhotos';
import { processImages } from '../pipeline/processImages';

const picked = deerGroundTruth().filter((g) => g.camera === 'H6R1-01-V03' && [266, 270].includes(g.event));
const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `thumper-${prefix}-`));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

interface Box {
  sha256: string;
  x: number;
  y: number;
  w: number;
  h: number;
  individual: number | null;
}

/** Animal boxes with their photo and individual, keyed by photo and place (detection ids change on re-detection). */
function boxes(db: Db): Box[] {
  return db.$client
    .prepare(
      `SELECT i.sha256, d.x, d.y, d.w, d.h, t.individual_id AS individual FROM detections d JOIN images i ON i.id = d.image_id
       LEFT JOIN tracklets t ON t.id = d.tracklet_id WHERE d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive ORDER BY i.sha256, d.x`,
    )
    .all() as Box[];
}

const mostCommon = (values: number[]) =>
  [...new Set(values)].sort((a, b) => values.filter((v) => v === b).length - values.filter((v) => v === a).length)[0]!;
const run = (library: ReturnType<typeof openLibrary>, imageIds?: number[]) =>
  processImages(
    library,
    { models: modelsDir(), provider: 'cpu', threads: 2, imageIds },
    new ProgressTracker(1, () => undefined),
    new JobControl(),
  );

describe('re-processing keeps decisions (real pipeline)', () => {
  it('a merged, named individual survives a re-detection of its photos and a new sequence gap', async () => {
    const src = tmp('keep-src');
    for (const g of picked) fs.copyFileSync(path.join(deerImagesDir(), g.file), path.join(src, g.file));
    const library = openLibrary(tmp('keep-lib'), { create: true });
    try {
      const db = library.db;
      setSetting(db, 'sequenceGapSeconds', 10);
      await importPhotos(library, { sources: [src] }, new ProgressTracker(1, () => undefined), new JobControl());
      expect(await run(library)).toMatchObject({ processed: picked.length, failed: 0 });
      const event = new Map(picked.map((g) => [g.sha256, g.event]));
      const first = boxes(db);
      const early = mostCommon(first.filter((b) => event.get(b.sha256) === 266).map((b) => b.individual!));
      const late = mostCommon(first.filter((b) => event.get(b.sha256) === 270).map((b) => b.individual!));
      expect(early).not.toBe(late);
      merge(db, { targetId: early, sourceIds: [late] });
      rename(db, { individualId: early, name: 'Old stag' });
      const stag = boxes(db).filter((b) => b.individual === early);
      expect(stag.length).toBeGreaterThan(4);

      const photos = (db.$client.prepare('SELECT id FROM images ORDER BY id').all() as { id: number }[]).map(
        (r) => r.id,
      );
      expect(await run(library, photos)).toMatchObject({ processed: picked.length, failed: 0 });
      const regrouped = await setSequenceGap(db, 60);
      expect(regrouped.sequencesCreated).toBe(1);

      const ind = db.$client.prepare(
        'SELECT name, merged_into AS m, detection_count AS n FROM individuals WHERE id = ?',
      );
      expect(ind.get(early)).toEqual({ name: 'Old stag', m: null, n: stag.length });
      expect(ind.get(late)).toMatchObject({ m: early });
      const now = boxes(db);
      for (const b of stag)
        expect(
          now.find((n) => n.sha256 === b.sha256 && Math.abs(n.x - b.x) < 1e-6 && Math.abs(n.y - b.y) < 1e-6)
            ?.individual,
        ).toBe(early);
      expect(individualViolations(db)).toEqual([]);
    } finally {
      library.close();
    }
  }, 240_000);
});
