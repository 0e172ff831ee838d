// Camtrap DP 1.0.2 (https://camtrap-dp.tdwg.org): datapackage.json plus deployments.csv (one per camera), media.csv
// (one per photo with a known time) and observations.csv (see camtrapObservations.ts). A Camtrap DP deployment is one
// camera at one place: a camera's first placement, then one per deployment recorded in the library (moved or
// re-aimed), each with the set-up fields the library holds. Camtrap DP timestamps carry a zone, so every camera needs
// its UTC offset; it also needs coordinates. A camera lacking either stops the export with a message naming it,
// unless the caller gives a value for cameras without one. Individuals are exported by their id, which never changes
// (a rename would otherwise change every individualID); their names go in observationComments.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEER } from '../contract';
import type { Library } from '../library/library';
import { getSetting } from '../library/settings';
import { DEER_SCIENTIFIC_NAMES } from './deerSpecies';
import { photoAbsolutePath } from '../library/library';
import { PACKAGE_ROOT } from '../paths';
import {
  eventObservations,
  mediaObservations,
  OBSERVATION_COLUMNS,
  type ObservationContext,
  type ObservationRow,
} from './camtrapObservations';
import { toCsv } from './csvText';
import {
  groupBy,
  loadLibraryRows,
  type CameraRow,
  type DeploymentRow,
  type LibraryRows,
  type PhotoRow,
} from './libraryRows';
import { isUtcOffset, UTC_OFFSET_HINT, zonedTime } from '../contract/utcOffset';
import { addMillis } from '../photos/video/clipTime';
import type { ExportProgressCallback } from './progress';

export const CAMTRAP_DP_VERSION = '1.0.2';
const SCHEMA_BASE = `https://raw.githubusercontent.com/tdwg/camtrap-dp/${CAMTRAP_DP_VERSION}`;

export const DEPLOYMENT_COLUMNS = [
  'deploymentID',
  'locationID',
  'locationName',
  'latitude',
  'longitude',
  'coordinateUncertainty',
  'deploymentStart',
  'deploymentEnd',
  'setupBy',
  'cameraID',
  'cameraModel',
  'cameraDelay',
  'cameraHeight',
  'cameraDepth',
  'cameraTilt',
  'cameraHeading',
  'detectionDistance',
  'timestampIssues',
  'baitUse',
  'featureType',
  'habitat',
  'deploymentGroups',
  'deploymentTags',
  'deploymentComments',
] as const;

export const MEDIA_COLUMNS = [
  'mediaID',
  'deploymentID',
  'captureMethod',
  'timestamp',
  'filePath',
  'filePublic',
  'fileName',
  'fileMediatype',
  'exifData',
  'favorite',
  'mediaComments',
] as const;

type Row<C extends readonly string[]> = Partial<Record<C[number], string | number | boolean>>;

export interface CamtrapOptions {
  /** UTC offset ("+01:00") for cameras that have none. */
  utcOffset?: string;
  /** "latitude,longitude" for cameras whose location holds no coordinates. */
  coordinates?: string;
  /** scientificName of animal observations (e.g. "Cervus elaphus"); left empty when not given. */
  species?: string;
  title?: string;
  /** Name of the person publishing the package (Camtrap DP requires one contributor). */
  contributor?: string;
  /** Creation time written in the package (tests pass a fixed one). */
  now?: Date;
  onProgress?: ExportProgressCallback;
}

export interface CamtrapPackage {
  datapackage: Record<string, unknown>;
  deployments: Row<typeof DEPLOYMENT_COLUMNS>[];
  media: Row<typeof MEDIA_COLUMNS>[];
  observations: ObservationRow[];
  /** Photos left out, with the reason (no capture time, no file, no camera). */
  skipped: { file: string; reason: string }[];
}

export class CamtrapExportError extends Error {}

type LatLon = { latitude: number; longitude: number };

/** The --coordinates value: "latitude,longitude" in decimal degrees, in range. */
function optionCoordinates(text: string | undefined): LatLon | null {
  if (text === undefined) return null;
  const m = /^\s*([-+]?\d+(?:\.\d+)?)\s*[,;\s]\s*([-+]?\d+(?:\.\d+)?)\s*$/.exec(text);
  const latitude = Number(m?.[1]);
  const longitude = Number(m?.[2]);
  if (!m || Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
    throw new CamtrapExportError(`coordinates must be "latitude,longitude" in degrees, not "${text}"`);
  return { latitude, longitude };
}

function checkOptions(options: CamtrapOptions): void {
  if (options.utcOffset !== undefined && !isUtcOffset(options.utcOffset)) {
    throw new CamtrapExportError(`${UTC_OFFSET_HINT}, not "${options.utcOffset}"`);
  }
  optionCoordinates(options.coordinates);
}

interface Deployment extends LatLon {
  camera: CameraRow;
  /** The library's deployment; null for the camera's first placement (the camera's own coordinates). */
  placement: DeploymentRow | null;
  id: string;
  utcOffset: string;
  photos: PhotoRow[];
}

const coordinatesOf = (row: { latitude: number | null; longitude: number | null }): LatLon | null =>
  row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null;

/** A camera's photos (in time order) by placement: before its first deployment, then from each deployment's start. */
function placementsOf(camera: CameraRow, rows: LibraryRows, photos: PhotoRow[]) {
  const own = rows.deployments.filter((d) => d.cameraId === camera.id);
  const periods: { placement: DeploymentRow | null; photos: PhotoRow[] }[] = [
    { placement: null, photos: [] },
    ...own.map((placement) => ({ placement, photos: [] as PhotoRow[] })),
  ];
  for (const p of photos) {
    let i = 0;
    while (i < own.length && own[i]!.start <= p.takenAt!) i++;
    periods[i]!.photos.push(p);
  }
  return periods.filter((period) => period.photos.length > 0);
}

/** One deployment per camera placement with exportable photos; every missing offset or location is reported at once. */
function deploymentsOf(rows: LibraryRows, photos: PhotoRow[], options: CamtrapOptions): Deployment[] {
  const problems: string[] = [];
  const deployments: Deployment[] = [];
  const fallback = optionCoordinates(options.coordinates);
  for (const [cameraId, list] of groupBy(photos, (p) => p.cameraId!)) {
    const camera = rows.cameras.find((c) => c.id === cameraId)!;
    const utcOffset = camera.utcOffset ?? options.utcOffset;
    if (!utcOffset) problems.push(`camera "${camera.name}" has no UTC offset`);
    for (const { placement, photos: periodPhotos } of placementsOf(camera, rows, list)) {
      const where = (placement && coordinatesOf(placement)) ?? coordinatesOf(camera) ?? fallback;
      if (!where)
        problems.push(
          `camera "${camera.name}" has no coordinates${placement ? ` (deployment from ${placement.start})` : ''}`,
        );
      const id = placement ? `cam-${camera.id}-dep-${placement.id}` : `cam-${camera.id}`;
      if (utcOffset && where) deployments.push({ camera, placement, id, utcOffset, ...where, photos: periodPhotos });
    }
  }
  if (problems.length > 0) {
    throw new CamtrapExportError(
      `Camtrap DP needs a UTC offset and coordinates for every camera: ${problems.join('; ')}. ` +
        'Set them on the cameras, or give --utc-offset +HH:MM and --coordinates LAT,LON for cameras without them.',
    );
  }
  return deployments;
}

function exportablePhotos(rows: LibraryRows): { photos: PhotoRow[]; skipped: CamtrapPackage['skipped'] } {
  const photos: PhotoRow[] = [];
  const skipped: CamtrapPackage['skipped'] = [];
  for (const p of rows.photos) {
    const reason =
      p.path === null
        ? `no file kept${p.error ? ` (${p.error})` : ''}`
        : p.takenAt === null
          ? 'capture time unknown'
          : p.cameraId === null
            ? 'camera unknown'
            : null;
    if (reason) skipped.push({ file: p.fileName, reason });
    else photos.push(p);
  }
  return { photos, skipped };
}

const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.avi': 'video/x-msvideo',
};

function spatial(deployments: Deployment[]): Record<string, unknown> {
  const points = [...new Set(deployments.map((d) => `${d.longitude},${d.latitude}`))].map((s) =>
    s.split(',').map(Number),
  );
  return points.length === 1 ? { type: 'Point', coordinates: points[0] } : { type: 'MultiPoint', coordinates: points };
}

const packageVersion = async () =>
  (JSON.parse(await fs.readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Builds the whole package in memory from the library's rows (pure apart from the random package id). */
export function buildCamtrapDp(
  library: Pick<Library, 'root'>,
  rows: LibraryRows,
  options: CamtrapOptions,
  thumperVersion: string,
): CamtrapPackage {
  checkOptions(options);
  const { photos, skipped } = exportablePhotos(rows);
  if (photos.length === 0)
    throw new CamtrapExportError('nothing to export: the library has no photo with a known camera and time');
  const deployments = deploymentsOf(rows, photos, options);
  const deploymentOf = new Map(deployments.flatMap((d) => d.photos.map((p) => [p.id, d] as const)));
  const detectionsOf = groupBy(rows.detections, (d) => d.imageId);
  const deerName = options.species ?? null;
  const ctx: ObservationContext = {
    deploymentId: (p) => deploymentOf.get(p.id)!.id,
    mediaId: (p) => `img-${p.id}`,
    timestamp: (p) => zonedTime(p.takenAt!, deploymentOf.get(p.id)!.utcOffset),
    endTimestamp: (p) => zonedTime(addMillis(p.takenAt, p.durationMs ?? 0)!, deploymentOf.get(p.id)!.utcOffset),
    individualId: (i) => `ind-${i.id}`,
    species: deerName,
  };
  const detections = (p: PhotoRow) => detectionsOf.get(p.id) ?? [];

  const deploymentRows = deployments.map((d) => ({
    deploymentID: d.id,
    locationID: d.placement ? `${d.camera.key}@${d.placement.start}` : d.camera.key,
    locationName: d.placement?.locationName ?? d.camera.location ?? d.camera.name,
    latitude: d.latitude,
    longitude: d.longitude,
    // A recorded deployment starts when the camera was set up, which may be before its first photo.
    deploymentStart: zonedTime(d.placement?.start ?? d.photos[0]!.takenAt!, d.utcOffset),
    deploymentEnd: ctx.timestamp(d.photos.at(-1)!),
    cameraID: d.camera.serial ?? d.camera.key,
    cameraModel: [d.camera.make, d.camera.model].filter(Boolean).join('-') || undefined,
    cameraHeight: d.placement?.cameraHeight ?? undefined,
    cameraTilt: d.placement?.cameraTilt ?? undefined,
    cameraHeading: d.placement?.cameraHeading ?? undefined,
    baitUse: d.placement?.baitUse ?? undefined,
    featureType: d.placement?.featureType ?? undefined,
    habitat: d.placement?.habitat ?? undefined,
    deploymentComments: d.placement?.comments || undefined,
  }));
  const media = photos.map((p) => ({
    mediaID: ctx.mediaId(p),
    deploymentID: ctx.deploymentId(p),
    captureMethod: 'activityDetection',
    timestamp: ctx.timestamp(p),
    filePath: pathToFileURL(photoAbsolutePath(library, p)!).href,
    filePublic: false,
    fileName: p.fileName,
    fileMediatype: MEDIA_TYPES[path.extname(p.fileName).toLowerCase()] ?? 'image/jpeg',
  }));
  const sequences = groupBy(
    photos.filter((p) => p.sequenceId !== null),
    (p) => p.sequenceId!,
  );
  const observations = [
    // Boxes are media-level for photos; a clip's boxes (its sampled frames') count at event level only.
    ...photos.filter((p) => p.mediaType === 'photo').flatMap((p) => mediaObservations(p, detections(p), ctx)),
    ...[...sequences].flatMap(([id, list]) => eventObservations(id, list, detections, ctx)),
  ];

  const dates = deploymentRows
    .flatMap((d) => [d.deploymentStart, d.deploymentEnd])
    .map((t) => t.slice(0, 10))
    .sort();
  const others = [
    ...new Set(
      rows.detections.flatMap((d) => (d.individual && d.individual.species !== DEER ? [d.individual.species] : [])),
    ),
  ].sort();
  const species = [...(deerName ? [deerName] : []), ...others].map((scientificName) => ({ scientificName }));
  const title = options.title ?? `Thumper library ${path.basename(library.root)}`;
  const datapackage = {
    resources: (['deployments', 'media', 'observations'] as const).map((name) => ({
      name,
      path: `${name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: `${SCHEMA_BASE}/${name}-table-schema.json`,
    })),
    profile: `${SCHEMA_BASE}/camtrap-dp-profile.json`,
    name:
      title
        .toLowerCase()
        .replace(/[^-a-z0-9._]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'thumper-export',
    id: randomUUID(),
    created: (options.now ?? new Date()).toISOString(),
    title,
    contributors: [{ title: options.contributor ?? 'Thumper user', role: 'contact' }],
    sources: [{ title: 'Thumper', version: thumperVersion }],
    project: {
      title,
      samplingDesign: 'opportunistic',
      captureMethod: ['activityDetection'],
      individualAnimals: rows.detections.some((d) => d.individual),
      observationLevel: sequences.size > 0 ? ['media', 'event'] : ['media'],
    },
    spatial: spatial(deployments),
    temporal: { start: dates[0], end: dates.at(-1) },
    taxonomic: species,
  };
  return { datapackage, deployments: deploymentRows, media, observations, skipped };
}

export interface CamtrapSummary {
  dir: string;
  deployments: number;
  media: number;
  observations: number;
  skipped: CamtrapPackage['skipped'];
}

/** Writes the package into `outDir` (created when missing); existing package files there are replaced. */
export async function exportCamtrapDp(
  library: Library,
  outDir: string,
  options: CamtrapOptions = {},
): Promise<CamtrapSummary> {
  const progress = options.onProgress ?? (() => {});
  progress({ step: 'read', done: 0, total: 1 });
  // Deer are named as the user asked for this export, else by the library's deer species (deerSpecies.ts).
  const species = options.species ?? DEER_SCIENTIFIC_NAMES[getSetting(library.db, 'deerSpecies')];
  const pkg = buildCamtrapDp(library, loadLibraryRows(library.db), { ...options, species }, await packageVersion());
  progress({ step: 'read', done: 1, total: 1 });
  await fs.mkdir(outDir, { recursive: true });
  const files: [string, string][] = [
    ['deployments.csv', toCsv(DEPLOYMENT_COLUMNS, pkg.deployments)],
    ['media.csv', toCsv(MEDIA_COLUMNS, pkg.media)],
    ['observations.csv', toCsv(OBSERVATION_COLUMNS, pkg.observations)],
    ['datapackage.json', `${JSON.stringify(pkg.datapackage, null, 2)}\n`],
  ];
  for (const [i, [name, text]] of files.entries()) {
    await fs.writeFile(path.join(outDir, name), text);
    progress({ step: 'write', done: i + 1, total: files.length });
  }
  return {
    dir: path.resolve(outDir),
    deployments: pkg.deployments.length,
    media: pkg.media.length,
    observations: pkg.observations.length,
    skipped: pkg.skipped,
  };
}
