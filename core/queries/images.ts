// Photo listings.
import { eq, ne } from 'drizzle-orm';
import type { Db } from '../db/open';
import { cameras, images } from '../db/schema';

export interface ImageRecord {
  id: number;
  sha256: string | null;
  fileName: string;
  path: string | null;
  sourcePath: string;
  camera: string | null;
  takenAt: string | null;
  takenAtSource: string | null;
  timeNote: string | null;
  width: number | null;
  height: number | null;
  state: string;
  error: string | null;
  mediaType: string;
}

export function listAllImages(db: Db): ImageRecord[] {
  return db
    .select({
      id: images.id,
      sha256: images.sha256,
      fileName: images.fileName,
      path: images.path,
      sourcePath: images.sourcePath,
      camera: cameras.name,
      takenAt: images.takenAt,
      takenAtSource: images.takenAtSource,
      timeNote: images.timeNote,
      width: images.width,
      height: images.height,
      state: images.state,
      error: images.error,
      mediaType: images.mediaType,
    })
    .from(images)
    .leftJoin(cameras, eq(cameras.id, images.cameraId))
    .where(ne(images.mediaType, 'frame'))
    .orderBy(images.id)
    .all();
}
