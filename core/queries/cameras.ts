// Cameras with what they took, where they stood and how often they saw animals. Merged identities are left out
// (their photos are the camera they were merged into).
import type { CameraPlace, Deployment } from '../contract/cameras';
import { and, count, eq, exists, isNotNull, isNull, max, min, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { cameras, deployments, detections, images } from '../db/schema';
import { getSetting } from '../library/settings';
import { independentDetections, relativeAbundance, trapNights } from '../cameras/abundance';
import { countedBox } from './sqlFilter';

export function listDeployments(db: Db, cameraId?: number): Deployment[] {
  const d = deployments;
  return db
    .select({
      id: d.id,
      cameraId: d.cameraId,
      start: d.start,
      latitude: d.latitude,
      longitude: d.longitude,
      locationName: d.locationName,
      cameraHeight: d.cameraHeight,
      cameraTilt: d.cameraTilt,
      cameraHeading: d.cameraHeading,
      baitUse: d.baitUse,
      featureType: d.featureType,
      habitat: d.habitat,
      comments: d.comments,
    })
    .from(d)
    .where(cameraId === undefined ? undefined : eq(d.cameraId, cameraId))
    .orderBy(d.cameraId, d.start)
    .all();
}

const animalBox = and(eq(detections.category, 'animal'), countedBox);

/** Camera-local times of each camera's photos with a counted animal detection. */
function animalPhotoTimes(db: Db): Map<number, string[]> {
  const boxes = db
    .select({ one: sql`1` })
    .from(detections)
    .where(and(eq(detections.imageId, images.id), animalBox));
  const rows = db
    .select({ cameraId: images.cameraId, takenAt: images.takenAt })
    .from(images)
    .where(and(isNotNull(images.cameraId), isNotNull(images.takenAt), exists(boxes)))
    .all();
  const byCamera = new Map<number, string[]>();
  for (const { cameraId, takenAt } of rows)
    if (cameraId !== null && takenAt !== null) byCamera.set(cameraId, [...(byCamera.get(cameraId) ?? []), takenAt]);
  return byCamera;
}

export function listCameras(db: Db): CameraPlace[] {
  // Per camera, from images_camera_time alone: a count over its range and the range's two ends.
  const ofCamera = eq(images.cameraId, cameras.id);
  const photos = db
    .select({ n: count() })
    .from(images)
    .where(and(ofCamera, ne(images.mediaType, 'frame')));
  const first = db
    .select({ t: min(images.takenAt) })
    .from(images)
    .where(ofCamera);
  const last = db
    .select({ t: max(images.takenAt) })
    .from(images)
    .where(ofCamera);
  const animalBoxes = db
    .select({ n: count() })
    .from(detections)
    .innerJoin(images, eq(images.id, detections.imageId))
    .where(and(ofCamera, animalBox));
  const rows = db
    .select({
      id: cameras.id,
      key: cameras.key,
      name: cameras.name,
      make: cameras.make,
      model: cameras.model,
      serial: cameras.serial,
      utcOffset: cameras.utcOffset,
      location: cameras.location,
      latitude: cameras.latitude,
      longitude: cameras.longitude,
      notes: cameras.notes,
      photos: sql<number>`(${photos})`,
      firstTaken: sql<string | null>`(${first})`,
      lastTaken: sql<string | null>`(${last})`,
      animalDetections: sql<number>`(${animalBoxes})`,
    })
    .from(cameras)
    .where(isNull(cameras.mergedInto))
    .orderBy(sql`${cameras.name} COLLATE NOCASE`, cameras.id)
    .all();
  const placements = listDeployments(db);
  const animals = animalPhotoTimes(db);
  const minutes = getSetting(db, 'independenceMinutes');
  return rows.map((c) => {
    const own = placements.filter((d) => d.cameraId === c.id);
    const nights = trapNights(
      { first: c.firstTaken, last: c.lastTaken },
      own.map((d) => d.start),
    );
    const independent = independentDetections(animals.get(c.id) ?? [], minutes);
    return {
      ...c,
      deployments: own,
      independentDetections: independent,
      trapNights: nights,
      relativeAbundance: relativeAbundance(independent, nights),
    };
  });
}
