import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCamtrapPackage, interopDir, parseCsv } from '../../core/exports/camtrapSchemaCheck';
import { importMegadetector } from '../../core/interop/megadetectorImport';
import { detections, images, individuals, sequences, tracklets } from '../../core/db/schema';
import { deerImagesDir } from '../../testing/fixtures';
import { groundTruthMegadetector, importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';
import { runCli as cli } from '../../testing/cli';

let t: TestLibrary;

const lib = () => ['--library', t.library.root];
const list = async () =>
  JSON.parse((await cli('cameras', 'list', ...lib(), '--json')).out) as Record<string, unknown>[];

/** Every photo's animal boxes tracked as one individual, so observations carry an individualID. */
function oneIndividual(): number {
  const { db } = t.library;
  const who = db.insert(individuals).values({ name: 'Deer 1', category: 'animal' }).returning().get();
  for (const p of db.select().from(images).all()) {
    const seq = db
      .insert(sequences)
      .values({ cameraId: p.cameraId, start: p.takenAt, end: p.takenAt, photoCount: 1 })
      .returning()
      .get();
    db.update(images).set({ sequenceId: seq.id }).where(eq(images.id, p.id)).run();
    const track = db
      .insert(tracklets)
      .values({ sequenceId: seq.id, category: 'animal', individualId: who.id })
      .returning()
      .get();
    db.update(detections).set({ trackletId: track.id }).where(eq(detections.imageId, p.id)).run();
  }
  return who.id;
}

beforeAll(async () => {
  t = await importFixturePhotos(2);
  const md = path.join(t.dir, 'md.json');
  fs.writeFileSync(md, JSON.stringify(groundTruthMegadetector(t.truth)));
  await importMegadetector(t.library, md, { root: deerImagesDir() });
});
afterAll(() => t.library.close());

function individualIds(dir: string): string[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'observations.csv'), 'utf8'));
  const column = header!.indexOf('individualID');
  return rows.map((r) => r[column] ?? '');
}

describe('thumper cameras', () => {
  it('refuses a latitude out of range and a malformed offset, storing nothing', async () => {
    const [first] = await list();
    const before = JSON.stringify(await list());
    const lat = await cli('cameras', 'set', String(first!.id), ...lib(), '--location', '91,10', '--name', 'X');
    expect(lat.code).toBe(1);
    expect(lat.err).toMatch(/latitude must be between -90 and 90 degrees, not 91/);
    const lon = await cli('cameras', 'set', String(first!.id), ...lib(), '--location=10,-181');
    expect(lon.err).toMatch(/longitude must be between -180 and 180 degrees, not -181/);
    const junk = await cli('cameras', 'set', String(first!.id), ...lib(), '--location', 'north field');
    expect(junk.err).toMatch(/a location is "LATITUDE,LONGITUDE" in decimal degrees, not "north field"/);
    const offset = await cli('cameras', 'set', String(first!.id), ...lib(), '--utc-offset', '5', '--name', 'X');
    expect(offset.code).toBe(1);
    expect(offset.err).toMatch(/a UTC offset looks like \+02:00 .*not "5"/);
    expect(JSON.stringify(await list())).toBe(before);
  });

  it('sets every camera, then an export with no flags validates; renaming keeps every individualID', async () => {
    const cameras = await list();
    expect(cameras).toHaveLength(2);
    for (const [i, c] of cameras.entries()) {
      const set = await cli(
        'cameras',
        'set',
        String(c.id),
        ...lib(),
        `--location=44.${i},-73.${i}`,
        '--utc-offset=-05:00',
        '--name',
        `Feeder ${i}`,
      );
      expect(set.code).toBe(0);
    }
    expect((await list()).map((c) => [c.name, c.latitude, c.longitude, c.utcOffset])).toEqual([
      ['Feeder 0', 44, -73, '-05:00'],
      ['Feeder 1', 44.1, -73.1, '-05:00'],
    ]);
    const table = await cli('cameras', 'list', ...lib());
    expect(table.out).toMatch(/^Feeder 0 \(id \d+\) +2 +\S.* +-05:00 +44,-73 /m);

    const individualId = oneIndividual();
    const before = path.join(t.dir, 'before');
    const exported = await cli('export', ...lib(), '--format', 'camtrap-dp', '--out', before);
    expect(exported.code).toBe(0);
    expect(checkCamtrapPackage(before, interopDir()).errors).toEqual([]);
    const ids = individualIds(before);
    expect(ids.filter((id) => id !== '').length).toBeGreaterThan(0);
    expect(new Set(ids.filter((id) => id !== ''))).toEqual(new Set([`ind-${individualId}`]));

    const renamed = await cli('rename', ...lib(), String(individualId), 'Old', 'Crooked', 'Tine');
    expect(renamed.code).toBe(0);
    expect(renamed.out).toContain('Old Crooked Tine');
    const after = path.join(t.dir, 'after');
    expect((await cli('export', ...lib(), '--format', 'camtrap-dp', '--out', after)).code).toBe(0);
    expect(checkCamtrapPackage(after, interopDir()).errors).toEqual([]);
    expect(individualIds(after)).toEqual(ids);
    expect(fs.readFileSync(path.join(after, 'observations.csv'), 'utf8')).toContain(
      'individual name: Old Crooked Tine',
    );
  });
});
