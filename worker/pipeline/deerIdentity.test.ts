// The deer gallery tells the truth: the whole pipeline (YOLOX-nano, fragments, tracking, joining, matching, species)
// on the fixture card, judged against its ground truth, and on a mixed card with other species.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSpecies, undo } from '../../core/edits';
import { JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import { openLibrary, type Library } from '../../core/library/library';
import { queryIndividuals } from '../../core/queries/individuals';
import { speciesOfLabel } from '../../core/individuals/species';
import { deerGroundTruth, deerImagesDir, modelsDir, otherSpeciesDir } from '../../testing/fixtures';
import { matchBoxes } from '../detect/matchBoxes';
import { importPhotos } from '../import/importPhotos';
import { processImages } from './processImages';

const gt = deerGroundTruth();
const gtBySha = new Map(gt.map((g) => [g.sha256, g]));
const dirs: string[] = [];

async function processedLibrary(sources: { dir: string; camera?: string }[]): Promise<Library> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-identity-'));
  dirs.push(dir);
  const library = openLibrary(dir, { create: true });
  for (const s of sources)
    await importPhotos(
      library,
      { sources: [s.dir], camera: s.camera },
      new ProgressTracker(1, () => {}),
      new JobControl(),
    );
  const summary = await processImages(
    library,
    { models: modelsDir(), provider: 'cpu' },
    new ProgressTracker(1, () => {}),
    new JobControl(),
  );
  expect(summary.failed).toBe(0);
  return library;
}

interface Box {
  id: number;
  sha256: string;
  imageId: number;
  confidence: number;
  individual: number | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Counted animal boxes (not duplicates, not fragments, not marked false) of the fixture photos, with individuals. */
function animalBoxes(library: Library): Box[] {
  return library.db.$client
    .prepare(
      `SELECT d.id, i.sha256, i.id AS imageId, d.confidence, t.individual_id AS individual, d.x, d.y, d.w, d.h
       FROM detections d JOIN images i ON i.id = d.image_id LEFT JOIN tracklets t ON t.id = d.tracklet_id
       WHERE d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive ORDER BY d.id`,
    )
    .all() as Box[];
}

const eventOf = (sha: string) => `${gtBySha.get(sha)!.camera}#${gtBySha.get(sha)!.event}`;

/** Whether the box's centre lies inside one of its photo's true deer boxes. */
function onTrueDeer(b: Box): boolean {
  const [cx, cy] = [b.x + b.w / 2, b.y + b.h / 2];
  return gtBySha.get(b.sha256)!.boxes.some((g) => Math.abs(cx - g.cx) <= g.w / 2 && Math.abs(cy - g.cy) <= g.h / 2);
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the fixture card against its ground truth', () => {
  let library: Library;
  beforeAll(async () => {
    library = await processedLibrary([{ dir: deerImagesDir() }]);
  }, 240_000);
  afterAll(() => library?.close());

  it('puts no more animal boxes on a photo than it has deer, and few boxes on no deer', () => {
    const boxes = animalBoxes(library);
    let over = 0;
    let unmatched = 0;
    let matched = 0;
    for (const g of gt) {
      const truth = g.boxes.map((b) => ({ x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h }));
      const mine = boxes.filter((b) => b.sha256 === g.sha256).sort((a, b) => b.confidence - a.confidence);
      if (mine.length > truth.length) over++;
      const r = matchBoxes(mine, truth);
      unmatched += r.unmatched;
      matched += r.matched;
    }
    // Before fragments were suppressed: 6 photos with more boxes than deer, 23 boxes matching no true deer at IoU
    // 0.5; 17 once they were; 14 since the kept box grows over its fragments and over a weak box around it (47 -> 50
    // matched); 13 since a weak box too small to resolve is dropped (a 50 px "cow" on a signpost, H4R0-02 event 9);
    // 10 (53 matched) since a far weaker box around the kept one, or one the cross-class pass marked duplicate, lends
    // its extent (the whole stag around its body, H6R1-01-V03 event 271).
    // The 10 left (bench/boxesVsTruth.ts lists them) lie wholly inside the deer's hand-drawn box, off by the IoU test:
    // a stag's body without the antlers, which the detector boxes nowhere (events 267, 271: deer-img66, 72, 73), and
    // tight boxes of a grazing stag, antlers left out, in loose hand-drawn ones (events 545-546).
    console.info(`boxes per photo vs truth: ${over} photos over; ${matched} matched, ${unmatched} on no true deer`);
    expect(over).toBe(0);
    expect(unmatched).toBeLessThanOrEqual(10);
    expect(matched).toBeGreaterThanOrEqual(53);
  });

  it('makes every detected single-deer event one individual, the two-deer event at most two', () => {
    const byEvent = new Map<string, Set<number>>();
    const boxes = animalBoxes(library);
    for (const b of boxes) expect(b.individual).not.toBeNull();
    // The deer as detected: boxes on a true deer (centre inside its box). A false box elsewhere would be an individual
    // of its own, counted apart below (a 0.16 "cow" of 50 px on a signpost was one until too small boxes were dropped).
    const onDeer = boxes.filter((b) => onTrueDeer(b));
    const strays = new Set(boxes.filter((b) => !onTrueDeer(b)).map((b) => b.individual));
    for (const b of onDeer) strays.delete(b.individual);
    console.info(`individuals made only of boxes on no true deer: ${strays.size}`);
    expect(strays.size).toBe(0);
    for (const b of onDeer) {
      const set = byEvent.get(eventOf(b.sha256)) ?? new Set<number>();
      set.add(b.individual!);
      byEvent.set(eventOf(b.sha256), set);
    }
    const trueCount = (event: string) =>
      Math.max(...gt.filter((g) => `${g.camera}#${g.event}` === event).map((g) => g.boxes.length));
    for (const [event, individuals] of byEvent) {
      if (trueCount(event) === 1) expect(individuals.size, `event ${event}`).toBe(1);
    }
    expect(byEvent.get('H6R1-05#202')!.size).toBeLessThanOrEqual(2);
  });

  it('makes the 2015-02-03 stag at H6R1-01-V03 one individual', () => {
    const stag = animalBoxes(library).filter((b) => {
      const g = gtBySha.get(b.sha256)!;
      return g.camera === 'H6R1-01-V03' && g.dateTimeOriginal.startsWith('2015:02:03');
    });
    expect(stag.length).toBeGreaterThan(20);
    expect(new Set(stag.map((b) => b.individual)).size).toBe(1);
  });

  it('never gives an individual two detections of one photo', () => {
    const seen = new Set<string>();
    for (const b of animalBoxes(library)) {
      const key = `${b.individual}:${b.imageId}`;
      expect(seen.has(key), `individual ${b.individual} twice in photo ${b.imageId}`).toBe(false);
      seen.add(key);
    }
  });

  it("measures every crop and makes each individual's cover its best detection", () => {
    const c = library.db.$client;
    const unmeasured = c
      .prepare(
        `SELECT count(*) AS n FROM detections WHERE category = 'animal' AND NOT duplicate AND (crop_path IS NULL OR quality IS NULL)`,
      )
      .get() as { n: number };
    expect(unmeasured.n).toBe(0);
    const individuals = c.prepare('SELECT id, cover_detection_id AS cover FROM individuals').all() as {
      id: number;
      cover: number;
    }[];
    for (const ind of individuals) {
      const members = c
        .prepare(
          `SELECT d.id, d.w * d.h * d.confidence * d.quality
             * CASE WHEN d.x < 0.005 OR d.y < 0.005 OR d.x + d.w > 0.995 OR d.y + d.h > 0.995 THEN 0.5 ELSE 1 END AS score
           FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = ? ORDER BY score DESC, d.id`,
        )
        .all(ind.id) as { id: number; score: number }[];
      expect(ind.cover).toBe(members[0]!.id);
    }
  });

  it('gives the same boxes, individuals and suggestions when run again on a fresh library', async () => {
    const again = await processedLibrary([{ dir: deerImagesDir() }]);
    try {
      expect(identity(again)).toEqual(identity(library));
    } finally {
      again.close();
    }
  }, 240_000);
});

/** What a rerun must reproduce, keyed by content (photo hash and box) rather than row ids. */
function identity(library: Library) {
  const boxes = animalBoxes(library);
  const key = (b: Box) => `${b.sha256.slice(0, 12)}@${[b.x, b.y, b.w, b.h].map((v) => v.toFixed(4)).join(',')}`;
  const members = new Map<number, string[]>();
  for (const b of boxes) members.set(b.individual!, [...(members.get(b.individual!) ?? []), key(b)]);
  const name = (id: number) => (members.get(id) ?? []).sort().join('|');
  const suggestions = (
    library.db.$client
      .prepare(`SELECT individual_id AS a, candidate_id AS b, score FROM suggestions WHERE state = 'pending'`)
      .all() as { a: number; b: number; score: number }[]
  )
    .map((s) => `${name(s.a)} ~ ${name(s.b)} ${s.score}`)
    .sort();
  return { individuals: [...members.values()].map((m) => m.sort().join('|')).sort(), suggestions };
}

describe('a mixed card: the fixtures and other species', () => {
  let library: Library;
  beforeAll(async () => {
    library = await processedLibrary([{ dir: deerImagesDir() }, { dir: otherSpeciesDir(), camera: 'mixed' }]);
  }, 240_000);
  afterAll(() => library?.close());

  const list = (speciesGroup: 'deer' | 'other') =>
    queryIndividuals(library.db, { speciesGroup, sort: 'name', offset: 0, limit: 500 }).items;
  const labelsOf = (id: number) =>
    (
      library.db.$client
        .prepare(
          `SELECT d.raw_label AS label FROM detections d JOIN tracklets t ON t.id = d.tracklet_id
           WHERE t.individual_id = ? AND NOT d.false_positive`,
        )
        .all(id) as { label: string }[]
    ).map((r) => r.label);

  it('keeps individuals made only of non-deer COCO labels out of the Deer gallery, and people out of both', () => {
    const deer = list('deer');
    const others = list('other');
    expect(deer.length).toBeGreaterThan(3);
    for (const d of deer)
      expect(
        labelsOf(d.id).some((l) => speciesOfLabel(l) === 'deer'),
        d.name,
      ).toBe(true);
    // The zebra of the Serengeti photo is a zebra, and named as one.
    expect(others.find((o) => o.species === 'zebra')?.name).toMatch(/^Zebra \d+$/);
    for (const o of others)
      expect(
        labelsOf(o.id).every((l) => speciesOfLabel(l) !== 'deer'),
        o.name,
      ).toBe(true);
    const people = library.db.$client
      .prepare(`SELECT count(*) AS n FROM tracklets WHERE category != 'animal'`)
      .get() as { n: number };
    expect(people.n).toBe(0);
    // The review queue is deer only.
    const queue = library.db.$client
      .prepare(
        `SELECT count(*) AS n FROM suggestions s JOIN individuals a ON a.id = s.individual_id JOIN individuals b ON b.id = s.candidate_id
         WHERE s.state = 'pending' AND (a.species != 'deer' OR b.species != 'deer')`,
      )
      .get() as { n: number };
    expect(queue.n).toBe(0);
  });

  it('moves an individual to Other animals with the species edit, and back with undo', () => {
    const target = list('deer')[0]!;
    setSpecies(library.db, { individualIds: [target.id], species: 'Coyote' });
    expect(list('deer').map((d) => d.id)).not.toContain(target.id);
    expect(list('other').find((o) => o.id === target.id)?.species).toBe('Coyote');
    undo(library.db);
    expect(list('deer').map((d) => d.id)).toContain(target.id);
    expect(list('other').map((o) => o.id)).not.toContain(target.id);
  });
});
