// Where a camera stands, from the GPS its photos carry (some cellular and newer cameras write it; most trail cameras
// do not). A few photos per camera are read: a camera does not move between triggers, and a full scan of a card
// would read every file again.
import { and, eq, isNotNull } from 'drizzle-orm';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { ApiError } from '../contract/errors';
import { images } from '../db/schema';
import type { Library } from '../library/library';
import { photoAbsolutePath } from '../library/library';
import type { LatLon } from './coordinates';

const PHOTOS_TO_READ = 20;

type GpsInfo = NonNullable<ReturnType<typeof exifReader>['GPSInfo']>;

/** Decimal degrees from EXIF's degrees/minutes/seconds and its N/S or E/W reference; null when absent or impossible. */
export function gpsToLatLon(gps: GpsInfo | undefined): LatLon | null {
  const dms = (v: number[] | undefined) => (v && v.length === 3 ? v[0]! + v[1]! / 60 + v[2]! / 3600 : null);
  const lat = dms(gps?.GPSLatitude);
  const lon = dms(gps?.GPSLongitude);
  if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const latitude = gps?.GPSLatitudeRef === 'S' ? -lat : lat;
  const longitude = gps?.GPSLongitudeRef === 'W' ? -lon : lon;
  // Cameras without a fix write zeros: "0,0" is in the Gulf of Guinea, not where the camera is.
  if (latitude === 0 && longitude === 0) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}

async function photoGps(file: string): Promise<LatLon | null> {
  try {
    const { exif } = await sharp(file).metadata();
    return exif ? gpsToLatLon(exifReader(exif).GPSInfo) : null;
  } catch {
    return null; // an unreadable photo says nothing about where the camera is
  }
}

/** The GPS position of the first of a camera's photos that has one. */
export async function cameraGps(library: Library, cameraId: number, cameraName: string): Promise<LatLon> {
  const photos = library.db
    .select({ path: images.path, inPlace: images.inPlace })
    .from(images)
    .where(and(eq(images.cameraId, cameraId), isNotNull(images.path)))
    .orderBy(images.takenAt)
    .limit(PHOTOS_TO_READ)
    .all();
  for (const p of photos) {
    const file = photoAbsolutePath(library, p);
    const where = file ? await photoGps(file) : null;
    if (where) return where;
  }
  throw new ApiError(
    'not_found',
    `none of the first ${photos.length} photos of camera "${cameraName}" carries a GPS position: type the coordinates or pick them on the map`,
  );
}
