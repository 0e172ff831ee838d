// Reading membership and enforcing its hard rule: two detections in one photo are two animals, so no individual
// (and no tracklet) may hold two detections of the same photo.
import type { Db } from '../db/open';
import { IndividualsError } from './errors';

/** SQL for "the ids in the JSON array bound here": lets one prepared statement take a list of any length. */
export const IDS = '(SELECT value FROM json_each(?))';

export const idList = (ids: readonly number[]) => JSON.stringify(ids);

export function memberTracklets(db: Db, individualId: number): number[] {
  return (
    db.$client.prepare('SELECT id FROM tracklets WHERE individual_id = ? ORDER BY id').all(individualId) as {
      id: number;
    }[]
  ).map((r) => r.id);
}

/** Throws when the detections of these tracklets, taken together, include two of one photo. */
export function assertOnePerPhoto(db: Db, trackletIds: readonly number[]): void {
  const clash = db.$client
    .prepare(
      `SELECT image_id AS image FROM detections WHERE tracklet_id IN ${IDS} AND NOT false_positive
       GROUP BY image_id HAVING count(*) > 1 LIMIT 1`,
    )
    .get(idList(trackletIds)) as { image: number } | undefined;
  if (clash) {
    throw new IndividualsError(
      `photo ${clash.image} would hold two detections of one individual: two animals in one frame are two animals`,
    );
  }
}
