// What every export reads from a library, in one pass: cameras, photos and the detections worth exporting, each
// detection with the individual it belongs to (merged individuals resolved to the one they were merged into).
import { desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { cameras, detections, images, individuals, tracklets } from '../db/schema';
import { BOX_FIELDS } from '../queries/boxFields';
import { listDeployments } from '../queries/cameras';
import { countedBox } from '../queries/sqlFilter';

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
  const c = cameras;
  const cameraRows = db
    .select({
      id: c.id,
      key: c.key,
      name: c.name,
      make: c.make,
      model: c.model,
      serial: c.serial,
      utcOffset: c.utcOffset,
      location: c.location,
      latitude: c.latitude,
      longitude: c.longitude,
    })
    .from(c)
    .orderBy(c.id)
    .all();
  const i = images;
  const photos = db
    .select({
      id: i.id,
      sha256: i.sha256,
      path: i.path,
      inPlace: i.inPlace,
      fileName: i.fileName,
      cameraId: i.cameraId,
      takenAt: i.takenAt,
      width: i.width,
      height: i.height,
      state: i.state,
      error: i.error,
      sequenceId: i.sequenceId,
      detector: i.detector,
      mediaType: i.mediaType,
      durationMs: i.durationMs,
      frameRate: i.frameRate,
    })
    .from(i)
    .where(ne(i.mediaType, 'frame'))
    .orderBy(i.cameraId, i.takenAt, i.id)
    .all()
    // The query leaves frames out; this tells the type.
    .flatMap((p) => (p.mediaType === 'frame' ? [] : [{ ...p, mediaType: p.mediaType }]));

  const individualRows = new Map(
    db
      .select({
        id: individuals.id,
        name: individuals.name,
        sex: individuals.sex,
        ageClass: individuals.ageClass,
        species: individuals.species,
        sexAge: individuals.sexAge,
        mergedInto: individuals.mergedInto,
      })
      .from(individuals)
      .all()
      .map((r) => [r.id, r]),
  );
  const resolve = (id: number | null): IndividualRef | null => {
    // Follow merge pointers to the surviving individual; the bound stops a corrupt cycle from looping forever.
    let current = id === null ? undefined : individualRows.get(id);
    for (let hops = 0; current?.mergedInto != null && hops < individualRows.size; hops++)
      current = individualRows.get(current.mergedInto);
    if (!current) return null;
    const { mergedInto: _merged, ...ref } = current;
    return ref;
  };

  const d = detections;
  // A sampled frame's detections are its clip's, with the frame's time.
  const imageId = sql<number>`coalesce(${i.clipId}, ${d.imageId})`;
  const boxes = db
    .select({ ...BOX_FIELDS, imageId, frameMs: i.frameMs })
    .from(d)
    .innerJoin(i, eq(i.id, d.imageId))
    .leftJoin(tracklets, eq(tracklets.id, d.trackletId))
    .where(countedBox)
    .orderBy(imageId, i.frameMs, desc(d.confidence), d.id)
    .all()
    .map(({ individualId, ...box }) => ({ ...box, individual: resolve(individualId) }));

  return { cameras: cameraRows, deployments: listDeployments(db), photos, detections: boxes };
}
