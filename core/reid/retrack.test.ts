// Re-tracking never loses people's decisions: a regrouping (new sequence gap) and a re-detected photo keep merged,
// renamed and confirmed individuals and every detection that survives; the pipeline deletes only undecided
// individuals it empties.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/open';
import { confirm, merge, rename } from '../edits';
import { individualViolations } from '../../testing/invariants';
import { EMBEDDER, handLibrary } from '../../testing/handLibrary';
import { inheritTracklets, trackedBoxes } from './keepBoxes';
import { runReid } from './runReid';
import { setSequenceGap } from './sequenceGap';
import { setSetting } from '../library/settings';
import { putDetectionEmbeddings } from '../db/vectorIndex';
import { l2normalize } from './vectorMath';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-retrack-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const stag = l2normalize(Float32Array.from([1, 0.9, 0.1, 0, 0, 0.2, 0, 0]));
const hind = l2normalize(Float32Array.from([0, 0.1, 0, 1, 0.8, 0, 0.3, 0]));

const individualOf = (db: Db, detectionId: number) =>
  (
    db.$client
      .prepare(
        'SELECT t.individual_id AS i FROM detections d LEFT JOIN tracklets t ON t.id = d.tracklet_id WHERE d.id = ?',
      )
      .get(detectionId) as { i: number | null }
  ).i;
const individual = (db: Db, id: number) =>
  db.$client
    .prepare('SELECT name, merged_into AS mergedInto, detection_count AS n FROM individuals WHERE id = ?')
    .get(id) as { name: string; mergedInto: number | null; n: number } | undefined;

/** What the re-detection of a photo does to its rows (worker/pipeline/writeResults.ts): new boxes replace the old. */
function redetect(db: Db, photo: number, boxes: { x: number; vector: Float32Array }[]): number[] {
  const c = db.$client;
  const tracked = trackedBoxes(db, photo);
  c.prepare('DELETE FROM detections WHERE image_id = ?').run(photo);
  const ids = boxes.map((b) =>
    Number(
      c
        .prepare(
          `INSERT INTO detections (image_id, model, raw_label, category, confidence, x, y, w, h) VALUES (?, 'm', 'deer', 'animal', 0.8, ?, 0.31, 0.2, 0.3)`,
        )
        .run(photo, b.x).lastInsertRowid,
    ),
  );
  inheritTracklets(db, photo, tracked);
  putDetectionEmbeddings(
    db,
    EMBEDDER,
    ids.map((id, i) => ({ detectionId: id, vector: boxes[i]!.vector })),
  );
  c.prepare(`UPDATE images SET state = 'embedded' WHERE id = ?`).run(photo);
  return ids;
}

describe('re-tracking keeps decisions', () => {
  it('a merged, renamed individual survives a re-detection of its photos and a new sequence gap', async () => {
    const { db, add } = handLibrary(path.join(dir, 'merged.db'));
    setSetting(db, 'sequenceGapSeconds', 10);
    const a = add(1, '2020-05-01T10:00:00', [
      { x: 0.1, vector: stag },
      { x: 0.6, vector: hind },
    ]);
    const b = add(1, '2020-05-01T10:00:02', [
      { x: 0.12, vector: stag },
      { x: 0.62, vector: hind },
    ]);
    const c = add(1, '2020-05-01T10:00:40', [{ x: 0.3, vector: stag }]);
    const d = add(1, '2020-05-01T10:00:42', [{ x: 0.32, vector: stag }]);
    await runReid(db);
    const [early, late, doe] = [
      individualOf(db, a.ids[0]!)!,
      individualOf(db, c.ids[0]!)!,
      individualOf(db, a.ids[1]!)!,
    ];
    expect(new Set([early, late, doe]).size).toBe(3);
    merge(db, { targetId: early, sourceIds: [late] });
    rename(db, { individualId: early, name: 'Old stag' });

    // The same boxes found again (new rows, nearly the same place), then the two visits become one sequence.
    const [again] = redetect(db, c.photo, [{ x: 0.305, vector: stag }]);
    await runReid(db);
    await setSequenceGap(db, 60);

    expect(individual(db, early)).toEqual({ name: 'Old stag', mergedInto: null, n: 4 });
    expect(individual(db, late)!.mergedInto).toBe(early);
    for (const det of [a.ids[0]!, b.ids[0]!, again!, d.ids[0]!]) expect(individualOf(db, det)).toBe(early);
    // The undecided hind keeps its own individual too: its detections remember it through the re-tracking.
    for (const det of [a.ids[1]!, b.ids[1]!]) expect(individualOf(db, det)).toBe(doe);
    expect(individualViolations(db)).toEqual([]);
    db.$client.close();
  });

  it('a confirmed individual the pipeline empties stays with 0 sightings; an undecided one goes', async () => {
    const { db, add } = handLibrary(path.join(dir, 'emptied.db'));
    const kept = add(1, '2020-05-01T10:00:00', [{ x: 0.1, vector: stag }]);
    const gone = add(2, '2020-05-01T12:00:00', [{ x: 0.1, vector: hind }]);
    await runReid(db);
    const [stagId, hindId] = [individualOf(db, kept.ids[0]!)!, individualOf(db, gone.ids[0]!)!];
    confirm(db, { individualId: stagId, confirmed: true });
    // Re-detection finds nothing where the boxes were.
    redetect(db, kept.photo, []);
    redetect(db, gone.photo, []);
    await runReid(db);
    expect(individual(db, stagId)).toMatchObject({ mergedInto: null, n: 0 });
    expect(individual(db, hindId)).toBeUndefined();
    expect(individualViolations(db)).toEqual([]);
    db.$client.close();
  });

  it('a shorter gap keeps a named individual whole but lets the pipeline separate the visits of an undecided one', async () => {
    const { db, add } = handLibrary(path.join(dir, 'shorter.db'));
    setSetting(db, 'sequenceGapSeconds', 60);
    const photos = ['10:00:00', '10:00:02', '10:00:40', '10:00:42'].map((t, i) =>
      add(1, `2020-05-01T${t}`, [
        { x: 0.1 + i * 0.01, vector: stag },
        { x: 0.6 + i * 0.01, vector: hind },
      ]),
    );
    await runReid(db);
    const [named, other] = [individualOf(db, photos[0]!.ids[0]!)!, individualOf(db, photos[0]!.ids[1]!)!];
    for (const p of photos) expect([individualOf(db, p.ids[0]!), individualOf(db, p.ids[1]!)]).toEqual([named, other]);
    rename(db, { individualId: named, name: 'Notch' });
    await setSequenceGap(db, 10);
    for (const p of photos) expect(individualOf(db, p.ids[0]!)).toBe(named);
    expect(individual(db, named)).toEqual({ name: 'Notch', mergedInto: null, n: 4 });
    const secondVisit = individualOf(db, photos[2]!.ids[1]!)!;
    expect(individualOf(db, photos[0]!.ids[1]!)).toBe(other);
    expect(secondVisit).not.toBe(other);
    const pair = db.$client
      .prepare(
        `SELECT 1 FROM suggestions WHERE state = 'pending' AND ((individual_id = ? AND candidate_id = ?) OR (individual_id = ? AND candidate_id = ?))`,
      )
      .get(other, secondVisit, secondVisit, other);
    expect(pair).toBeDefined();
    expect(individualViolations(db)).toEqual([]);
    db.$client.close();
  });
});
