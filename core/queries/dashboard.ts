// The dashboard's numbers: the library totals (core/queries/stats.ts, the one place that counts photos and
// detections) plus individuals and suggestions, and activity for the small charts.
import type { Activity, LibraryStats } from '../contract';
import type { Db } from '../db/open';
import { COUNTED, Where } from './sqlFilter';

export function activity(db: Db, cameraIds?: number[]): Activity {
  const c = db.$client;
  const w = new Where().add(`d.category = 'animal' AND ${COUNTED}`);
  if (cameraIds) w.in('i.camera_id', cameraIds);
  const from = `FROM detections d JOIN images i ON i.id = d.image_id ${w.sql}`;
  const perDay = c
    .prepare(`SELECT substr(i.taken_at, 1, 10) AS day, count(*) AS detections ${from} AND i.taken_at IS NOT NULL GROUP BY day ORDER BY day`)
    .all(...w.params) as Activity['perDay'];
  const perHour = new Array<number>(24).fill(0);
  const hours = c
    .prepare(`SELECT CAST(substr(i.taken_at, 12, 2) AS INTEGER) AS hour, count(*) AS n ${from} AND length(i.taken_at) >= 13 GROUP BY hour`)
    .all(...w.params) as { hour: number; n: number }[];
  for (const h of hours) if (h.hour >= 0 && h.hour < 24) perHour[h.hour] = h.n;
  const cams = new Where();
  if (cameraIds) cams.in('c.id', cameraIds);
  const perCamera = c
    .prepare(
      `SELECT c.id AS cameraId, c.name,
              (SELECT count(*) FROM images i WHERE i.camera_id = c.id) AS photos,
              (SELECT count(*) FROM detections d JOIN images i ON i.id = d.image_id
                WHERE i.camera_id = c.id AND d.category = 'animal' AND ${COUNTED}) AS detections
       FROM cameras c ${cams.sql} ORDER BY c.name COLLATE NOCASE`,
    )
    .all(...cams.params) as Activity['perCamera'];
  return { perDay, perHour, perCamera };
}
