// Reading membership and enforcing its hard rule: two detections in one photo are two animals, so no individual
// (and no tracklet) may hold two detections of the same photo.
import { and, eq, inArray, not, sql } from 'drizzle-orm';
import { anyOfPlaceholder, idsParam } from '../db/idList';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { detections, tracklets } from '../db/schema';
import { IndividualsError } from './errors';

// Prepared once per connection: every membership change and every suggestion candidate reads these.
const membersStatement = preparedOnce((db) =>
  db
    .select({ id: tracklets.id })
    .from(tracklets)
    .where(eq(tracklets.individualId, sql.placeholder('id')))
    .orderBy(tracklets.id)
    .prepare(),
);

const clashStatement = preparedOnce((db) =>
  db
    .select({ image: detections.imageId })
    .from(detections)
    .where(and(inArray(detections.trackletId, anyOfPlaceholder('ids')), not(detections.falsePositive)))
    .groupBy(detections.imageId)
    .having(sql`count(*) > 1`)
    .limit(1)
    .prepare(),
);

export function memberTracklets(db: Db, individualId: number): number[] {
  return membersStatement(db)
    .all({ id: individualId })
    .map((r) => r.id);
}

/** Throws when the detections of these tracklets, taken together, include two of one photo. */
export function assertOnePerPhoto(db: Db, trackletIds: readonly number[]): void {
  const clash = clashStatement(db).get({ ids: idsParam(trackletIds) });
  if (clash) {
    throw new IndividualsError(
      `photo ${clash.image} would hold two detections of one individual: two animals in one frame are two animals`,
    );
  }
}
