// The two-run detection sort gives exactly the pages one ORDER BY over the whole library gives, across the boundary
// between photos with and without counted boxes, with and without a filter.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeLibrary } from '../../bench/synthLibrary';
import type { Library } from '../library/library';
import { photoWhere } from './photos';
import { pageByDetections } from './photosByDetections';
import { COUNTED } from './sqlFilter';

describe('pageByDetections', () => {
  let dir: string;
  let library: Library;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-bydetections-'));
    library = synthesizeLibrary(dir, { photos: 300, cameras: 3 }).library;
    // Boxes that do not count must not rank a photo: some duplicates and false positives, one photo left with none.
    library.db.$client.exec('UPDATE detections SET duplicate = 1 WHERE id % 5 = 0; UPDATE detections SET false_positive = 1 WHERE id % 7 = 0');
  });
  afterAll(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function reference(filter: Parameters<typeof photoWhere>[0], descending: boolean, offset: number, limit: number): number[] {
    const w = photoWhere(filter);
    const dir = descending ? 'DESC' : '';
    const rows = library.db.$client
      .prepare(
        `SELECT i.id FROM images i LEFT JOIN (SELECT d.image_id, count(*) AS n FROM detections d WHERE ${COUNTED} GROUP BY d.image_id) n ON n.image_id = i.id
         ${w.sql} ORDER BY coalesce(n.n, 0) ${dir}, i.id ${dir} LIMIT ? OFFSET ?`,
      )
      .all(...w.params, limit, offset) as { id: number }[];
    return rows.map((r) => r.id);
  }

  it('pages match the single sort on both sides of the boundary, both directions, with and without a filter', () => {
    const c = library.db.$client;
    for (const filter of [{}, { cameraIds: [1, 2] }, { category: 'person' as const }]) {
      const w = photoWhere(filter);
      const total = (c.prepare(`SELECT count(*) AS n FROM images i ${w.sql}`).get(...w.params) as { n: number }).n;
      const boxed = (c.prepare(`SELECT count(*) AS n FROM images i ${w.sql ? `${w.sql} AND` : 'WHERE'} EXISTS (SELECT 1 FROM detections d WHERE d.image_id = i.id AND ${COUNTED})`).get(...w.params) as { n: number }).n;
      expect(boxed).toBeGreaterThan(0);
      for (const descending of [true, false]) {
        const boundary = descending ? boxed : total - boxed;
        for (const offset of [0, Math.max(0, boundary - 7), boundary, boundary + 3, total - 4, total + 10]) {
          expect(pageByDetections(library.db, photoWhere(filter), descending, offset, 20), `${JSON.stringify(filter)} ${descending} ${offset}`).toEqual(
            reference(filter, descending, offset, 20),
          );
        }
      }
    }
  });
});
