// What every export reads from a library, in one pass: cameras, photos and the detections worth exporting, each
// detection with the individual it belongs to (merged individuals resolved to the one they were merged into).
import type { Db } from '../db/open';

export { groupBy } from '../util/groupBy';

export interface CameraRow {
  id: number;
  key: string;
  name: string;
  make: string | null;
  model: string | null;
  serial: string | null;
  utcOffset: string | null;
  /** A place name; the coordinates are latitude/longitude. */
  location: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A camera moved or re-aimed from `start` (camera-local) on. */
export interface DeploymentRow {
  id: number;
  cameraId: number;
  start: string;
  latitude: number | null;
  longitude: number | null;
  locationName: string | null;
  cameraHeight: number | null;
  cameraTilt: number | null;
  cameraHeading: number | null;
  baitUse: boolean | null;
  featureType: string | null;
  habitat: string | null;
  comments: string;
}

export interface PhotoRow {
  id: number;
  sha256: string | null;
  path: string | null;
  inPlace: boolean;
  fileName: string;
  cameraId: number | null;
  /** Camera-local wall-clock time as written, no zone. */
  takenAt: string | null;
  width: number | null;
  height: number | null;
  state: string;
  error: string | null;
  sequenceId: number | null;
  /** Detector whose boxes the photo has; null when detection has not run (no detections means "not looked at"). */
  detector: string | null;
  /** A photo or a clip (whose detections are its sampled frames'). */
  mediaType: 'photo' | 'clip';
  /** A clip's length; null for a photo. */
  durationMs: number | null;
  /** A clip's frames per second; null for a photo (and a clip that could not be read). */
  frameRate: number | null;
}

export interface IndividualRef {
  id: number;
  name: string;
  sex: string | null;
  ageClass: string | null;
  /** "deer" or another species by name. */
  species: string;
  /** buck, doe, fawn or unknown: its detections' majority or a person's word. */
  sexAge: string | null;
}

export interface DetectionRow {
  id: number;
  imageId: number;
  model: string;
  rawLabel: string;
  category: 'animal' | 'person' | 'vehicle';
  sexAge: string | null;
  confidence: number;
  x: number;
  y: number;
  w: number;
  h: number;
  reviewed: boolean;
  trackletId: number | null;
  individual: IndividualRef | null;
  /** For a clip's detection (its imageId is the clip's), the sampled frame's time in the clip. */
  frameMs: number | null;
}

export interface LibraryRows {
  cameras: CameraRow[];
  /** By camera, then start. */
  deployments: DeploymentRow[];
  photos: PhotoRow[];
  /** Detections of those photos, without duplicates and boxes marked as false positives, by photo then confidence. */
  detections: DetectionRow[];
}

export function loadLibraryRows(db: Db): LibraryRows {
  const sqlite = db.$client;
  const cameras = sqlite
    .prepare(
      `SELECT id, key, name, make, model, serial, utc_offset AS utcOffset, location, latitude, longitude
       FROM cameras ORDER BY id`,
    )
    .all() as CameraRow[];
  const deployments = (
    sqlite
      .prepare(
        `SELECT id, camera_id AS cameraId, start, latitude, longitude, location_name AS locationName,
                camera_height AS cameraHeight, camera_tilt AS cameraTilt, camera_heading AS cameraHeading,
                bait_use AS baitUse, feature_type AS featureType, habitat, comments
         FROM deployments ORDER BY camera_id, start`,
      )
      .all() as (Omit<DeploymentRow, 'baitUse'> & { baitUse: number | null })[]
  ).map((d) => ({ ...d, baitUse: d.baitUse === null ? null : !!d.baitUse }));
  const photos = (
    sqlite
      .prepare(
        `SELECT id, sha256, path, in_place AS inPlace, file_name AS fileName, camera_id AS cameraId, taken_at AS takenAt,
                width, height, state, error, sequence_id AS sequenceId, detector, media_type AS mediaType,
                duration_ms AS durationMs, frame_rate AS frameRate
         FROM images WHERE media_type != 'frame' ORDER BY camera_id, taken_at, id`,
      )
      .all() as (Omit<PhotoRow, 'inPlace'> & { inPlace: number })[]
  ).map((p) => ({ ...p, inPlace: !!p.inPlace }));

  const individuals = new Map(
    (
      sqlite
        .prepare(
          `SELECT id, name, sex, age_class AS ageClass, species, sex_age AS sexAge, merged_into AS mergedInto
           FROM individuals`,
        )
        .all() as (IndividualRef & {
        mergedInto: number | null;
      })[]
    ).map((i) => [i.id, i]),
  );
  const resolve = (id: number | null): IndividualRef | null => {
    // Follow merge pointers to the surviving individual; the bound stops a corrupt cycle from looping forever.
    let current = id === null ? undefined : individuals.get(id);
    for (let hops = 0; current?.mergedInto != null && hops < individuals.size; hops++)
      current = individuals.get(current.mergedInto);
    if (!current) return null;
    const { mergedInto: _merged, ...ref } = current;
    return ref;
  };

  const detections = (
    sqlite
      .prepare(
        // A sampled frame's detections are its clip's, with the frame's time.
        `SELECT d.id, coalesce(i.clip_id, d.image_id) AS imageId, i.frame_ms AS frameMs, d.model, d.raw_label AS rawLabel,
                d.category, d.sex_age AS sexAge, d.confidence, d.x, d.y, d.w, d.h, d.reviewed, d.tracklet_id AS trackletId,
                t.individual_id AS individualId
         FROM detections d JOIN images i ON i.id = d.image_id LEFT JOIN tracklets t ON t.id = d.tracklet_id
         WHERE d.duplicate = 0 AND d.false_positive = 0
         ORDER BY imageId, i.frame_ms, d.confidence DESC, d.id`,
      )
      .all() as (Omit<DetectionRow, 'reviewed' | 'individual'> & { reviewed: number; individualId: number | null })[]
  ).map(({ individualId, reviewed, ...d }) => ({ ...d, reviewed: !!reviewed, individual: resolve(individualId) }));

  return { cameras, deployments, photos, detections };
}
