import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/open';
import { setSetting } from '../library/settings';
import { EMBEDDER, handLibrary } from '../../testing/handLibrary';
import { individualsChanged } from './maintain';
import { runReid } from './runReid';
import { exclusionReason, type Subject } from './subjects';
import { l2normalize } from './vectorMath';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-suggest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const library = (name: string) => handLibrary(path.join(dir, `${name}.db`));

const looks = {
  stag: l2normalize(Float32Array.from([1, 0.9, 0.1, 0, 0, 0.2, 0, 0])),
  stagAgain: l2normalize(Float32Array.from([1, 0.85, 0.15, 0, 0.05, 0.2, 0, 0])),
  hind: l2normalize(Float32Array.from([0, 0.1, 0, 1, 0.8, 0, 0.3, 0])),
};

const individualOf = (db: Db, detectionId: number) =>
  (
    db.$client
      .prepare('SELECT t.individual_id AS i FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE d.id = ?')
      .get(detectionId) as { i: number }
  ).i;

const pending = (db: Db) =>
  db.$client
    .prepare(
      `SELECT individual_id AS a, candidate_id AS b, score, rank, same_camera AS same, time_gap_seconds AS gap FROM suggestions WHERE state = 'pending' ORDER BY id`,
    )
    .all() as {
    a: number;
    b: number;
    score: number;
    rank: number;
    same: number;
    gap: number;
  }[];

describe('suggestions', () => {
  const { db, add } = library('main');
  // North 10:00: a stag and a hind in one photo, then the stag alone; North 10:05 the stag again; South 10:00:30 a
  // stag-like deer (too soon to be the same one, 30 s and two cameras away).
  const first = add(1, '2020-05-01T10:00:00', [
    { x: 0.1, vector: looks.stag },
    { x: 0.6, vector: looks.hind },
  ]);
  const second = add(1, '2020-05-01T10:00:01', [{ x: 0.12, vector: looks.stagAgain }]);
  const later = add(1, '2020-05-01T10:05:00', [{ x: 0.5, vector: looks.stagAgain }]);
  const south = add(2, '2020-05-01T10:00:30', [{ x: 0.5, vector: looks.stag }]);

  it('makes one provisional individual per tracklet and never proposes two deer of one photo', async () => {
    const summary = await runReid(db);
    expect(summary).toMatchObject({
      sequencesCreated: 3,
      sequencesProcessed: 3,
      tracklets: 4,
      individualsCreated: 4,
      autoAccepted: 0,
    });
    const stag = individualOf(db, first.ids[0]!);
    const hind = individualOf(db, first.ids[1]!);
    expect(individualOf(db, second.ids[0]!)).toBe(stag);
    const names = db.$client.prepare('SELECT name FROM individuals ORDER BY id').all();
    expect(names).toEqual([{ name: 'Deer 1' }, { name: 'Deer 2' }, { name: 'Deer 3' }, { name: 'Deer 4' }]);
    for (const s of pending(db)) expect([s.a, s.b].sort()).not.toEqual([stag, hind].sort());
  });

  it('ranks the stag at the same camera five minutes later first, and penalises two cameras 30 s apart', () => {
    const stag = individualOf(db, first.ids[0]!);
    const back = individualOf(db, later.ids[0]!);
    const elsewhere = individualOf(db, south.ids[0]!);
    const forBack = pending(db).filter((s) => s.a === back);
    expect(forBack[0]).toMatchObject({ b: stag, rank: 1, same: 1, gap: 299 });
    const southVsStag = pending(db).find((s) => s.a === elsewhere && s.b === stag)!;
    const southVsBack = pending(db).find((s) => s.a === elsewhere && s.b === back)!;
    expect(southVsStag.score).toBeLessThan(southVsBack.score);
  });

  it('does not propose a rejected pair again until its members change', () => {
    const stag = individualOf(db, first.ids[0]!);
    const back = individualOf(db, later.ids[0]!);
    db.$client
      .prepare(
        `UPDATE suggestions SET state = 'rejected' WHERE individual_id = ? AND candidate_id = ? AND state = 'pending'`,
      )
      .run(back, stag);
    individualsChanged(db, EMBEDDER, [back]);
    expect(pending(db).some((s) => s.a === back && s.b === stag)).toBe(false);
    expect(pending(db).some((s) => s.a === stag && s.b === back)).toBe(false);
    // The stag individual gains the South tracklet: a different pair now, so it may be proposed again.
    const southTracklet = (
      db.$client.prepare('SELECT tracklet_id AS t FROM detections WHERE id = ?').get(south.ids[0]!) as { t: number }
    ).t;
    db.$client.prepare('UPDATE tracklets SET individual_id = ? WHERE id = ?').run(stag, southTracklet);
    individualsChanged(db, EMBEDDER, [stag, back]);
    expect(pending(db).some((s) => (s.a === back && s.b === stag) || (s.a === stag && s.b === back))).toBe(true);
  });

  it('skips candidates that an edit elsewhere merged away before the vector index caught up', () => {
    const stag = individualOf(db, first.ids[0]!);
    const hind = individualOf(db, first.ids[1]!);
    const back = individualOf(db, later.ids[0]!);
    db.$client.prepare('UPDATE individuals SET merged_into = ? WHERE id = ?').run(hind, stag);
    expect(() => individualsChanged(db, EMBEDDER, [back])).not.toThrow();
    expect(pending(db).some((s) => s.a === back && s.b === stag)).toBe(false);
  });

  it('joins a deer lost for a while within one visit, and proposes one that looks only somewhat alike', async () => {
    // One visit at North: the stag at the left for two frames, a deer that looks only somewhat like it at the right
    // (cosine 0.69), seven empty frames, then the stag again a little further on: joined (alike, within reach).
    // The other deer never shares a photo with the stag, so it is proposed for it, not excluded.
    const somewhatAlike = l2normalize(Float32Array.from([1, 0.2, 0.1, 0.6, 0.5, 0.2, 0, 0]));
    const { db: visit, add: addVisit } = library('visit');
    const a = addVisit(1, '2020-05-01T10:00:00', [{ x: 0.05, vector: looks.stag }]);
    addVisit(1, '2020-05-01T10:00:01', [{ x: 0.06, vector: looks.stag }]);
    const other = addVisit(1, '2020-05-01T10:00:02', [{ x: 0.78, vector: somewhatAlike }]);
    for (let i = 3; i < 10; i++) addVisit(1, `2020-05-01T10:00:0${i}`, []);
    const b = addVisit(1, '2020-05-01T10:00:10', [{ x: 0.3, vector: looks.stagAgain }]);
    expect((await runReid(visit)).sequencesCreated).toBe(1);
    const stag = individualOf(visit, a.ids[0]!);
    expect(individualOf(visit, b.ids[0]!)).toBe(stag);
    const otherDeer = individualOf(visit, other.ids[0]!);
    expect(otherDeer).not.toBe(stag);
    expect(pending(visit).some((s) => [s.a, s.b].sort().join() === [stag, otherDeer].sort().join())).toBe(true);
  });

  it('auto-accepts a new tracklet only when switched on with a threshold, for the embedder it was calibrated for', async () => {
    const { db: auto, add: addAuto } = library('auto');
    addAuto(1, '2020-05-01T10:00:00', [{ x: 0.1, vector: looks.stag }]);
    await runReid(auto);
    setSetting(auto, 'autoAccept', true);
    const next = addAuto(1, '2020-05-01T10:10:00', [{ x: 0.3, vector: looks.stagAgain }]);
    expect((await runReid(auto)).individualsCreated).toBe(1);
    setSetting(auto, 'autoAcceptThreshold', 0.5);
    setSetting(auto, 'autoAcceptEmbedder', 'another_embedder');
    const fourth = addAuto(1, '2020-05-01T10:15:00', [{ x: 0.3, vector: looks.stagAgain }]);
    expect((await runReid(auto)).autoAccepted).toBe(0);
    expect(individualOf(auto, fourth.ids[0]!)).not.toBe(individualOf(auto, next.ids[0]!));
    setSetting(auto, 'autoAcceptEmbedder', EMBEDDER);
    const third = addAuto(1, '2020-05-01T10:20:00', [{ x: 0.3, vector: looks.stagAgain }]);
    const summary = await runReid(auto);
    expect(summary).toMatchObject({ individualsCreated: 0, autoAccepted: 1 });
    expect([next, fourth].map((n) => individualOf(auto, n.ids[0]!))).toContain(individualOf(auto, third.ids[0]!));
  });
});

describe('exclusionReason', () => {
  const subject = (over: Partial<Subject>): Subject => ({
    trackletIds: [],
    sequenceIds: new Set(),
    imageIds: new Set(),
    category: 'animal',
    species: 'deer',
    sex: null,
    ageClass: null,
    sexAge: null,
    sightings: [],
    ...over,
  });

  it('names what makes a pair impossible', () => {
    expect(exclusionReason(subject({}), subject({}))).toBeNull();
    // One sequence is no exclusion: tracklets of one visit that never share a photo may be one animal.
    expect(exclusionReason(subject({ sequenceIds: new Set([3]) }), subject({ sequenceIds: new Set([3]) }))).toBeNull();
    expect(exclusionReason(subject({ imageIds: new Set([9]) }), subject({ imageIds: new Set([9]) }))).toBe(
      'share a photo',
    );
    expect(exclusionReason(subject({ sex: 'male' }), subject({ sex: 'female' }))).toBe('different sex');
    expect(exclusionReason(subject({ sex: 'male' }), subject({}))).toBeNull();
    expect(exclusionReason(subject({ ageClass: 'fawn' }), subject({ ageClass: 'adult' }))).toBe('different age class');
    expect(exclusionReason(subject({ category: 'person' }), subject({}))).toBe('different category');
    expect(exclusionReason(subject({ species: 'zebra' }), subject({}))).toBe('different species');
    expect(exclusionReason(subject({ species: 'Zebra' }), subject({ species: 'zebra' }))).toBeNull();
    expect(exclusionReason(subject({ sexAge: 'buck' }), subject({ sexAge: 'doe' }))).toBe('a buck is not a doe');
    expect(exclusionReason(subject({ sexAge: 'fawn' }), subject({ sexAge: 'buck' }))).toBe('a fawn is not a buck');
    expect(exclusionReason(subject({ sexAge: 'buck' }), subject({ sexAge: 'unknown' }))).toBeNull();
  });
});
