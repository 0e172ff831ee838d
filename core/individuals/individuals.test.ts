import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../db/open';
import {
  assignTracklets,
  createIndividual,
  detachDetections,
  IndividualsError,
  memberTracklets,
  mergeIndividuals,
  meanOfNormalised,
  provisionalName,
  splitDetections,
} from '.';
import { getSetting } from '../library/settings';
import { individualsChanged } from '../reid/maintain';
import { embedderKey } from '../db/vectorIndex';
import { individualViolations } from '../../testing/invariants';
import { makeTestLibrary, type TestLibrary } from '../../testing/individualsLibrary';

let lib: TestLibrary;
afterEach(() => {
  lib.close();
  lib.remove();
});

const all = <T>(sql: string, ...params: unknown[]) => lib.db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => lib.db.$client.prepare(sql).get(...params) as T;

/** An operation and the upkeep every caller owes it (core/reid individualsChanged), in one transaction. */
function change<T>(op: () => T, changed: (result: T) => number[]): T {
  return inTransaction(lib.db, () => {
    const result = op();
    individualsChanged(lib.db, getSetting(lib.db, 'embedder'), changed(result));
    return result;
  });
}
const ids = (r: number[]) => r;

/** Two individuals of different sequences that share no photo. */
function twoIndividuals(): [number, number] {
  const ids = all<{ id: number }>('SELECT id FROM individuals ORDER BY id').map((r) => r.id);
  for (const a of ids) for (const b of ids) if (a < b && sharedPhotos(a, b) === 0) return [a, b];
  throw new Error('no mergeable pair in the test library');
}

function sharedPhotos(a: number, b: number): number {
  return one<{ n: number }>(
    `SELECT count(*) AS n FROM detections x JOIN tracklets tx ON tx.id = x.tracklet_id
     JOIN detections y ON y.image_id = x.image_id JOIN tracklets ty ON ty.id = y.tracklet_id
     WHERE tx.individual_id = ? AND ty.individual_id = ?`,
    a,
    b,
  ).n;
}

describe('individuals', () => {
  it('builds a consistent library and names individuals Deer 1, Deer 2, ...', () => {
    lib = makeTestLibrary({ seed: 7 });
    expect(individualViolations(lib.db)).toEqual([]);
    const n = one<{ n: number }>('SELECT count(*) AS n FROM individuals').n;
    expect(n).toBeGreaterThan(5);
    expect(provisionalName(lib.db, 'animal')).toBe(`Deer ${n + 1}`);
    lib.db.$client.prepare("UPDATE individuals SET name = 'Deer 40x' WHERE id = 1").run();
    expect(provisionalName(lib.db, 'animal')).toBe(`Deer ${n + 1}`);
    expect(provisionalName(lib.db, 'person')).toBe('Person 1');
  });

  it('merges: members, counts, first/last seen and pointer follow; two deer of one photo are refused', () => {
    lib = makeTestLibrary({ seed: 3 });
    const [a, b] = twoIndividuals();
    const before = one<{ n: number }>(
      'SELECT detection_count + (SELECT detection_count FROM individuals WHERE id = ?) AS n FROM individuals WHERE id = ?',
      b,
      a,
    ).n;
    const changed = change(() => mergeIndividuals(lib.db, a, [b]), ids);
    expect(changed).toEqual([a, b]);
    expect(
      one<{ n: number; m: number | null }>(
        'SELECT detection_count AS n, merged_into AS m FROM individuals WHERE id = ?',
        a,
      ).n,
    ).toBe(before);
    expect(one<{ m: number }>('SELECT merged_into AS m FROM individuals WHERE id = ?', b).m).toBe(a);
    expect(memberTracklets(lib.db, b)).toEqual([]);
    expect(individualViolations(lib.db)).toEqual([]);

    const photo = one<{ image: number }>(
      'SELECT image_id AS image FROM detections GROUP BY image_id HAVING count(*) > 1 LIMIT 1',
    ).image;
    const [x, y] = all<{ i: number }>(
      'SELECT t.individual_id AS i FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE d.image_id = ? LIMIT 2',
      photo,
    );
    expect(() => inTransaction(lib.db, () => mergeIndividuals(lib.db, x!.i, [y!.i]))).toThrow(IndividualsError);
    expect(individualViolations(lib.db)).toEqual([]);
  });

  it('splits detections: a partial tracklet becomes a new tracklet of the same sequence, a whole one moves', () => {
    lib = makeTestLibrary({ seed: 5 });
    const big = one<{ id: number; seq: number }>(
      'SELECT t.id, t.sequence_id AS seq FROM tracklets t JOIN detections d ON d.tracklet_id = t.id GROUP BY t.id HAVING count(*) >= 3 LIMIT 1',
    );
    const dets = all<{ id: number }>('SELECT id FROM detections WHERE tracklet_id = ? ORDER BY id', big.id).map(
      (r) => r.id,
    );
    const owner = one<{ i: number }>('SELECT individual_id AS i FROM tracklets WHERE id = ?', big.id).i;
    const result = change(
      () => splitDetections(lib.db, [dets[0]!]),
      (r) => r.changed,
    );
    expect(result.individualId).not.toBe(owner);
    expect(result.changed.sort()).toEqual([owner, result.individualId].sort());
    const moved = one<{ t: number; seq: number }>(
      'SELECT d.tracklet_id AS t, t.sequence_id AS seq FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE d.id = ?',
      dets[0],
    );
    expect(moved.t).not.toBe(big.id);
    expect(moved.seq).toBe(big.seq);
    expect(one<{ n: number }>('SELECT detection_count AS n FROM individuals WHERE id = ?', result.individualId).n).toBe(
      1,
    );
    expect(individualViolations(lib.db)).toEqual([]);

    // Split the rest of the tracklet into that same individual: the whole tracklet moves and the owner may empty.
    change(
      () => splitDetections(lib.db, dets.slice(1), result.individualId),
      (r) => r.changed,
    );
    expect(one<{ i: number }>('SELECT individual_id AS i FROM tracklets WHERE id = ?', big.id).i).toBe(
      result.individualId,
    );
    expect(individualViolations(lib.db)).toEqual([]);
  });

  it('detaches a false detection: counts follow, empty tracklets and individuals go', () => {
    lib = makeTestLibrary({ seed: 9 });
    const single = one<{ d: number; t: number; i: number }>(
      `SELECT min(d.id) AS d, t.id AS t, t.individual_id AS i FROM tracklets t JOIN detections d ON d.tracklet_id = t.id
       GROUP BY t.id HAVING count(*) = 1 AND (SELECT count(*) FROM tracklets u WHERE u.individual_id = t.individual_id) = 1 LIMIT 1`,
    );
    lib.db.$client.prepare('UPDATE detections SET false_positive = 1 WHERE id = ?').run(single.d);
    expect(change(() => detachDetections(lib.db, [single.d]), ids)).toEqual([single.i]);
    expect(one('SELECT id FROM tracklets WHERE id = ?', single.t)).toBeUndefined();
    expect(one('SELECT id FROM individuals WHERE id = ?', single.i)).toBeUndefined();
    expect(individualViolations(lib.db)).toEqual([]);
  });

  it('assigns tracklets to an existing individual and refuses an empty new one', () => {
    lib = makeTestLibrary({ seed: 11 });
    const [a, b] = twoIndividuals();
    const t = memberTracklets(lib.db, b)[0]!;
    expect(change(() => assignTracklets(lib.db, a, [t]), ids)[0]).toBe(a);
    expect(memberTracklets(lib.db, a)).toContain(t);
    expect(() => inTransaction(lib.db, () => createIndividual(lib.db, []))).toThrow(IndividualsError);
    expect(individualViolations(lib.db)).toEqual([]);
  });

  it('the invariant check sees stale counts, clashing photos and dangling suggestions', () => {
    lib = makeTestLibrary({ seed: 2 });
    const c = lib.db.$client;
    c.prepare('UPDATE individuals SET detection_count = detection_count + 1 WHERE id = 1').run();
    const photo = one<{ image: number }>(
      'SELECT image_id AS image FROM detections GROUP BY image_id HAVING count(*) > 1 LIMIT 1',
    ).image;
    const [x, y] = all<{ t: number }>('SELECT tracklet_id AS t FROM detections WHERE image_id = ? LIMIT 2', photo);
    c.prepare(
      'UPDATE tracklets SET individual_id = (SELECT individual_id FROM tracklets WHERE id = ?) WHERE id = ?',
    ).run(x!.t, y!.t);
    c.prepare(
      "INSERT INTO suggestions (individual_id, candidate_id, embedder, score, appearance, same_camera, rank, member_signature) VALUES (1, 999, 'e', 0.5, 0.5, 0, 1, '')",
    ).run();
    const v = individualViolations(lib.db).join('\n');
    expect(v).toMatch(/individual 1 counts/);
    expect(v).toMatch(/holds two detections of one photo/);
    expect(v).toMatch(/pending suggestion \d+ refers to gone individual 999/);
    c.prepare('DELETE FROM individual_sketches WHERE embedder = ? AND individual_id = 1').run(
      embedderKey(getSetting(lib.db, 'embedder')),
    );
    c.prepare('UPDATE individuals SET merged_into = 2 WHERE id = 3').run();
    const vectors = individualViolations(lib.db).join('\n');
    expect(vectors).toMatch(/individual 1 is missing from the vector index/);
    expect(vectors).toMatch(/individual 3 is left in the vector index/);
  });

  it('averages normalised embeddings and renormalises', () => {
    lib = makeTestLibrary();
    const m = meanOfNormalised([Float32Array.of(10, 0), Float32Array.of(0, 1)])!;
    expect(m[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(m[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(meanOfNormalised([])).toBeNull();
  });
});
