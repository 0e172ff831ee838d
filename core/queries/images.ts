// Photo listings.
import type { Db } from '../db/open';

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
  return db.$client
    .prepare(
      `SELECT i.id, i.sha256, i.file_name AS fileName, i.path, i.source_path AS sourcePath, c.name AS camera,
              i.taken_at AS takenAt, i.taken_at_source AS takenAtSource, i.time_note AS timeNote,
              i.width, i.height, i.state, i.error, i.media_type AS mediaType
       FROM images i LEFT JOIN cameras c ON c.id = i.camera_id
       WHERE i.media_type != 'frame'
       ORDER BY i.id`,
    )
    .all() as ImageRecord[];
}
