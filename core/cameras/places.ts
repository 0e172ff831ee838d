// Edits of a camera's own record: display name, coordinates, place name, UTC offset, notes, and its deployments.
// Each is one statement or one transaction; a value that does not pass its check is refused before anything is
// written (the contract's schemas check API calls; these checks hold for every caller, the CLI included).
import { and, eq } from 'drizzle-orm';
import { ApiError } from '../contract/errors';
import type { AddDeployment, CameraUpdate } from '../contract/cameras';
import { parseUtcOffset, UTC_OFFSET_HINT } from '../contract/utcOffset';
import { inTransaction, type Db } from '../db/open';
import { cameras, deployments } from '../db/schema';
import { checkLatLon } from './coordinates';

export function requireCamera(db: Db, id: number): { id: number; name: string; key: string } {
  const row = db
    .select({ id: cameras.id, name: cameras.name, key: cameras.key, mergedInto: cameras.mergedInto })
    .from(cameras)
    .where(eq(cameras.id, id))
    .get();
  if (!row) throw new ApiError('not_found', `no camera ${id}`);
  if (row.mergedInto !== null)
    throw new ApiError('invalid_args', `camera ${id} was merged into camera ${row.mergedInto}: edit that one`);
  return row;
}

/** Applies the fields given (undefined: unchanged; null: cleared). */
export function updateCamera(db: Db, update: CameraUpdate): void {
  requireCamera(db, update.id);
  const set: Partial<typeof cameras.$inferInsert> = {};
  if (update.name !== undefined) {
    const name = update.name.trim();
    if (name === '') throw new ApiError('invalid_args', 'a camera needs a name');
    set.name = name;
  }
  if (update.latitude !== undefined || update.longitude !== undefined) {
    const { latitude = null, longitude = null } = update;
    if ((latitude === null) !== (longitude === null))
      throw new ApiError('invalid_args', 'give latitude and longitude together');
    if (latitude !== null && longitude !== null) checkLatLon(latitude, longitude);
    set.latitude = latitude;
    set.longitude = longitude;
  }
  if (update.utcOffset !== undefined) {
    if (update.utcOffset !== null && parseUtcOffset(update.utcOffset) === null)
      throw new ApiError('invalid_args', `${UTC_OFFSET_HINT}, not "${update.utcOffset}"`);
    set.utcOffset = update.utcOffset;
  }
  if (update.location !== undefined) set.location = update.location?.trim() || null;
  if (update.notes !== undefined) set.notes = update.notes;
  if (Object.keys(set).length === 0) return;
  db.update(cameras).set(set).where(eq(cameras.id, update.id)).run();
}

/** "2024-10-03" or "2024-10-03T05:12" as a whole local time, "2024-10-03T00:00:00", as photo times are written. */
export function fullLocalTime(t: string): string {
  const [date, time = ''] = t.split('T');
  const [h = '00', m = '00', sec = '00'] = time ? time.split(':') : [];
  return `${date}T${h}:${m}:${sec.slice(0, 2)}`;
}

/** A new deployment: the camera moved or was re-aimed at `start`. One per camera and start. */
export function addDeployment(db: Db, input: AddDeployment): number {
  const d = { ...input, start: fullLocalTime(input.start) };
  requireCamera(db, d.cameraId);
  if ((d.latitude === null) !== (d.longitude === null))
    throw new ApiError('invalid_args', 'give latitude and longitude together');
  if (d.latitude !== null && d.longitude !== null) checkLatLon(d.latitude, d.longitude);
  return inTransaction(db, () => {
    const clash = db
      .select({ id: deployments.id })
      .from(deployments)
      .where(and(eq(deployments.cameraId, d.cameraId), eq(deployments.start, d.start)))
      .get();
    if (clash) throw new ApiError('conflict', `camera ${d.cameraId} already has a deployment starting ${d.start}`);
    return Number(db.insert(deployments).values(d).run().lastInsertRowid);
  });
}

export function removeDeployment(db: Db, id: number): void {
  const { changes } = db.delete(deployments).where(eq(deployments.id, id)).run();
  if (changes === 0) throw new ApiError('not_found', `no deployment ${id}`);
}
