// Activity for the dashboard's small charts (the totals are core/queries/stats.ts, the one place that counts): one
// pass over the animal detections, grouped by camera, day and hour, folded into the three charts here.
import type { Activity } from '../contract';
import type { Db } from '../db/open';
import { COUNTED, Where } from './sqlFilter';

export function activity(db: Db, cameraIds?: number[]): Activity {
  const c = db.$client;
  const w = new Where().add(`d.category = 'animal' AND ${COUNTED}`);
  if (cameraIds) w.in('i.camera_id', cameraIds);
  // Photos first, in images_camera_time order (index only), each probing the covering index of counted boxes; the
  // groups are keyed on the hour prefix of the time, one sort key instead of two, and split into day and hour after.
  const groups = c
    .prepare(
      `SELECT cameraId, substr(p, 1, 10) AS day, CASE WHEN length(p) >= 13 THEN CAST(substr(p, 12, 2) AS INTEGER) END AS hour, n
       FROM (SELECT i.camera_id AS cameraId, substr(i.taken_at, 1, 13) AS p, count(*) AS n
             FROM images i CROSS JOIN detections d ON d.image_id = i.id ${w.sql} GROUP BY i.camera_id, p)`,
    )
    .all(...w.params) as { cameraId: number | null; day: string | null; hour: number | null; n: number }[];
  const days = new Map<string, number>();
  const perHour = new Array<number>(24).fill(0);
  const perCameraDetections = new Map<number, number>();
  for (const g of groups) {
    if (g.day !== null) days.set(g.day, (days.get(g.day) ?? 0) + g.n);
    if (g.hour !== null && g.hour >= 0 && g.hour < 24) perHour[g.hour]! += g.n;
    if (g.cameraId !== null) perCameraDetections.set(g.cameraId, (perCameraDetections.get(g.cameraId) ?? 0) + g.n);
  }
  const cams = new Where();
  if (cameraIds) cams.in('c.id', cameraIds);
  const cameras = c
    .prepare(
      `SELECT c.id AS cameraId, c.name, (SELECT count(*) FROM images i WHERE i.camera_id = c.id) AS photos
       FROM cameras c ${cams.sql} ORDER BY c.name COLLATE NOCASE`,
    )
    .all(...cams.params) as { cameraId: number; name: string; photos: number }[];
  return {
    perDay: [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, detections]) => ({ day, detections })),
    perHour,
    perCamera: cameras.map((cam) => ({ ...cam, detections: perCameraDetections.get(cam.cameraId) ?? 0 })),
  };
}
