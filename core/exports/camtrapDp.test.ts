import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cameras, detections, images, individuals, sequences, tracklets } from '../db/schema';
import { groundTruthMegadetector, importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';
import { importMegadetector } from '../interop/megadetectorImport';
import { deerImagesDir } from '../../testing/fixtures';
import { CamtrapExportError, exportCamtrapDp } from './camtrapDp';
import { checkCamtrapPackage, interopDir } from './camtrapSchemaCheck';
import { groupBy } from './libraryRows';
import { addDeployment } from '../cameras/places';

let t: TestLibrary;
let stagId = 0;

/** Sequences from the cameras' own trigger events, one tracked animal per sequence of the first camera. */
function organise(): { stagId: number } {
  const { db } = t.library;
  const photos = db.select().from(images).all();
  const byEvent = groupBy(photos, (p) => `${p.cameraId}/${p.triggerEvent}`);
  for (const members of byEvent.values()) {
    const times = members.map((p) => p.takenAt!).sort();
    const seq = db
      .insert(sequences)
      .values({ cameraId: members[0]!.cameraId, start: times[0], end: times.at(-1), photoCount: members.length })
      .returning()
      .get();
    for (const p of members) db.update(images).set({ sequenceId: seq.id }).where(eq(images.id, p.id)).run();
  }
  const firstCamera = db.select().from(cameras).where(eq(cameras.name, t.truth[0]!.camera)).get()!;
  const stag = db.insert(individuals).values({ name: 'Big Stag', category: 'animal', sex: 'male' }).returning().get();
  // A second individual later merged into the first: its sightings must come out as the stag's.
  const merged = db
    .insert(individuals)
    .values({ name: 'Old name', category: 'animal', mergedInto: stag.id })
    .returning()
    .get();
  const firstPhotos = db
    .select()
    .from(images)
    .all()
    .filter((p) => p.cameraId === firstCamera.id)
    .sort((a, b) => a.takenAt!.localeCompare(b.takenAt!));
  const track = db
    .insert(tracklets)
    .values({ sequenceId: firstPhotos[0]!.sequenceId!, category: 'animal', individualId: merged.id })
    .returning()
    .get();
  for (const p of firstPhotos)
    db.update(detections).set({ trackletId: track.id, sexAge: 'stag' }).where(eq(detections.imageId, p.id)).run();
  db.update(detections).set({ reviewed: true }).where(eq(detections.imageId, firstPhotos[0]!.id)).run();
  return { stagId: stag.id };
}

beforeAll(async () => {
  t = await importFixturePhotos(5);
  const md = path.join(t.dir, 'md.json');
  fs.writeFileSync(md, JSON.stringify(groundTruthMegadetector(t.truth)));
  await importMegadetector(t.library, md, { root: deerImagesDir() });
  ({ stagId } = organise());
});
afterAll(() => t.library.close());

const [firstCamera, secondCamera] = ['H4R0-02', 'H5R0-04'];

describe('exportCamtrapDp', () => {
  it('stops with the names of the cameras that have no UTC offset or coordinates', async () => {
    const err = await exportCamtrapDp(t.library, path.join(t.dir, 'none')).catch((e: Error) => e);
    expect(err).toBeInstanceOf(CamtrapExportError);
    for (const name of [firstCamera, secondCamera]) {
      expect((err as Error).message).toContain(`camera "${name}" has no UTC offset`);
      expect((err as Error).message).toContain(`camera "${name}" has no coordinates`);
    }
    expect(fs.existsSync(path.join(t.dir, 'none'))).toBe(false);
  });

  it('writes a package that validates against the official Camtrap DP 1.0.2 schemas', async () => {
    t.library.db
      .update(cameras)
      .set({ utcOffset: '+01:00', latitude: 57.05, longitude: -3.62, location: 'Glen feeder' })
      .where(eq(cameras.name, firstCamera))
      .run();
    const out = path.join(t.dir, 'camtrap');
    const steps: string[] = [];
    const summary = await exportCamtrapDp(t.library, out, {
      utcOffset: '+02:00',
      coordinates: '56.9,-4.1',
      species: 'Cervus elaphus',
      contributor: 'Test Person',
      onProgress: (p) => steps.push(`${p.step} ${p.done}/${p.total}`),
    });
    expect(steps.at(-1)).toBe('write 4/4');
    expect(summary).toMatchObject({ deployments: 2, media: t.truth.length, skipped: [] });

    const { errors, tables } = checkCamtrapPackage(out, interopDir());
    if (process.env.KEEP_CAMTRAP) fs.cpSync(out, process.env.KEEP_CAMTRAP, { recursive: true });
    expect(errors).toEqual([]);

    const deployments = tables.deployments!;
    expect(deployments.map((d) => [d.locationName, d.latitude, d.longitude, d.deploymentStart!.slice(-6)])).toEqual([
      ['Glen feeder', '57.05', '-3.62', '+01:00'],
      [secondCamera, '56.9', '-4.1', '+02:00'],
    ]);
    const firstTruth = t.truth.find((g) => g.camera === firstCamera)!;
    const media = tables.media!.find((m) => m.fileName === firstTruth.file)!;
    expect(media.timestamp).toBe(`${firstTruth.dateTimeOriginal.replace(/^(\d+):(\d+):(\d+) /, '$1-$2-$3T')}+01:00`);
    expect(media.filePath).toMatch(/^file:\/\/\/.*\/photos\//);

    const observations = tables.observations!;
    const mediaLevel = observations.filter((o) => o.observationLevel === 'media');
    expect(mediaLevel).toHaveLength(t.truth.reduce((n, g) => n + Math.max(1, g.boxes.length), 0));
    // The individual is its id, never its name (a rename must not change it); the name is a comment.
    const stagRows = mediaLevel.filter((o) => o.individualID === `ind-${stagId}`);
    expect(stagRows.every((o) => o.observationComments === 'individual name: Big Stag')).toBe(true);
    expect(observations.some((o) => o.individualID?.includes('Big Stag'))).toBe(false);
    expect(stagRows).toHaveLength(t.truth.filter((g) => g.camera === firstCamera).length);
    expect(
      stagRows.every((o) => o.sex === 'male' && o.lifeStage === 'adult' && o.scientificName === 'Cervus elaphus'),
    ).toBe(true);
    expect(observations.find((o) => o.mediaID === media.mediaID)).toMatchObject({
      classificationMethod: 'human',
      classificationProbability: '',
    });
    expect(
      mediaLevel
        .filter((o) => o.classificationMethod === 'machine')
        .every((o) => o.classifiedBy === 'import:md.json' && Number(o.classificationProbability) > 0),
    ).toBe(true);

    const events = observations.filter((o) => o.observationLevel === 'event');
    const stagEvent = events.find((o) => o.individualID === `ind-${stagId}`)!;
    expect(stagEvent).toMatchObject({
      count: '1',
      sex: 'male',
      classificationMethod: 'human',
      deploymentID: media.deploymentID,
    });
    expect(stagEvent.eventStart! < stagEvent.eventEnd!).toBe(true);
    expect(events.some((o) => o.deploymentID !== media.deploymentID && o.observationType === 'animal')).toBe(true);

    const pkg = JSON.parse(fs.readFileSync(path.join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.taxonomic).toEqual([{ scientificName: 'Cervus elaphus' }]);
    expect(pkg.project.individualAnimals).toBe(true);
    expect(pkg.temporal).toEqual({ start: '2014-06-28', end: '2016-04-09' });
  });
});

describe('deployments', () => {
  it('exports a moved camera as a second deployment with its own place and set-up fields', async () => {
    const { db } = t.library;
    const camera = db.select().from(cameras).where(eq(cameras.name, secondCamera)).get()!;
    db.update(cameras)
      .set({ utcOffset: '-05:00', latitude: 44.1, longitude: -73.2 })
      .where(eq(cameras.id, camera.id))
      .run();
    db.update(cameras)
      .set({ utcOffset: '+01:00', latitude: 57.05, longitude: -3.62 })
      .where(eq(cameras.name, firstCamera))
      .run();
    const times = db
      .select()
      .from(images)
      .where(eq(images.cameraId, camera.id))
      .all()
      .map((p) => p.takenAt!)
      .sort();
    const moved = times.at(-1)!;
    expect(times[0]! < moved).toBe(true);
    addDeployment(db, {
      cameraId: camera.id,
      start: moved,
      latitude: 44.2,
      longitude: -73.3,
      locationName: 'Creek crossing',
      cameraHeight: 1.2,
      cameraTilt: -10,
      cameraHeading: 270,
      baitUse: false,
      featureType: 'trailGame',
      habitat: 'alder carr',
      comments: 'moved after the storm',
    });
    const out = path.join(t.dir, 'moved');
    await exportCamtrapDp(t.library, out);
    const { errors, tables } = checkCamtrapPackage(out, interopDir());
    expect(errors).toEqual([]);
    const rows = tables.deployments!.filter((d) => d.deploymentID!.startsWith(`cam-${camera.id}`));
    expect(rows.map((d) => [d.latitude, d.longitude, d.locationName, d.featureType, d.cameraHeight])).toEqual([
      ['44.1', '-73.2', secondCamera, '', ''],
      ['44.2', '-73.3', 'Creek crossing', 'trailGame', '1.2'],
    ]);
    expect(rows[1]).toMatchObject({ baitUse: 'false', cameraTilt: '-10', deploymentComments: 'moved after the storm' });
    expect(rows[1]!.deploymentStart).toBe(`${moved}-05:00`);
    const media = tables.media!.filter((m) => m.deploymentID === rows[1]!.deploymentID);
    expect(media).toHaveLength(times.filter((x) => x >= moved).length);
  });
});

describe('the package checker', () => {
  const example = () => path.join(interopDir(), 'camtrap-dp-1.0.2', 'example');

  it('accepts the official example package', () => {
    expect(checkCamtrapPackage(example(), interopDir()).errors).toEqual([]);
  });

  it('finds what is wrong in a broken copy of it', () => {
    const dir = path.join(t.dir, 'broken');
    fs.cpSync(example(), dir, { recursive: true });
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
    delete pkg.project.samplingDesign;
    fs.writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify(pkg));
    const media = fs.readFileSync(path.join(dir, 'media.csv'), 'utf8').split('\r\n').join('\n').split('\n');
    media[1] = media[1]!.replace(/\+02:00/, ''); // a timestamp without its zone
    media[2] = media[2]!.replace(/^\w+,\w+/, (m) => `${m.split(',')[0]},nowhere`); // a deployment that does not exist
    fs.writeFileSync(path.join(dir, 'media.csv'), media.join('\n'));
    const errors = checkCamtrapPackage(dir, interopDir()).errors.join('\n');
    expect(errors).toMatch(/samplingDesign/);
    expect(errors).toMatch(/media row 2 timestamp .*not a datetime with a zone/);
    expect(errors).toMatch(/media row 3 deploymentID "nowhere": not in deployments/);
  });
});
