// Activity for the dashboard's small charts (the totals are core/queries/stats.ts, the one place that counts). The
// counted animal boxes are summed per camera and day and per camera and hour of the day, and the photos per camera,
// by triggers (migration 0006_activity_aggregate): a call reads a few thousand small rows at most, whatever the
// library's size.
import type { Activity } from '../contract';
import type { Db } from '../db/open';
import { Where } from './sqlFilter';

/** camera_key of boxes on photos without a camera, day and hour of photos without a time (see the migration). */
const NO_CAMERA = 0;

export function activity(db: Db, cameraIds?: number[]): Activity {
  const c = db.$client;
  const cams = () => (cameraIds ? new Where().in('camera_key', cameraIds) : new Where());
  const days = cams().add(`day != ''`);
  const perDay = c
    .prepare(
      `SELECT day, sum(n) AS detections FROM activity_days ${days.sql} GROUP BY day HAVING sum(n) > 0 ORDER BY day`,
    )
    .all(...days.params) as { day: string; detections: number }[];
  const hours = cams().add('hour BETWEEN 0 AND 23');
  const perHour = new Array<number>(24).fill(0);
  for (const h of c
    .prepare(`SELECT hour, sum(n) AS n FROM activity_hours ${hours.sql} GROUP BY hour`)
    .all(...hours.params) as { hour: number; n: number }[])
    perHour[h.hour] = h.n;
  const perCamera = cams().add(`camera_key != ${NO_CAMERA}`);
  const detections = new Map(
    (
      c
        .prepare(`SELECT camera_key AS cameraId, sum(n) AS n FROM activity_days ${perCamera.sql} GROUP BY camera_key`)
        .all(...perCamera.params) as { cameraId: number; n: number }[]
    ).map((r) => [r.cameraId, r.n]),
  );
  const cameraFilter = new Where();
  if (cameraIds) cameraFilter.in('c.id', cameraIds);
  const cameras = c
    .prepare(
      `SELECT c.id AS cameraId, c.name, ifnull(p.n, 0) AS photos
       FROM cameras c LEFT JOIN activity_photos p ON p.camera_key = c.id ${cameraFilter.sql} ORDER BY c.name COLLATE NOCASE`,
    )
    .all(...cameraFilter.params) as { cameraId: number; name: string; photos: number }[];
  return {
    perDay,
    perHour,
    perCamera: cameras.map((cam) => ({ ...cam, detections: detections.get(cam.cameraId) ?? 0 })),
  };
}
