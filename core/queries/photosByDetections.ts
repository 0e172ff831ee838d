// The photo grid sorted by how many boxes count on each photo, in two runs instead of one sort of the whole library:
// the photos with boxes, ranked from the covering index of counted boxes (photos are joined only when a filter needs
// their columns), and the photos without, in id order straight from the table, which stops at the page. Descending
// puts the boxed run first, ascending the empty one; ties go by id in the same direction, as one ORDER BY would.
import { and, asc, count, desc, eq, isNotNull, not, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open';
import { detections, images } from '../db/schema';
import { hasBox } from './clipBoxes';
import { countedBox } from './sqlFilter';

// A clip has the boxes of its sampled frames and ranks by the most of one frame (frames are never listed).
const HAS_BOXES = hasBox();
const frame = alias(images, 'frame');

interface Run {
  page(offset: number, limit: number): number[];
  size(): number;
}

type Direction = typeof asc;

const photoCount = (db: Db, where: SQL | undefined) => db.select({ n: count() }).from(images).where(where).get()!.n;

function boxedRun(db: Db, w: SQL | undefined, dir: Direction): Run {
  const perImage = db
    .select({ imageId: detections.imageId, boxes: sql<number>`count(*)`.as('boxes') })
    .from(detections)
    .where(countedBox)
    .groupBy(detections.imageId);
  // The clips' part starts from the frames (the images_clip index): a library of photos only reads nothing more.
  const boxesOf = sql<number>`(SELECT count(*) FROM ${detections} WHERE ${detections.imageId} = ${frame.id} AND ${countedBox})`;
  const perClip = db
    .select({ imageId: sql<number>`${frame.clipId}`.as('image_id'), boxes: sql<number>`max(${boxesOf})`.as('boxes') })
    .from(frame)
    .where(isNotNull(frame.clipId))
    .groupBy(frame.clipId)
    .having(sql`max(${boxesOf}) > 0`);
  const n = perImage.unionAll(perClip).as('n');
  const ranked = () => {
    const all = db.select({ id: n.imageId }).from(n).$dynamic();
    return w ? all.innerJoin(images, eq(images.id, n.imageId)).where(w) : all;
  };
  return {
    page: (offset, limit) =>
      ranked()
        .orderBy(dir(n.boxes), dir(n.imageId))
        .limit(limit)
        .offset(offset)
        .all()
        .map((r) => r.id),
    size: () => photoCount(db, and(w, HAS_BOXES)),
  };
}

function emptyRun(db: Db, w: SQL | undefined, dir: Direction): Run {
  const none = and(w, not(HAS_BOXES));
  return {
    page: (offset, limit) =>
      db
        .select({ id: images.id })
        .from(images)
        .where(none)
        .orderBy(dir(images.id))
        .limit(limit)
        .offset(offset)
        .all()
        .map((r) => r.id),
    size: () => photoCount(db, none),
  };
}

/** Ids of the page of photos matching `w`, by counted boxes then id, both descending or both ascending. */
export function pageByDetections(
  db: Db,
  w: SQL | undefined,
  descending: boolean,
  offset: number,
  limit: number,
): number[] {
  const dir = descending ? desc : asc;
  const [first, second] = descending
    ? [boxedRun(db, w, dir), emptyRun(db, w, dir)]
    : [emptyRun(db, w, dir), boxedRun(db, w, dir)];
  const head = first.page(offset, limit);
  if (head.length === limit) return head;
  // The first run ends on this page (or before it): its length is known from the page unless the page is past it.
  const firstSize = head.length > 0 ? offset + head.length : first.size();
  return [...head, ...second.page(Math.max(0, offset - firstSize), limit - head.length)];
}
