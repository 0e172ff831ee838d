import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { detections, images, individuals, tracklets } from '../db/schema';
import { createIndividual } from '../individuals';
import { individualViolations } from '../../testing/invariants';
import { main } from '../../cli/main';
import { deerImagesDir } from '../../testing/fixtures';
import { importMegadetector } from './megadetectorImport';
import { MegadetectorFormatError } from './megadetectorFormat';
import { groundTruthMegadetector, importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';

let t: TestLibrary;
let jsonFile = '';

beforeAll(async () => {
  t = await importFixturePhotos(4);
  const md = groundTruthMegadetector(t.truth);
  md.images.push({ file: 'not-in-library.jpg', detections: [] });
  md.images[0] = { file: md.images[0]!.file, failure: 'Failure image access', detections: null };
  jsonFile = path.join(t.dir, 'md.json');
  fs.writeFileSync(jsonFile, JSON.stringify(md));
});
afterAll(() => t.library.close());

const boxesOf = (file: string) =>
  t.library.db
    .select({
      x: detections.x,
      y: detections.y,
      w: detections.w,
      h: detections.h,
      conf: detections.confidence,
      category: detections.category,
      duplicate: detections.duplicate,
      reviewed: detections.reviewed,
      model: detections.model,
    })
    .from(detections)
    .innerJoin(images, eq(images.id, detections.imageId))
    .where(eq(images.fileName, file))
    .all();

describe('importMegadetector', () => {
  it('puts the boxes of a MegaDetector file on the matching photos', async () => {
    const summary = await importMegadetector(t.library, jsonFile, { root: deerImagesDir() });
    const withBoxes = t.truth.slice(1);
    expect(summary).toMatchObject({
      entries: t.truth.length + 1,
      photos: withBoxes.length,
      detections: withBoxes.reduce((n, g) => n + g.boxes.length, 0),
      unmatched: ['not-in-library.jpg'],
      failures: [{ file: t.truth[0]!.file, reason: 'Failure image access' }],
      model: 'import:md.json',
      threshold: 0.05,
    });
    for (const g of withBoxes) {
      const stored = boxesOf(g.file);
      expect(stored).toHaveLength(g.boxes.length);
      g.boxes.forEach((b, i) => {
        expect(stored[i]!.x).toBeCloseTo(b.cx - b.w / 2, 3);
        expect(stored[i]!.w).toBeCloseTo(b.w, 3);
        expect(stored[i]!.category).toBe('animal');
      });
    }
    const photo = t.library.db.select().from(images).where(eq(images.fileName, withBoxes[0]!.file)).get()!;
    expect(photo).toMatchObject({ detector: 'import:md.json', state: 'detected' });
    expect(boxesOf(t.truth[0]!.file)).toEqual([]);
  });

  it('replaces rather than adds on a second import, and keeps what a person reviewed', async () => {
    const g = t.truth[1]!;
    const first = t.library.db
      .select()
      .from(detections)
      .innerJoin(images, eq(images.id, detections.imageId))
      .where(eq(images.fileName, g.file))
      .get()!;
    t.library.db.update(detections).set({ reviewed: true }).where(eq(detections.id, first.detections.id)).run();
    const total = () => t.library.db.select().from(detections).all().length;
    const before = total();
    await importMegadetector(t.library, jsonFile, { root: deerImagesDir() });
    // The reviewed box stays, and the file's box on top of it is kept as a duplicate instead of a second animal.
    expect(total()).toBe(before + 1);
    const stored = boxesOf(g.file);
    expect(stored.filter((d) => d.reviewed)).toHaveLength(1);
    expect(stored.filter((d) => d.duplicate)).toHaveLength(1);
  });

  it('applies a confidence threshold', async () => {
    const summary = await importMegadetector(t.library, jsonFile, { root: deerImagesDir(), threshold: 0.9 });
    const strong = t.truth.slice(1).filter((g) => g.boxes.length > 0).length;
    expect(summary.detections).toBe(strong);
  });

  it('matches nothing when the folder named is not the one the paths are relative to', async () => {
    const summary = await importMegadetector(t.library, jsonFile, { root: t.dir });
    expect(summary.photos).toBe(0);
    expect(summary.unmatched).toHaveLength(t.truth.length + 1);
  });

  it('rejects a file that is not MegaDetector output with the reason', async () => {
    const bad = path.join(t.dir, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        info: { format_version: '1.6' },
        detection_categories: {},
        images: [{ file: 'a.jpg', detections: [{ category: '1', conf: 2, bbox: [0, 0, 1, 1] }] }],
      }),
    );
    const err = await importMegadetector(t.library, bad, { root: t.dir }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(MegadetectorFormatError);
    expect((err as Error).message).toMatch(/images\.0\.detections\.0\.conf/);
  });

  it('runs from the CLI as import-detections', async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => ((out += String(text)), true));
    const code = await main([
      'import-detections',
      jsonFile,
      '--root',
      deerImagesDir(),
      '--library',
      t.library.root,
      '--json',
    ]).finally(() => vi.restoreAllMocks());
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ photos: t.truth.length - 1, unmatched: ['not-in-library.jpg'] });
  });

  it('keeps who is who as a re-detection does: a box found again keeps its individual, decided ones stay when emptied', async () => {
    const { db } = t.library;
    const [lost, named, found] = t.truth
      .slice(2, 5)
      .map((g) => db.select().from(images).where(eq(images.fileName, g.file)).get()!.id);
    const machineBox = (imageId: number) =>
      db
        .select()
        .from(detections)
        .where(eq(detections.imageId, imageId))
        .all()
        .find((d) => !d.reviewed && !d.duplicate)!;
    const track = (imageId: number) => {
      const tracklet = db.insert(tracklets).values({ sequenceId: 1, category: 'animal' }).returning().get();
      db.update(detections)
        .set({ trackletId: tracklet.id })
        .where(eq(detections.id, machineBox(imageId).id))
        .run();
      return tracklet.id;
    };
    const provisional = createIndividual(db, [track(lost!)]);
    const decided = createIndividual(db, [track(named!)], { name: 'Named' });
    const kept = createIndividual(db, [track(found!)]);
    // The first two photos' animals are now found elsewhere; the third's box moved by a tenth of its width.
    const md = groundTruthMegadetector(t.truth.slice(2, 5));
    for (const entry of md.images.slice(0, 2))
      entry.detections = [{ category: '1', conf: 0.9, bbox: [0, 0, 0.02, 0.02] }];
    const box = machineBox(found!);
    md.images[2]!.detections = [{ category: '1', conf: 0.8, bbox: [box.x + box.w / 10, box.y, box.w, box.h] }];
    const moved = path.join(t.dir, 'moved.json');
    fs.writeFileSync(moved, JSON.stringify(md));
    await importMegadetector(t.library, moved, { root: deerImagesDir() });

    const individual = (id: number) => db.select().from(individuals).where(eq(individuals.id, id)).get();
    expect(individual(provisional)).toBeUndefined();
    expect(individual(decided)).toMatchObject({ name: 'Named', detectionCount: 0 });
    expect(individual(kept)).toMatchObject({ detectionCount: 1 });
    const successor = db
      .select()
      .from(detections)
      .innerJoin(tracklets, eq(tracklets.id, detections.trackletId))
      .where(eq(tracklets.individualId, kept))
      .get()!;
    expect(successor.detections).toMatchObject({ imageId: found, model: 'import:moved.json', confidence: 0.8 });
    expect(individualViolations(db)).toEqual([]);
  });

  it('takes a sex/age class from a classifier result and leaves out object classes', async () => {
    const g = t.truth[2]!;
    const file = path.join(t.dir, 'classified.json');
    const md = groundTruthMegadetector([g]);
    md.classification_categories = { '1': 'doe', '2': 'buck' };
    md.images[0]!.detections![0]!.classifications = [
      ['2', 0.3],
      ['1', 0.6],
    ];
    // A COCO model's object classes are not animals: such boxes are left out, as the app's own detectors do.
    md.detection_categories['4'] = 'cup';
    md.images[0]!.detections!.push({ category: '4', conf: 0.9, bbox: [0.5, 0.5, 0.1, 0.1] });
    fs.writeFileSync(file, JSON.stringify(md));
    await importMegadetector(t.library, file, { root: deerImagesDir() });
    const stored = t.library.db
      .select()
      .from(detections)
      .innerJoin(images, eq(images.id, detections.imageId))
      .where(eq(images.fileName, g.file))
      .all();
    expect(stored.filter((r) => !r.detections.reviewed).map((r) => r.detections.sexAge)).toContain('doe');
    // The classifier's name is the label species are read from.
    expect(stored.filter((r) => !r.detections.reviewed).map((r) => r.detections.rawLabel)).toContain('doe');
    expect(stored.map((r) => r.detections.rawLabel)).not.toContain('cup');
  });
});
