// The species parts of the exports: deer are named by the library's deer species, other animals by their own name.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundTruthMegadetector, importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';
import { deerImagesDir } from '../../testing/fixtures';
import { importMegadetector } from '../interop/megadetectorImport';
import { setSetting } from '../library/settings';
import { exportCamtrapDp } from './camtrapDp';
import { checkCamtrapPackage, interopDir } from './camtrapSchemaCheck';

let t: TestLibrary;
let deerId = 0;
let foxId = 0;

beforeAll(async () => {
  t = await importFixturePhotos(4);
  const md = path.join(t.dir, 'md.json');
  fs.writeFileSync(md, JSON.stringify(groundTruthMegadetector(t.truth)));
  await importMegadetector(t.library, md, { root: deerImagesDir() });
  const c = t.library.db.$client;
  c.prepare(`UPDATE cameras SET utc_offset = '+01:00', latitude = 57.05, longitude = -3.62`).run();
  // One sequence per photo, one tracklet per box; the first photo's animal is a deer (a buck), the others a fox.
  const photos = c.prepare('SELECT id, camera_id AS cameraId, taken_at AS takenAt FROM images ORDER BY id').all() as {
    id: number;
    cameraId: number;
    takenAt: string;
  }[];
  const add = (sql: string, ...args: unknown[]) => Number(c.prepare(sql).run(...args).lastInsertRowid);
  deerId = add(
    `INSERT INTO individuals (name, category, sex_age, sex_age_by_user) VALUES ('Stag', 'animal', 'buck', 1)`,
  );
  foxId = add(
    `INSERT INTO individuals (name, category, species, species_by_user) VALUES ('Fox', 'animal', 'Red fox', 1)`,
  );
  photos.forEach((p, i) => {
    const seq = add(
      'INSERT INTO sequences (camera_id, start, "end", photo_count) VALUES (?, ?, ?, 1)',
      p.cameraId,
      p.takenAt,
      p.takenAt,
    );
    c.prepare('UPDATE images SET sequence_id = ? WHERE id = ?').run(seq, p.id);
    const track = add(
      `INSERT INTO tracklets (sequence_id, category, individual_id) VALUES (?, 'animal', ?)`,
      seq,
      i === 0 ? deerId : foxId,
    );
    c.prepare(`UPDATE detections SET tracklet_id = ? WHERE image_id = ? AND category = 'animal'`).run(track, p.id);
  });
});
afterAll(() => t.library.close());

describe('species in Camtrap DP', () => {
  it("names deer by the library's deer species and other animals by their own name, sex from the individual", async () => {
    setSetting(t.library.db, 'deerSpecies', 'red');
    const out = path.join(t.dir, 'camtrap');
    await exportCamtrapDp(t.library, out);
    const { errors, tables } = checkCamtrapPackage(out, interopDir());
    expect(errors).toEqual([]);
    const observations = tables.observations!;
    const of = (id: number) => observations.filter((o) => o.individualID === `ind-${id}`);
    expect(of(deerId).length).toBeGreaterThan(0);
    expect(of(foxId).length).toBeGreaterThan(0);
    for (const o of of(deerId))
      expect(o).toMatchObject({ scientificName: 'Cervus elaphus', sex: 'male', lifeStage: 'adult' });
    for (const o of of(foxId)) expect(o.scientificName).toBe('Red fox');
    const pkg = JSON.parse(fs.readFileSync(path.join(out, 'datapackage.json'), 'utf8')) as {
      taxonomic: { scientificName: string }[];
    };
    expect(pkg.taxonomic).toEqual([{ scientificName: 'Cervus elaphus' }, { scientificName: 'Red fox' }]);
  });
});
