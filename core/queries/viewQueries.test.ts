// The view queries' fast forms give exactly what the plain forms they replaced give, on a synthetic library with
// duplicates and false positives: the two-run detection sort, the count and page forms of the suggestion filter, the
// activity charts, the empty-photo total and the pending-suggestion counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeLibrary } from '../../bench/synthLibrary';
import { images } from '../db/schema';
import type { Library } from '../library/library';
import { activity } from './dashboard';
import { queryIndividuals } from './individuals';
import { photoWhere } from './photos';
import { pageByDetections } from './photosByDetections';
import { libraryStats } from './stats';

// The plain forms' test of a box that counts, written out as an independent reference.
const COUNTED = 'NOT d.duplicate AND NOT d.false_positive';

describe('view queries', () => {
  let dir: string;
  let library: Library;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-bydetections-'));
    library = synthesizeLibrary(dir, { photos: 300, cameras: 3 }).library;
    // Suggestions that name an individual on both sides and decided ones, which the counts must leave out.
    library.db.$client.exec(
      `UPDATE suggestions SET state = 'rejected' WHERE id % 3 = 0; UPDATE suggestions SET candidate_id = individual_id WHERE id = 1`,
    );
    // Boxes that do not count must not rank a photo: some duplicates and false positives, one photo left with none.
    library.db.$client.exec(
      'UPDATE detections SET duplicate = 1 WHERE id % 5 = 0; UPDATE detections SET false_positive = 1 WHERE id % 7 = 0',
    );
    // Photos not (or no longer) processed keep their boxes but are never counted empty.
    library.db.$client.exec(
      `UPDATE images SET state = 'imported' WHERE id % 11 = 0; UPDATE images SET state = 'failed' WHERE id % 13 = 0`,
    );
  });
  afterAll(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function reference(
    filter: Parameters<typeof photoWhere>[0],
    descending: boolean,
    offset: number,
    limit: number,
  ): number[] {
    const dir = sql.raw(descending ? 'DESC' : '');
    const rows = library.db.all<{ id: number }>(
      sql`SELECT ${images.id} AS id FROM ${images} LEFT JOIN (SELECT d.image_id, count(*) AS n FROM detections d
          WHERE ${sql.raw(COUNTED)} GROUP BY d.image_id) n ON n.image_id = ${images.id}
        WHERE ${photoWhere(filter)} ORDER BY coalesce(n.n, 0) ${dir}, ${images.id} ${dir} LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => r.id);
  }

  it('pages match the single sort on both sides of the boundary, both directions, with and without a filter', () => {
    const { db } = library;
    for (const filter of [{}, { cameraIds: [1, 2] }, { category: 'person' as const }]) {
      const w = photoWhere(filter);
      const total = db.select({ n: count() }).from(images).where(w).get()!.n;
      const hasBox = sql`EXISTS (SELECT 1 FROM detections d WHERE d.image_id = ${images.id} AND ${sql.raw(COUNTED)})`;
      const boxed = db.select({ n: count() }).from(images).where(and(w, hasBox)).get()!.n;
      expect(boxed).toBeGreaterThan(0);
      for (const descending of [true, false]) {
        const boundary = descending ? boxed : total - boxed;
        for (const offset of [0, Math.max(0, boundary - 7), boundary, boundary + 3, total - 4, total + 10]) {
          expect(
            pageByDetections(library.db, photoWhere(filter), descending, offset, 20),
            `${JSON.stringify(filter)} ${descending} ${offset}`,
          ).toEqual(reference(filter, descending, offset, 20));
        }
      }
    }
  });

  it('the suggestion filter counts and pages the same photos in both forms', () => {
    for (const unreviewedSuggestions of [true, false]) {
      const ids = (use: 'count' | 'page') =>
        library.db
          .select({ id: images.id })
          .from(images)
          .where(photoWhere({ unreviewedSuggestions, cameraIds: [1, 3] }, use))
          .orderBy(images.id)
          .all()
          .map((r) => r.id);
      expect(ids('count').length).toBeGreaterThan(0);
      expect(ids('page')).toEqual(ids('count'));
    }
  });

  it('activity, the empty total and pending counts agree with the per-row forms', () => {
    const c = library.db.$client;
    const groups = c
      .prepare(
        `SELECT i.camera_id AS cameraId, substr(i.taken_at, 1, 10) AS day, CAST(substr(i.taken_at, 12, 2) AS INTEGER) AS hour, count(*) AS n
         FROM detections d JOIN images i ON i.id = d.image_id WHERE d.category = 'animal' AND ${COUNTED} GROUP BY 1, 2, 3`,
      )
      .all() as { cameraId: number; day: string; hour: number; n: number }[];
    const charts = activity(library.db, [1, 2, 3]);
    const sum = (pick: (g: (typeof groups)[number]) => boolean) => groups.filter(pick).reduce((n, g) => n + g.n, 0);
    expect(charts.perHour).toEqual(Array.from({ length: 24 }, (_, h) => sum((g) => g.hour === h)));
    expect(charts.perDay).toEqual(
      [...new Set(groups.map((g) => g.day))].sort().map((day) => ({ day, detections: sum((g) => g.day === day) })),
    );
    expect(charts.perCamera.map((p) => p.detections)).toEqual([1, 2, 3].map((cam) => sum((g) => g.cameraId === cam)));

    const empty = c
      .prepare(
        `SELECT count(*) AS n FROM images i WHERE i.state IN ('detected','embedded','done') AND i.id NOT IN (SELECT image_id FROM detections d WHERE ${COUNTED})`,
      )
      .get() as { n: number };
    expect(libraryStats(library.db).images.empty).toBe(empty.n);

    const pending = c.prepare(
      `SELECT count(*) AS n FROM suggestions s WHERE s.state = 'pending' AND (s.individual_id = ? OR s.candidate_id = ?)`,
    );
    const { items } = queryIndividuals(library.db, { sort: 'name', offset: 0, limit: 1000 });
    expect(items.some((ind) => ind.pendingSuggestions > 0)).toBe(true);
    for (const ind of items)
      expect(ind.pendingSuggestions, ind.name).toBe((pending.get(ind.id, ind.id) as { n: number }).n);
  });
});
