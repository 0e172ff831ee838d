// Camera identities: two keys that are one camera (a serial read one way on one card, another on the next) are merged;
// one key that is two cameras (two cheap cameras of one model, told apart only by when) is split at a time. Photos,
// sequences and deployments move with them in one transaction. A merged identity stays as a pointer so photos
// imported under it later land on the camera it was merged into (a trigger in migration 0007).
import { and, count, eq, gte, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import { ApiError } from '../contract/errors';
import { inTransaction, type Db } from '../db/open';
import { cameras, deployments, images, sequences } from '../db/schema';
import { requireCamera } from './places';

export function mergeCameras(db: Db, targetId: number, sourceIds: readonly number[]): void {
  if (sourceIds.includes(targetId)) throw new ApiError('invalid_args', 'a camera cannot be merged into itself');
  inTransaction(db, () => {
    requireCamera(db, targetId);
    for (const sourceId of sourceIds) {
      requireCamera(db, sourceId);
      db.update(images).set({ cameraId: targetId }).where(eq(images.cameraId, sourceId)).run();
      db.update(sequences).set({ cameraId: targetId }).where(eq(sequences.cameraId, sourceId)).run();
      // Deployments keep their start; one starting at the same moment as the target's is the same placement.
      const targetStarts = db
        .select({ start: deployments.start })
        .from(deployments)
        .where(eq(deployments.cameraId, targetId));
      db.update(deployments)
        .set({ cameraId: targetId })
        .where(and(eq(deployments.cameraId, sourceId), notInArray(deployments.start, targetStarts)))
        .run();
      db.delete(deployments).where(eq(deployments.cameraId, sourceId)).run();
      // Earlier merges into the source now point at the target.
      db.update(cameras).set({ mergedInto: targetId }).where(eq(cameras.mergedInto, sourceId)).run();
      db.update(cameras).set({ mergedInto: targetId }).where(eq(cameras.id, sourceId)).run();
      // The target takes what it lacks from the source (a place, an offset).
      const placeOf = (id: number) =>
        db
          .select({
            latitude: cameras.latitude,
            longitude: cameras.longitude,
            utcOffset: cameras.utcOffset,
            location: cameras.location,
          })
          .from(cameras)
          .where(eq(cameras.id, id))
          .get()!;
      const [target, source] = [placeOf(targetId), placeOf(sourceId)];
      db.update(cameras)
        .set({
          latitude: target.latitude ?? source.latitude,
          longitude: target.longitude ?? source.longitude,
          utcOffset: target.utcOffset ?? source.utcOffset,
          location: target.location ?? source.location,
        })
        .where(eq(cameras.id, targetId))
        .run();
    }
  });
}

const photoCount = (db: Db, where: SQL | undefined): number =>
  db.select({ n: count() }).from(images).where(where).get()!.n;

/** Photos taken at or after `from` become a new camera's; returns its id. */
export function splitCamera(db: Db, cameraId: number, from: string, name: string): number {
  return inTransaction(db, () => {
    const camera = requireCamera(db, cameraId);
    const ofCamera = eq(images.cameraId, cameraId);
    const moving = photoCount(db, and(ofCamera, gte(images.takenAt, from)));
    const staying = photoCount(db, and(ofCamera, or(lt(images.takenAt, from), isNull(images.takenAt))));
    if (moving === 0)
      throw new ApiError('invalid_args', `camera "${camera.name}" has no photo taken at or after ${from}`);
    if (staying === 0)
      throw new ApiError(
        'invalid_args',
        `every photo of camera "${camera.name}" is from ${from} or later: nothing to split`,
      );
    const keyTaken = (key: string) =>
      db.select({ id: cameras.id }).from(cameras).where(eq(cameras.key, key)).get() !== undefined;
    let n = 2;
    while (keyTaken(`${camera.key}#${n}`)) n++;
    const model = db
      .select({ make: cameras.make, model: cameras.model, serial: cameras.serial, utcOffset: cameras.utcOffset })
      .from(cameras)
      .where(eq(cameras.id, cameraId))
      .get()!;
    const id = Number(
      db
        .insert(cameras)
        .values({ key: `${camera.key}#${n}`, name, ...model })
        .run().lastInsertRowid,
    );
    db.update(images)
      .set({ cameraId: id })
      .where(and(ofCamera, gte(images.takenAt, from)))
      .run();
    // A sequence follows its first photo.
    db.update(sequences)
      .set({ cameraId: id })
      .where(and(eq(sequences.cameraId, cameraId), gte(sequences.start, from)))
      .run();
    db.update(deployments)
      .set({ cameraId: id })
      .where(and(eq(deployments.cameraId, cameraId), gte(deployments.start, from)))
      .run();
    return id;
  });
}
