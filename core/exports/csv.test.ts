import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { detections, images, individuals, tracklets } from '../db/schema';
import { importMegadetector } from '../interop/megadetectorImport';
import { groundTruthMegadetector, importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';
import { deerImagesDir } from '../../testing/fixtures';
import { parseCsv } from './camtrapSchemaCheck';
import { exportCsv, PHOTO_COLUMNS, SIGHTING_COLUMNS } from './csv';

let t: TestLibrary;

beforeAll(async () => {
  t = await importFixturePhotos(3);
  const md = path.join(t.dir, 'md.json');
  fs.writeFileSync(md, JSON.stringify(groundTruthMegadetector(t.truth)));
  await importMegadetector(t.library, md, { root: deerImagesDir() });
});
afterAll(() => t.library.close());

const read = (file: string) => {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe('exportCsv', () => {
  it('lists the sightings of each individual and every photo', async () => {
    const { db } = t.library;
    const named = t.truth.slice(0, 2).map((g) => g.file);
    const ids = db
      .select({ id: images.id })
      .from(images)
      .where(inArray(images.fileName, named))
      .all()
      .map((r) => r.id);
    const doe = db.insert(individuals).values({ name: 'Doe, "the limp"', category: 'animal' }).returning().get();
    const track = db
      .insert(tracklets)
      .values({ sequenceId: 1, category: 'animal', individualId: doe.id })
      .returning()
      .get();
    db.update(detections).set({ trackletId: track.id }).where(inArray(detections.imageId, ids)).run();

    const out = path.join(t.dir, 'csv');
    const summary = await exportCsv(t.library, out);
    expect(summary).toMatchObject({ sightings: 2, photos: t.truth.length });

    const sightings = read(summary.sightingsFile);
    expect(Object.keys(sightings[0]!)).toEqual([...SIGHTING_COLUMNS]);
    expect(sightings.map((s) => [s.individual, s.photo, s.camera])).toEqual(
      named.map((file) => ['Doe, "the limp"', file, t.truth[0]!.camera]),
    );
    const g = t.truth[0]!;
    const first = sightings[0]!;
    expect(first.local_time).toBe(g.dateTimeOriginal.replace(/^(\d+):(\d+):(\d+) /, '$1-$2-$3T'));
    expect(Number(first.x)).toBeCloseTo(g.boxes[0]!.cx - g.boxes[0]!.w / 2, 3);
    expect(Number(first.h)).toBeCloseTo(g.boxes[0]!.h, 3);
    expect(first.confidence).toBe('0.95');

    const photos = read(summary.photosFile);
    expect(Object.keys(photos[0]!)).toEqual([...PHOTO_COLUMNS]);
    const byFile = new Map(photos.map((p) => [p.photo, p]));
    for (const truth of t.truth)
      expect(byFile.get(truth.file)).toMatchObject({ animals: String(truth.boxes.length), detector: 'import:md.json' });
    expect(byFile.get(named[0]!)!.individuals).toBe('Doe, "the limp"');
    expect(db.select().from(images).where(eq(images.fileName, named[0]!)).get()!.path).toBe(
      byFile.get(named[0]!)!.photo_path,
    );
  });
});
