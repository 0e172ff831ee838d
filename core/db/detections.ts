// The detections repository: typed reads of boxes for re-identification.
import { and, eq, not, sql } from 'drizzle-orm';
import type { Db } from './open';
import { detections } from './schema';

export type DetectionRow = typeof detections.$inferSelect;

function prepareCountedOfTracklet(db: Db) {
  return db
    .select({ id: detections.id })
    .from(detections)
    .where(
      and(
        eq(detections.trackletId, sql.placeholder('tracklet')),
        not(detections.duplicate),
        not(detections.falsePositive),
      ),
    )
    .orderBy(detections.id)
    .prepare();
}

// Prepared once per connection: tracklet means are refreshed for every tracklet a change touches.
const countedOfTracklet = new WeakMap<Db, ReturnType<typeof prepareCountedOfTracklet>>();

/** The tracklet's boxes that count (neither a duplicate nor a false positive), by id. */
export function countedDetectionIdsOfTracklet(db: Db, trackletId: number): number[] {
  let read = countedOfTracklet.get(db);
  if (!read) countedOfTracklet.set(db, (read = prepareCountedOfTracklet(db)));
  return read.all({ tracklet: trackletId }).map((r) => r.id);
}
