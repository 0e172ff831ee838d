// Sequences (one visit at one camera) for the grid's grouping and the viewer's filmstrip.
import type { Sequence } from '../contract';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { anyOf } from '../db/idList';
import type { Db } from '../db/open';
import { cameras, detections, images, sequences } from '../db/schema';
import { countedBox, timeBetween } from './sqlFilter';

// Per sequence: its first photo (the cover) and its counted boxes, as subqueries of the listing's row.
const cover = (db: Db) =>
  db
    .select({ id: images.id })
    .from(images)
    .where(eq(images.sequenceId, sequences.id))
    .orderBy(images.takenAt, images.id)
    .limit(1);
const boxes = (db: Db) =>
  db
    .select({ n: count() })
    .from(detections)
    .innerJoin(images, eq(images.id, detections.imageId))
    .where(and(eq(images.sequenceId, sequences.id), countedBox));

function select(db: Db) {
  return db
    .select({
      id: sequences.id,
      cameraId: sequences.cameraId,
      camera: cameras.name,
      start: sequences.start,
      end: sequences.end,
      photoCount: sequences.photoCount,
      coverPhotoId: sql<number | null>`(${cover(db)})`,
      detections: sql<number>`(${boxes(db)})`,
    })
    .from(sequences)
    .leftJoin(cameras, eq(cameras.id, sequences.cameraId));
}

export function querySequences(
  db: Db,
  q: { cameraIds?: number[]; from?: string; to?: string; newestFirst?: boolean; offset: number; limit: number },
): { items: Sequence[]; total: number; offset: number } {
  const where = and(
    q.cameraIds ? inArray(sequences.cameraId, q.cameraIds) : undefined,
    ...timeBetween(sequences.start, q.from, q.to),
  );
  const total = db.select({ n: count() }).from(sequences).where(where).get()!.n;
  // The page's ids first (index order), then the per-sequence counts for those rows only.
  const ids = db
    .select({ id: sequences.id })
    .from(sequences)
    .where(where)
    .orderBy(...(q.newestFirst ? [desc(sequences.start), desc(sequences.id)] : [sequences.start, sequences.id]))
    .limit(q.limit)
    .offset(q.offset)
    .all();
  const rows = select(db)
    .where(inArray(sequences.id, anyOf(ids.map((r) => r.id))))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.flatMap((r) => byId.get(r.id) ?? []), total, offset: q.offset };
}

export function sequenceById(db: Db, id: number): Sequence | null {
  return select(db).where(eq(sequences.id, id)).get() ?? null;
}
