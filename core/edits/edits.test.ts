import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { individualViolations } from '../../testing/invariants';
import { copyTestLibrary, dumpTables, makeTestLibrary, type TestLibrary } from '../../testing/individualsLibrary';
import {
  addBox,
  confirm,
  correctDetection,
  EditConflictError,
  merge,
  redo,
  rename,
  review,
  setCover,
  setTraits,
  split,
  undo,
} from '.';
import { IndividualsError } from '../individuals';
import { getSetting } from '../library/settings';
import { individualsChanged } from '../reid/maintain';

let template: TestLibrary;
let lib: TestLibrary;
beforeAll(() => {
  template = makeTestLibrary({ seed: 21, cameras: 3, sequencesPerCamera: 5 });
});
afterAll(() => {
  template.close();
  template.remove();
});
beforeEach(() => {
  lib = copyTestLibrary(template);
});
afterEach(() => {
  lib.close();
  lib.remove();
});

const all = <T>(sql: string, ...params: unknown[]) => lib.db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => lib.db.$client.prepare(sql).get(...params) as T;
const pending = () =>
  all<{ id: number; individualId: number; candidateId: number }>(
    "SELECT id, individual_id AS individualId, candidate_id AS candidateId FROM suggestions WHERE state = 'pending' ORDER BY score DESC, id",
  );

describe('edits', () => {
  it('accepting a suggestion merges the pair; undo restores every row; redo merges again', () => {
    const original = dumpTables(lib.db);
    const s = pending()[0]!;
    const result = review(lib.db, { suggestionId: s.id, decision: 'accept' });
    const [older, newer] = [Math.min(s.individualId, s.candidateId), Math.max(s.individualId, s.candidateId)];
    expect(result.individualIds.slice(0, 2)).toEqual([older, newer]);
    expect(result).toMatchObject({ canUndo: true, canRedo: false });
    expect(one<{ m: number }>('SELECT merged_into AS m FROM individuals WHERE id = ?', newer).m).toBe(older);
    expect(one<{ state: string }>('SELECT state FROM suggestions WHERE id = ?', s.id).state).toBe('accepted');
    expect(individualViolations(lib.db)).toEqual([]);
    const merged = dumpTables(lib.db);

    expect(undo(lib.db)).toMatchObject({ journalId: result.journalId, canUndo: false, canRedo: true });
    expect(dumpTables(lib.db)).toEqual(original);
    expect(redo(lib.db)).toMatchObject({ journalId: result.journalId, canUndo: true, canRedo: false });
    expect(dumpTables(lib.db)).toEqual(merged);
    expect(undo(lib.db).journalId).toBe(result.journalId);
    expect(undo(lib.db).journalId).toBeNull();
  });

  it('accepting keeps the confirmed individual when only the newer one is confirmed', () => {
    const s = pending()[0]!;
    const newer = Math.max(s.individualId, s.candidateId);
    confirm(lib.db, { individualId: newer, confirmed: true });
    const r = review(lib.db, { suggestionId: s.id, decision: 'accept' });
    expect(r.individualIds[0]).toBe(newer);
    expect(one<{ m: number | null }>('SELECT merged_into AS m FROM individuals WHERE id = ?', newer).m).toBeNull();
  });

  it('a rejected pair is not proposed again until its members change', () => {
    const s = pending()[0]!;
    review(lib.db, { suggestionId: s.id, decision: 'reject' });
    // Recompute both sides' suggestions (as the pipeline does when they gain members elsewhere): the rejected pair
    // must not come back while its members are unchanged.
    individualsChanged(lib.db, getSetting(lib.db, 'embedder'), [s.individualId, s.candidateId]);
    rename(lib.db, { individualId: s.individualId, name: 'Old stag' });
    const again = () =>
      pending().filter(
        (p) =>
          (p.individualId === s.individualId && p.candidateId === s.candidateId) ||
          (p.individualId === s.candidateId && p.candidateId === s.individualId),
      );
    expect(again()).toEqual([]);
    expect(() => review(lib.db, { suggestionId: s.id, decision: 'accept' })).toThrow(/already rejected/);
    expect(one<{ name: string }>('SELECT name FROM individuals WHERE id = ?', s.individualId).name).toBe('Old stag');
  });

  it('a decision on a pair re-made under a new id decides the open one of the same two individuals', () => {
    const s = pending()[0]!;
    // A sex/age key or a merge elsewhere re-makes both sides' suggestions while the desk still shows the old id.
    individualsChanged(lib.db, getSetting(lib.db, 'embedder'), [s.individualId]);
    const remade = pending().find(
      (p) =>
        (p.individualId === s.individualId && p.candidateId === s.candidateId) ||
        (p.individualId === s.candidateId && p.candidateId === s.individualId),
    );
    expect(remade, 'the pair is proposed again under a new id').toBeDefined();
    expect(remade!.id).not.toBe(s.id);
    review(lib.db, { suggestionId: s.id, decision: 'reject' });
    expect(one<{ state: string }>('SELECT state FROM suggestions WHERE id = ?', remade!.id).state).toBe('rejected');
    expect(one<{ state: string }>('SELECT state FROM suggestions WHERE id = ?', s.id).state).toBe('superseded');
    // Once the pair is settled, the old id says so.
    expect(() => review(lib.db, { suggestionId: s.id, decision: 'accept' })).toThrow(/already superseded/);
  });

  it('split moves detections to a new individual or into another, and refuses two detections of one photo', () => {
    const [a, b] = all<{ id: number }>('SELECT id FROM individuals WHERE detection_count >= 2 ORDER BY id LIMIT 2').map(
      (r) => r.id,
    );
    const detA = all<{ id: number }>(
      'SELECT d.id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = ? ORDER BY d.id',
      a,
    );
    const before = one<{ n: number }>('SELECT detection_count AS n FROM individuals WHERE id = ?', a).n;
    const r = split(lib.db, { detectionIds: [detA[0]!.id] });
    const created = r.individualIds[0]!;
    expect(created).not.toBe(a);
    expect(
      one<{ name: string; n: number }>('SELECT name, detection_count AS n FROM individuals WHERE id = ?', created),
    ).toMatchObject({ n: 1 });
    expect(one<{ n: number }>('SELECT detection_count AS n FROM individuals WHERE id = ?', a).n).toBe(before - 1);
    expect(individualViolations(lib.db)).toEqual([]);

    const clash = one<{ d: number; other: number }>(
      `SELECT x.id AS d, ty.individual_id AS other FROM detections x JOIN tracklets tx ON tx.id = x.tracklet_id
       JOIN detections y ON y.image_id = x.image_id AND y.id != x.id JOIN tracklets ty ON ty.id = y.tracklet_id
       WHERE tx.individual_id != ty.individual_id LIMIT 1`,
    );
    const journal = one<{ n: number }>('SELECT count(*) AS n FROM edit_journal').n;
    expect(() => split(lib.db, { detectionIds: [clash.d], intoIndividualId: clash.other })).toThrow(IndividualsError);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM edit_journal').n).toBe(journal);
    expect(b).toBeDefined();
    expect(individualViolations(lib.db)).toEqual([]);
  });

  it('a false detection leaves its individual and counts follow; a category change makes a new individual', () => {
    const ind = one<{ id: number; n: number }>(
      'SELECT id, detection_count AS n FROM individuals WHERE detection_count >= 3 LIMIT 1',
    );
    const [d1, d2] = all<{ id: number }>(
      'SELECT d.id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = ? ORDER BY d.id',
      ind.id,
    );
    setCover(lib.db, { individualId: ind.id, detectionId: d1!.id });
    correctDetection(lib.db, { detectionId: d1!.id, falsePositive: true });
    const after = one<{ n: number; cover: number }>(
      'SELECT detection_count AS n, cover_detection_id AS cover FROM individuals WHERE id = ?',
      ind.id,
    );
    expect(after.n).toBe(ind.n - 1);
    expect(after.cover).not.toBe(d1!.id);
    expect(
      one<{ t: number | null; fp: number; r: number }>(
        'SELECT tracklet_id AS t, false_positive AS fp, reviewed AS r FROM detections WHERE id = ?',
        d1!.id,
      ),
    ).toEqual({ t: null, fp: 1, r: 1 });

    const r = correctDetection(lib.db, { detectionId: d2!.id, category: 'person' });
    const person = one<{ category: string; name: string }>(
      'SELECT i.category, i.name FROM detections d JOIN tracklets t ON t.id = d.tracklet_id JOIN individuals i ON i.id = t.individual_id WHERE d.id = ?',
      d2!.id,
    );
    expect(person).toEqual({ category: 'person', name: 'Person 1' });
    expect(r.individualIds).toContain(ind.id);
    expect(individualViolations(lib.db)).toEqual([]);
    undo(lib.db);
    undo(lib.db);
    expect(one<{ n: number }>('SELECT detection_count AS n FROM individuals WHERE id = ?', ind.id).n).toBe(ind.n);
  });

  it('a hand-drawn box sends its photo back to the embed stage; undo takes it away again', () => {
    const image = one<{ id: number }>("SELECT id FROM images WHERE state = 'done' LIMIT 1");
    const r = addBox(lib.db, { imageId: image.id, x: 0.1, y: 0.2, w: 0.3, h: 0.3, category: 'animal' });
    expect(
      one<{ model: string; reviewed: number }>('SELECT model, reviewed FROM detections WHERE id = ?', r.detectionId),
    ).toEqual({ model: 'human', reviewed: 1 });
    expect(one<{ state: string }>('SELECT state FROM images WHERE id = ?', image.id).state).toBe('detected');
    expect(() => addBox(lib.db, { imageId: image.id, x: 0.9, y: 0.2, w: 0.3, h: 0.3, category: 'animal' })).toThrow(
      /inside the photo/,
    );
    undo(lib.db);
    expect(one('SELECT id FROM detections WHERE id = ?', r.detectionId)).toBeUndefined();
    expect(one<{ state: string }>('SELECT state FROM images WHERE id = ?', image.id).state).toBe('done');
  });

  it('undo refuses when the rows changed since, instead of overwriting', () => {
    const [a, b] = all<{ id: number }>('SELECT id FROM individuals ORDER BY id LIMIT 2').map((r) => r.id);
    rename(lib.db, { individualId: a!, name: 'Notch' });
    lib.db.$client.prepare("UPDATE individuals SET name = 'Changed elsewhere' WHERE id = ?").run(a);
    expect(() => undo(lib.db)).toThrow(EditConflictError);
    expect(b).toBeDefined();
    // A new edit ends the redo chain.
    rename(lib.db, { individualId: b!, name: 'Forky' });
    undo(lib.db);
    // An edit that changes nothing neither journals nor ends the redo chain; one that does, ends it.
    expect(
      rename(lib.db, {
        individualId: b!,
        name: one<{ name: string }>('SELECT name FROM individuals WHERE id = ?', b).name,
      }),
    ).toMatchObject({ journalId: null, canRedo: true });
    rename(lib.db, { individualId: b!, name: 'Forky II' });
    expect(redo(lib.db).journalId).toBeNull();
  });

  it('journals only the columns an update changed, so unrelated later changes do not block undo', () => {
    const a = one<{ id: number }>('SELECT id FROM individuals ORDER BY id LIMIT 1').id;
    const r = rename(lib.db, { individualId: a, name: 'Notch' });
    const entry = one<{ forward: string; inverse: string }>(
      'SELECT forward, inverse FROM edit_journal WHERE id = ?',
      r.journalId,
    );
    expect((JSON.parse(entry.forward) as { rows: unknown[] }).rows).toEqual([
      { table: 'individuals', id: a, row: { name: 'Notch' } },
    ]);
    // The pipeline touching other columns of the same row in between (its notes here) is no conflict.
    lib.db.$client.prepare("UPDATE individuals SET notes = 'seen by the pipeline' WHERE id = ?").run(a);
    undo(lib.db);
    expect(one<{ name: string; notes: string }>('SELECT name, notes FROM individuals WHERE id = ?', a)).toMatchObject({
      notes: 'seen by the pipeline',
    });
    expect(one<{ name: string }>('SELECT name FROM individuals WHERE id = ?', a).name).not.toBe('Notch');
  });

  it('merge refuses mixed categories and merged individuals', () => {
    const d = one<{ id: number }>('SELECT id FROM detections WHERE tracklet_id IS NOT NULL ORDER BY id LIMIT 1').id;
    const person = correctDetection(lib.db, { detectionId: d, category: 'person' }).individualIds.find(
      (id) => one<{ c: string }>('SELECT category AS c FROM individuals WHERE id = ?', id).c === 'person',
    )!;
    const [a, b, c] = all<{ id: number }>("SELECT id FROM individuals WHERE category = 'animal' ORDER BY id").map(
      (r) => r.id,
    );
    expect(() => merge(lib.db, { targetId: a!, sourceIds: [person] })).toThrow(/cannot merge a person into a animal/);
    const photosOf = (id: number) =>
      all<{ i: number }>(
        'SELECT d.image_id AS i FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = ?',
        id,
      ).map((r) => r.i);
    const free = [b!, c!].find((x) => !photosOf(x).some((p) => photosOf(a!).includes(p)))!;
    merge(lib.db, { targetId: a!, sourceIds: [free] });
    expect(() => merge(lib.db, { targetId: free, sourceIds: [a!] })).toThrow(/was merged into/);
  });

  it('after a merge, suggestions that pointed at either side are recomputed, and vectors follow; undo restores them', () => {
    const s = pending()[0]!;
    const [target, source] = [s.individualId, s.candidateId];
    const before = dumpTables(lib.db);
    const lastSuggestion = one<{ id: number }>('SELECT max(id) AS id FROM suggestions').id;
    // Individuals (other than the pair) whose queue pointed at one of them: their entries go stale with the merge.
    const others = [
      ...new Set(
        all<{ i: number }>(
          "SELECT individual_id AS i FROM suggestions WHERE state = 'pending' AND candidate_id IN (?, ?) AND individual_id NOT IN (?, ?)",
          target,
          source,
          target,
          source,
        ).map((r) => r.i),
      ),
    ];
    expect(others.length).toBeGreaterThan(0);
    merge(lib.db, { targetId: target, sourceIds: [source] });
    for (const other of others) {
      const fresh = all<{ c: number }>(
        "SELECT candidate_id AS c FROM suggestions WHERE state = 'pending' AND individual_id = ? AND id > ?",
        other,
        lastSuggestion,
      );
      expect(fresh.length, `individual ${other} got fresh suggestions`).toBeGreaterThan(0);
      expect(fresh.map((f) => f.c)).not.toContain(source);
    }
    expect(individualViolations(lib.db)).toEqual([]);
    undo(lib.db);
    expect(dumpTables(lib.db)).toEqual(before);
    expect(individualViolations(lib.db)).toEqual([]);
  });

  it("an individual's own sex and age class rule out suggestions; the edit is journalled and undoable", () => {
    const s = pending()[0]!;
    const pair = () =>
      pending().filter(
        (p) => [p.individualId, p.candidateId].sort().join() === [s.individualId, s.candidateId].sort().join(),
      );
    expect(pair()).not.toEqual([]);
    const before = dumpTables(lib.db);
    setTraits(lib.db, { individualId: s.individualId, sex: 'male', ageClass: 'adult' });
    expect(pair()).not.toEqual([]);
    const r = setTraits(lib.db, { individualId: s.candidateId, sex: 'female' });
    expect(r).toMatchObject({ individualIds: expect.arrayContaining([s.candidateId]), canUndo: true });
    expect(
      one<{ sex: string; age: string }>('SELECT sex, age_class AS age FROM individuals WHERE id = ?', s.individualId),
    ).toEqual({ sex: 'male', age: 'adult' });
    expect(pair()).toEqual([]);
    expect(individualViolations(lib.db)).toEqual([]);
    undo(lib.db);
    expect(pair()).not.toEqual([]);
    undo(lib.db);
    expect(dumpTables(lib.db)).toEqual(before);
    expect(() => setTraits(lib.db, { individualId: 99999, sex: 'male' })).toThrow(IndividualsError);
  });
});
