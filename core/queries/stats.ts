// Library totals: the one place that counts, for the CLI, the dashboard and the tests.
import type { Db } from '../db/open';

export interface LibraryStats {
  images: { total: number; done: number; failed: number; pending: number; empty: number };
  cameras: number;
  videosSkipped: number;
}

export function libraryStats(db: Db): LibraryStats {
  const c = db.$client;
  const img = c
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(state = 'done'), 0) AS done,
              coalesce(sum(state = 'failed'), 0) AS failed,
              coalesce(sum(state NOT IN ('done','failed')), 0) AS pending,
              coalesce(sum(state = 'done' AND NOT EXISTS (
                SELECT 1 FROM detections d WHERE d.image_id = images.id AND NOT d.duplicate AND NOT d.false_positive)), 0) AS empty
       FROM images`,
    )
    .get() as LibraryStats['images'];
  const cameras = (c.prepare('SELECT count(*) AS n FROM cameras').get() as { n: number }).n;
  const videosSkipped = (c.prepare('SELECT count(DISTINCT source_path) AS n FROM skipped_files').get() as { n: number }).n;
  return { images: img, cameras, videosSkipped };
}
