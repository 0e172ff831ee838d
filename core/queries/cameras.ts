// Cameras with what they took.
import type { Camera } from '../contract';
import type { Db } from '../db/open';

export function listCameras(db: Db): Camera[] {
  return db.$client
    .prepare(
      // Per camera, from images_camera_time alone: a count over its range and the range's two ends.
      `SELECT c.id, c.name, c.make, c.model, c.serial, c.utc_offset AS utcOffset, c.location,
              (SELECT count(*) FROM images i WHERE i.camera_id = c.id) AS photos,
              (SELECT min(i.taken_at) FROM images i WHERE i.camera_id = c.id) AS firstTaken,
              (SELECT max(i.taken_at) FROM images i WHERE i.camera_id = c.id) AS lastTaken
       FROM cameras c ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all() as Camera[];
}
