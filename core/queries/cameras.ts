// Cameras with what they took, where they stood and how often they saw animals. Merged identities are left out
// (their photos are the camera they were merged into).
import type { CameraPlace, Deployment } from '../contract/cameras';
import type { Db } from '../db/open';
import { getSetting } from '../library/settings';
import { independentDetections, relativeAbundance, trapNights } from '../cameras/abundance';

type CameraRow = Omit<CameraPlace, 'deployments' | 'independentDetections' | 'trapNights' | 'relativeAbundance'>;

export function listDeployments(db: Db, cameraId?: number): Deployment[] {
  return (
    db.$client
      .prepare(
        `SELECT id, camera_id AS cameraId, start, latitude, longitude, location_name AS locationName,
                camera_height AS cameraHeight, camera_tilt AS cameraTilt, camera_heading AS cameraHeading,
                bait_use AS baitUse, feature_type AS featureType, habitat, comments
         FROM deployments ${cameraId === undefined ? '' : 'WHERE camera_id = ?'} ORDER BY camera_id, start`,
      )
      .all(...(cameraId === undefined ? [] : [cameraId])) as (Omit<Deployment, 'baitUse'> & {
      baitUse: number | null;
    })[]
  ).map((d) => ({ ...d, baitUse: d.baitUse === null ? null : !!d.baitUse }));
}

/** Camera-local times of each camera's photos with a counted animal detection. */
function animalPhotoTimes(db: Db): Map<number, string[]> {
  const rows = db.$client
    .prepare(
      `SELECT i.camera_id AS cameraId, i.taken_at AS takenAt FROM images i
       WHERE i.camera_id IS NOT NULL AND i.taken_at IS NOT NULL
         AND EXISTS (SELECT 1 FROM detections d WHERE d.image_id = i.id AND d.category = 'animal'
                     AND d.duplicate = 0 AND d.false_positive = 0)`,
    )
    .all() as { cameraId: number; takenAt: string }[];
  const byCamera = new Map<number, string[]>();
  for (const r of rows) byCamera.set(r.cameraId, [...(byCamera.get(r.cameraId) ?? []), r.takenAt]);
  return byCamera;
}

export function listCameras(db: Db): CameraPlace[] {
  const cameras = db.$client
    .prepare(
      // Per camera, from images_camera_time alone: a count over its range and the range's two ends.
      `SELECT c.id, c.key, c.name, c.make, c.model, c.serial, c.utc_offset AS utcOffset, c.location,
              c.latitude, c.longitude, c.notes,
              (SELECT count(*) FROM images i WHERE i.camera_id = c.id AND i.media_type != 'frame') AS photos,
              (SELECT min(i.taken_at) FROM images i WHERE i.camera_id = c.id) AS firstTaken,
              (SELECT max(i.taken_at) FROM images i WHERE i.camera_id = c.id) AS lastTaken,
              (SELECT count(*) FROM detections d JOIN images i ON i.id = d.image_id
               WHERE i.camera_id = c.id AND d.category = 'animal' AND d.duplicate = 0 AND d.false_positive = 0)
                AS animalDetections
       FROM cameras c WHERE c.merged_into IS NULL ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all() as CameraRow[];
  const deployments = listDeployments(db);
  const animals = animalPhotoTimes(db);
  const minutes = getSetting(db, 'independenceMinutes');
  return cameras.map((c) => {
    const own = deployments.filter((d) => d.cameraId === c.id);
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
