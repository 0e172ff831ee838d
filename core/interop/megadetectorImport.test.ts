import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { detections, images, individuals, tracklets } from '../db/schema';
import { createIndividual } from '../individuals';
import { main } from '../cli/main';
import { deerImagesDir } from '../testing/fixtures';
import { importMegadetector } from './megadetectorImport';
import { MegadetectorFormatError } from './megadetectorFormat';
import { groundTruthMegadetector, importFixturePhotos, type TestLibrary } from './testLibrary';

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
    .select({ x: detections.x, y: detections.y, w: detections.w, h: detections.h, conf: detections.confidence, category: detections.category, duplicate: detections.duplicate, reviewed: detections.reviewed, model: detections.model })
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
    const first = t.library.db.select().from(detections).innerJoin(images, eq(images.id, detections.imageId)).where(eq(images.fileName, g.file)).get()!;
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
    fs.writeFileSync(bad, JSON.stringify({ info: { format_version: '1.6' }, detection_categories: {}, images: [{ file: 'a.jpg', detections: [{ category: '1', conf: 2, bbox: [0, 0, 1, 1] }] }] }));
    const err = await importMegadetector(t.library, bad, { root: t.dir }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(MegadetectorFormatError);
    expect((err as Error).message).toMatch(/images\.0\.detections\.0\.conf/);
  });

  it('runs from the CLI as import-detections', async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => ((out += String(text)), true));
    const code = await main(['import-detections', jsonFile, '--root', deerImagesDir(), '--library', t.library.root, '--json']).finally(() => vi.restoreAllMocks());
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ photos: t.truth.length - 1, unmatched: ['not-in-library.jpg'] });
  });

  it('keeps individuals consistent when their boxes are replaced: counts redone, emptied ones removed', async () => {
    const { db } = t.library;
    const photoIds = t.truth.slice(2, 5).map((g) => db.select().from(images).where(eq(images.fileName, g.file)).get()!.id);
    const machineBox = (imageId: number) =>
      db.select().from(detections).where(eq(detections.imageId, imageId)).all().find((d) => !d.reviewed && !d.duplicate)!;
    const track = (imageIds: number[]) => {
      const tracklet = db.insert(tracklets).values({ sequenceId: 1, category: 'animal' }).returning().get();
      for (const id of imageIds) db.update(detections).set({ trackletId: tracklet.id }).where(eq(detections.id, machineBox(id).id)).run();
      return tracklet.id;
    };
    const lonely = createIndividual(db, [track([photoIds[0]!])], { name: 'Lonely' });
    const keeps = createIndividual(db, [track([photoIds[1]!]), track([photoIds[2]!])], { name: 'Keeps' });
    // A file that only covers two of the three photos: those lose their tracked boxes.
    const partial = path.join(t.dir, 'partial.json');
    const md = groundTruthMegadetector(t.truth.slice(2, 4));
    fs.writeFileSync(partial, JSON.stringify(md));
    await importMegadetector(t.library, partial, { root: deerImagesDir() });
    expect(db.select().from(individuals).where(eq(individuals.id, lonely)).get()).toBeUndefined();
    expect(db.select().from(individuals).where(eq(individuals.id, keeps)).get()!.detectionCount).toBe(1);
  });

  it('takes a sex/age class from a classifier result and leaves out object classes', async () => {
    const g = t.truth[2]!;
    const file = path.join(t.dir, 'classified.json');
    const md = groundTruthMegadetector([g]);
    md.classification_categories = { '1': 'doe', '2': 'buck' };
    md.images[0]!.detections![0]!.classifications = [['2', 0.3], ['1', 0.6]];
    // A COCO model's object classes are not animals: such boxes are left out, as the app's own detectors do.
    md.detection_categories['4'] = 'cup';
    md.images[0]!.detections!.push({ category: '4', conf: 0.9, bbox: [0.5, 0.5, 0.1, 0.1] });
    fs.writeFileSync(file, JSON.stringify(md));
    await importMegadetector(t.library, file, { root: deerImagesDir() });
    const stored = t.library.db.select().from(detections).innerJoin(images, eq(images.id, detections.imageId)).where(eq(images.fileName, g.file)).all();
    expect(stored.filter((r) => !r.detections.reviewed).map((r) => r.detections.sexAge)).toContain('doe');
    expect(stored.map((r) => r.detections.rawLabel)).not.toContain('cup');
  });
});
