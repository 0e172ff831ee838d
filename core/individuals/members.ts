// Reading membership and enforcing its hard rule: two detections in one photo are two animals, so no individual
// (and no tracklet) may hold two detections of the same photo.
import { and, eq, inArray, not, sql } from 'drizzle-orm';
import { anyOf } from '../db/idList';
import type { Db } from '../db/open';
import { detections, tracklets } from '../db/schema';
import { IndividualsError } from './errors';

export function memberTracklets(db: Db, individualId: number): number[] {
  return db
    .select({ id: tracklets.id })
    .from(tracklets)
    .where(eq(tracklets.individualId, individualId))
    .orderBy(tracklets.id)
    .all()
    .map((r) => r.id);
}

/** Throws when the detections of these tracklets, taken together, include two of one photo. */
export function assertOnePerPhoto(db: Db, trackletIds: readonly number[]): void {
  const clash = db
    .select({ image: detections.imageId })
    .from(detections)
    .where(and(inArray(detections.trackletId, anyOf(trackletIds)), not(detections.falsePositive)))
    .groupBy(detections.imageId)
    .having(sql`count(*) > 1`)
    .limit(1)
    .get();
  if (clash) {
    throw new IndividualsError(
      `photo ${clash.image} would hold two detections of one individual: two animals in one frame are two animals`,
    );
  }
}
