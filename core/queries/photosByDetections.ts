// The photo grid sorted by how many boxes count on each photo, in two runs instead of one sort of the whole library:
// the photos with boxes, ranked from the covering index of counted boxes (photos are joined only when a filter needs
// their columns), and the photos without, in id order straight from the table, which stops at the page. Descending
// puts the boxed run first, ascending the empty one; ties go by id in the same direction, as one ORDER BY would.
import type { Db } from '../db/open';
import { COUNTED, Where } from './sqlFilter';

const HAS_BOXES = `EXISTS (SELECT 1 FROM detections d WHERE d.image_id = i.id AND ${COUNTED})`;

interface Run {
  page(offset: number, limit: number): number[];
  size(): number;
}

function narrowed(w: Where, condition: string): Where {
  return new Where().add(w.conditions, ...w.params).add(condition);
}

function boxedRun(db: Db, w: Where, dir: 'ASC' | 'DESC'): Run {
  const c = db.$client;
  const photos = w.sql ? `JOIN images i ON i.id = n.image_id ${w.sql}` : '';
  const ranked = c.prepare(
    `SELECT n.image_id AS id FROM (SELECT d.image_id, count(*) AS boxes FROM detections d WHERE ${COUNTED} GROUP BY d.image_id) n ${photos}
     ORDER BY n.boxes ${dir}, n.image_id ${dir} LIMIT ? OFFSET ?`,
  );
  const has = narrowed(w, HAS_BOXES);
  return {
    page: (offset, limit) => (ranked.all(...w.params, limit, offset) as { id: number }[]).map((r) => r.id),
    size: () => (c.prepare(`SELECT count(*) AS n FROM images i ${has.sql}`).get(...has.params) as { n: number }).n,
  };
}

function emptyRun(db: Db, w: Where, dir: 'ASC' | 'DESC'): Run {
  const c = db.$client;
  const none = narrowed(w, `NOT ${HAS_BOXES}`);
  return {
    page: (offset, limit) =>
      (
        c
          .prepare(`SELECT i.id FROM images i ${none.sql} ORDER BY i.id ${dir} LIMIT ? OFFSET ?`)
          .all(...none.params, limit, offset) as { id: number }[]
      ).map((r) => r.id),
    size: () => (c.prepare(`SELECT count(*) AS n FROM images i ${none.sql}`).get(...none.params) as { n: number }).n,
  };
}

/** Ids of the page of photos matching `w`, by counted boxes then id, both descending or both ascending. */
export function pageByDetections(db: Db, w: Where, descending: boolean, offset: number, limit: number): number[] {
  const dir = descending ? 'DESC' : 'ASC';
  const [first, second] = descending
    ? [boxedRun(db, w, dir), emptyRun(db, w, dir)]
    : [emptyRun(db, w, dir), boxedRun(db, w, dir)];
  const head = first.page(offset, limit);
  if (head.length === limit) return head;
  // The first run ends on this page (or before it): its length is known from the page unless the page is past it.
  const firstSize = head.length > 0 ? offset + head.length : first.size();
  return [...head, ...second.page(Math.max(0, offset - firstSize), limit - head.length)];
}
