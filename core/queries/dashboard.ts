// Activity for the dashboard's small charts (the totals are core/queries/stats.ts, the one place that counts). The
// counted animal boxes are summed per camera and day and per camera and hour of the day, and the photos per camera,
// by triggers (migration 0006_activity_aggregate): a call reads a few thousand small rows at most, whatever the
// library's size.
import type { Activity } from '../contract';
import { and, between, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open';
import { activityDays, activityHours, activityPhotos, cameras } from '../db/schema';

/** camera_key of boxes on photos without a camera, day and hour of photos without a time (see the migration). */
const NO_CAMERA = 0;

export function activity(db: Db, cameraIds?: number[]): Activity {
  const cams = (column: SQLiteColumn) => (cameraIds ? inArray(column, cameraIds) : undefined);
  const dayTotal = sql<number>`sum(${activityDays.n})`.mapWith(Number);
  const perDay = db
    .select({ day: activityDays.day, detections: dayTotal })
    .from(activityDays)
    .where(and(cams(activityDays.cameraKey), ne(activityDays.day, '')))
    .groupBy(activityDays.day)
    .having(gt(dayTotal, 0))
    .orderBy(activityDays.day)
    .all();
  const perHour = new Array<number>(24).fill(0);
  for (const h of db
    .select({ hour: activityHours.hour, n: sql<number>`sum(${activityHours.n})`.mapWith(Number) })
    .from(activityHours)
    .where(and(cams(activityHours.cameraKey), between(activityHours.hour, 0, 23)))
    .groupBy(activityHours.hour)
    .all())
    perHour[h.hour] = h.n;
  const detections = new Map(
    db
      .select({ cameraId: activityDays.cameraKey, n: dayTotal })
      .from(activityDays)
      .where(and(cams(activityDays.cameraKey), ne(activityDays.cameraKey, NO_CAMERA)))
      .groupBy(activityDays.cameraKey)
      .all()
      .map((r) => [r.cameraId, r.n]),
  );
  const cameraRows = db
    .select({ cameraId: cameras.id, name: cameras.name, photos: sql<number>`ifnull(${activityPhotos.n}, 0)` })
    .from(cameras)
    .leftJoin(activityPhotos, eq(activityPhotos.cameraKey, cameras.id))
    .where(cams(cameras.id))
    .orderBy(sql`${cameras.name} COLLATE NOCASE`)
    .all();
  return {
    perDay,
    perHour,
    perCamera: cameraRows.map((cam) => ({ ...cam, detections: detections.get(cam.cameraId) ?? 0 })),
  };
}
