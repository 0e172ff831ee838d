import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';
import { listCameras } from '../queries/cameras';
import { cameraGps, gpsToLatLon } from './exifGps';
import { independentDetections, relativeAbundance, trapNights } from './abundance';
import { mergeCameras, splitCamera } from './identities';
import { addDeployment, fullLocalTime, updateCamera } from './places';

describe('relative abundance', () => {
  it('counts an animal photo again only after the independence interval without one', () => {
    const times = ['2024-10-01T06:00:00', '2024-10-01T06:20:00', '2024-10-01T06:49:00', '2024-10-01T07:20:00'];
    // 06:20 is 20 min after 06:00, 06:49 29 min after 06:20: one visit; 07:20 is 31 min after 06:49.
    expect(independentDetections(times, 30)).toBe(2);
    expect(independentDetections([...times].reverse(), 30)).toBe(2);
    expect(independentDetections(times, 10)).toBe(4);
    expect(independentDetections([], 30)).toBe(0);
  });

  it('runs trap-nights from the first deployment or photo to the last photo', () => {
    expect(trapNights({ first: '2024-10-01T12:00:00', last: '2024-10-11T12:00:00' }, [])).toBe(10);
    expect(trapNights({ first: '2024-10-01T12:00:00', last: '2024-10-11T12:00:00' }, ['2024-09-21T12:00:00'])).toBe(20);
    expect(trapNights({ first: null, last: null }, ['2024-09-21T12:00:00'])).toBe(0);
    expect(relativeAbundance(3, 20)).toBe(15);
    expect(relativeAbundance(3, 0.5)).toBeNull();
  });

  it('writes a deployment start as a whole local time', () => {
    expect(fullLocalTime('2024-10-03')).toBe('2024-10-03T00:00:00');
    expect(fullLocalTime('2024-10-03T05:12')).toBe('2024-10-03T05:12:00');
    expect(fullLocalTime('2024-10-03T05:12:44.5')).toBe('2024-10-03T05:12:44');
  });
});

describe('camera edits', () => {
  let t: TestLibrary;
  beforeAll(async () => {
    t = await importFixturePhotos(4);
  });
  afterAll(() => t.library.close());

  it("reads a camera's place from the GPS its photos carry, and ignores a 0,0 fix", async () => {
    const [c] = listCameras(t.library.db);
    const file = path.join(t.dir, 'gps.jpg');
    await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '44/1 3/1 30/1', GPSLongitudeRef: 'W', GPSLongitude: '73/1 9/1 0/1' },
      })
      .toFile(file);
    // The camera's earliest photo, so it is among the few read.
    const id = t.library.db.$client
      .prepare(
        `INSERT INTO images (file_name, source_path, path, in_place, camera_id, taken_at, state)
         VALUES ('gps.jpg', ?, ?, 1, ?, '2000-01-01T00:00:00', 'imported')`,
      )
      .run(file, file, c!.id).lastInsertRowid;
    expect(await cameraGps(t.library, c!.id, c!.name)).toEqual({ latitude: 44.058333, longitude: -73.15 });
    t.library.db.$client.prepare('DELETE FROM images WHERE id = ?').run(id);
    await expect(cameraGps(t.library, c!.id, c!.name)).rejects.toThrow(/carries a GPS position/);
    expect(gpsToLatLon({ GPSLatitude: [0, 0, 0], GPSLongitude: [0, 0, 0] })).toBeNull();
  });

  it('refuses coordinates out of range and a malformed offset without writing anything', () => {
    const [c] = listCameras(t.library.db);
    const bad = [
      { latitude: 95, longitude: 0 },
      { latitude: 10, longitude: 190 },
      { latitude: 10 },
      { utcOffset: '+5' },
      { utcOffset: '+15:00' },
      { name: '  ' },
    ];
    for (const fields of bad)
      expect(() => updateCamera(t.library.db, { id: c!.id, name: 'Renamed', ...fields })).toThrow();
    expect(listCameras(t.library.db)[0]).toEqual(c);
  });

  it('keeps the identity when renamed, merges two identities and splits one at a time', () => {
    const { db } = t.library;
    const [a, b] = listCameras(db);
    updateCamera(db, { id: a!.id, name: 'North feeder', latitude: 44.5, longitude: -73.25, utcOffset: '-05:00' });
    const renamed = listCameras(db).find((c) => c.id === a!.id)!;
    expect([renamed.name, renamed.key]).toEqual(['North feeder', a!.key]);
    addDeployment(db, {
      cameraId: b!.id,
      start: b!.firstTaken!.slice(0, 10),
      latitude: 44.6,
      longitude: -73.3,
      locationName: 'Creek',
      cameraHeight: null,
      cameraTilt: null,
      cameraHeading: null,
      baitUse: true,
      featureType: null,
      habitat: null,
      comments: '',
    });

    mergeCameras(db, a!.id, [b!.id]);
    const merged = listCameras(db);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: a!.id, photos: a!.photos + b!.photos, utcOffset: '-05:00' });
    expect(merged[0]!.deployments.map((d) => [d.locationName, d.baitUse])).toEqual([['Creek', true]]);
    // A photo imported later under the merged identity lands on the surviving camera.
    const later = db.$client
      .prepare(
        "INSERT INTO images (file_name, source_path, camera_id, state) VALUES ('x.jpg', '/x.jpg', ?, 'imported')",
      )
      .run(b!.id).lastInsertRowid;
    expect(db.$client.prepare('SELECT camera_id AS c FROM images WHERE id = ?').get(later)).toEqual({ c: a!.id });
    db.$client.prepare('DELETE FROM images WHERE id = ?').run(later);

    const times = db.$client
      .prepare('SELECT taken_at AS t FROM images WHERE camera_id = ? ORDER BY taken_at')
      .all(a!.id)
      .map((r) => (r as { t: string }).t);
    const from = times.find((x) => x > times[0]!)!;
    expect(() => splitCamera(db, a!.id, '2099-01-01', 'Nothing')).toThrow(/no photo taken at or after/);
    const id = splitCamera(db, a!.id, from, 'South feeder');
    const split = listCameras(db);
    expect(split.find((c) => c.id === id)).toMatchObject({
      name: 'South feeder',
      key: `${a!.key}#2`,
      photos: times.filter((x) => x >= from).length,
    });
    expect(split.find((c) => c.id === a!.id)!.photos).toBe(times.filter((x) => x < from).length);
  });
});
