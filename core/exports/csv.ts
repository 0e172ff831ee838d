// Spreadsheet exports: sightings.csv (one row per detection of an identified individual: who, which photo, which
// camera, when in the camera's local time, where in the photo, how sure) and photos.csv (one row per photo with what
// was found in it). Times stay camera-local as written; boxes are normalised 0-1, top-left origin.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Library } from '../library/library';
import { toCsv } from './csvText';
import { groupBy, loadLibraryRows, type LibraryRows } from './libraryRows';
import type { ExportProgressCallback } from './progress';

export const SIGHTING_COLUMNS = [
  'individual',
  'individual_id',
  'photo',
  'photo_path',
  'camera',
  'local_time',
  'x',
  'y',
  'w',
  'h',
  'confidence',
  'category',
  'sex_age',
  'reviewed',
  'detection_id',
] as const;

export const PHOTO_COLUMNS = [
  'photo',
  'photo_path',
  'camera',
  'local_time',
  'state',
  'detector',
  'animals',
  'people',
  'vehicles',
  'individuals',
  'max_confidence',
  'sequence_id',
  'sha256',
  'note',
] as const;

type Rows<C extends readonly string[]> = Partial<Record<C[number], string | number | boolean | null>>[];

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export function sightingRows(rows: LibraryRows): Rows<typeof SIGHTING_COLUMNS> {
  const photos = new Map(rows.photos.map((p) => [p.id, p]));
  const cameras = new Map(rows.cameras.map((c) => [c.id, c.name]));
  return rows.detections
    .filter((d) => d.individual)
    .map((d) => {
      const p = photos.get(d.imageId)!;
      return {
        individual: d.individual!.name,
        individual_id: d.individual!.id,
        photo: p.fileName,
        photo_path: p.path,
        camera: p.cameraId === null ? null : (cameras.get(p.cameraId) ?? null),
        local_time: p.takenAt,
        x: round(d.x),
        y: round(d.y),
        w: round(d.w),
        h: round(d.h),
        confidence: round(d.confidence),
        category: d.category,
        sex_age: d.sexAge,
        reviewed: d.reviewed,
        detection_id: d.id,
      };
    })
    .sort(
      (a, b) =>
        a.individual.localeCompare(b.individual) ||
        a.individual_id - b.individual_id ||
        (a.local_time ?? '').localeCompare(b.local_time ?? ''),
    );
}

export function photoRows(rows: LibraryRows): Rows<typeof PHOTO_COLUMNS> {
  const cameras = new Map(rows.cameras.map((c) => [c.id, c.name]));
  const byPhoto = groupBy(rows.detections, (d) => d.imageId);
  return rows.photos.map((p) => {
    const found = byPhoto.get(p.id) ?? [];
    const count = (category: string) => found.filter((d) => d.category === category).length;
    return {
      photo: p.fileName,
      photo_path: p.path,
      camera: p.cameraId === null ? null : (cameras.get(p.cameraId) ?? null),
      local_time: p.takenAt,
      state: p.state,
      detector: p.detector,
      animals: count('animal'),
      people: count('person'),
      vehicles: count('vehicle'),
      individuals: [...new Set(found.flatMap((d) => (d.individual ? [d.individual.name] : [])))].join('; '),
      max_confidence: found.length > 0 ? round(Math.max(...found.map((d) => d.confidence))) : null,
      sequence_id: p.sequenceId,
      sha256: p.sha256,
      note: p.error,
    };
  });
}

export interface CsvExportSummary {
  sightingsFile: string;
  photosFile: string;
  sightings: number;
  photos: number;
}

/** Writes sightings.csv and photos.csv into `outDir` (created when missing). */
export async function exportCsv(
  library: Library,
  outDir: string,
  onProgress?: ExportProgressCallback,
): Promise<CsvExportSummary> {
  onProgress?.({ step: 'read', done: 0, total: 1 });
  const rows = loadLibraryRows(library.db);
  const sightings = sightingRows(rows);
  const photos = photoRows(rows);
  onProgress?.({ step: 'read', done: 1, total: 1 });
  await fs.mkdir(outDir, { recursive: true });
  const sightingsFile = path.join(outDir, 'sightings.csv');
  const photosFile = path.join(outDir, 'photos.csv');
  await fs.writeFile(sightingsFile, toCsv(SIGHTING_COLUMNS, sightings));
  onProgress?.({ step: 'write', done: 1, total: 2 });
  await fs.writeFile(photosFile, toCsv(PHOTO_COLUMNS, photos));
  onProgress?.({ step: 'write', done: 2, total: 2 });
  return { sightingsFile, photosFile, sightings: sightings.length, photos: photos.length };
}
