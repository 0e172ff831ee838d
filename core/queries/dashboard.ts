// Activity for the dashboard's small charts (the totals are core/queries/stats.ts, the one place that counts). The
// counted animal boxes are summed per camera and day and per camera and hour of the day, and the photos per camera,
// by triggers (migration 0006_activity_aggregate): a call reads a few thousand small rows at most, whatever the
// library's size.
import type { Activity } from '../contract';
import { and, between, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { activityDays, activityHours, activityPhotos, cameras } from '../db/schema';

/** camera_key of boxes on photos without a camera, day and hour of photos without a time (see the migration). */
const NO_CAMERA = 0;

const dayTotal = sql<number>`sum(${activityDays.n})`.mapWith(Number);

/** The four reads, for some cameras or (cameraIds undefined) all of them. */
function statements(db: Db, cameraIds?: number[]) {
  const cams = (column: SQLiteColumn) => (cameraIds ? inArray(column, cameraIds) : undefined);
  return {
    perDay: db
      .select({ day: activityDays.day, detections: dayTotal })
      .from(activityDays)
      .where(and(cams(activityDays.cameraKey), ne(activityDays.day, '')))
      .groupBy(activityDays.day)
      .having(gt(dayTotal, 0))
      .orderBy(activityDays.day)
      .prepare(),
    perHour: db
      .select({ hour: activityHours.hour, n: sql<number>`sum(${activityHours.n})`.mapWith(Number) })
      .from(activityHours)
      .where(and(cams(activityHours.cameraKey), between(activityHours.hour, 0, 23)))
      .groupBy(activityHours.hour)
      .prepare(),
    perCamera: db
      .select({ cameraId: activityDays.cameraKey, n: dayTotal })
      .from(activityDays)
      .where(and(cams(activityDays.cameraKey), ne(activityDays.cameraKey, NO_CAMERA)))
      .groupBy(activityDays.cameraKey)
      .prepare(),
    cameras: db
      .select({ cameraId: cameras.id, name: cameras.name, photos: sql<number>`ifnull(${activityPhotos.n}, 0)` })
      .from(cameras)
      .leftJoin(activityPhotos, eq(activityPhotos.cameraKey, cameras.id))
      .where(cams(cameras.id))
      .orderBy(sql`${cameras.name} COLLATE NOCASE`)
      .prepare(),
  };
}

// The dashboard asks for every camera every 2 s while a job runs: that form is prepared once per connection.
const everyCamera = preparedOnce((db) => statements(db));

export function activity(db: Db, cameraIds?: number[]): Activity {
  const q = cameraIds ? statements(db, cameraIds) : everyCamera(db);
  const perHour = new Array<number>(24).fill(0);
  for (const h of q.perHour.all()) perHour[h.hour] = h.n;
  const detections = new Map(q.perCamera.all().map((r) => [r.cameraId, r.n]));
  return {
    perDay: q.perDay.all(),
    perHour,
    perCamera: q.cameras.all().map((cam) => ({ ...cam, detections: detections.get(cam.cameraId) ?? 0 })),
  };
}
