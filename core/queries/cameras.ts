// Cameras with what they took.
import type { Camera } from '../contract';
import type { Db } from '../db/open';

export function listCameras(db: Db): Camera[] {
  return db.$client
    .prepare(
      `SELECT c.id, c.name, c.make, c.model, c.serial, c.utc_offset AS utcOffset, c.location,
              count(i.id) AS photos, min(i.taken_at) AS firstTaken, max(i.taken_at) AS lastTaken
       FROM cameras c LEFT JOIN images i ON i.camera_id = c.id GROUP BY c.id ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all() as Camera[];
}
