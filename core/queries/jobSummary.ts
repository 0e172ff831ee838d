// What a job added to the library, counted from the database (not from the worker's tallies, which restart with
// the worker): every import row the job created has an id >= the first id it could have taken.
import type { Db } from '../db/open';

export interface ImportedCounts {
  importIds: number[];
  imported: number;
  /** Of the imported photos, those past detection. */
  processed: number;
  failed: number;
  videos: number;
}

export function nextImportId(db: Db): number {
  return (db.$client.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM imports').get() as { id: number }).id;
}

export function importedSince(db: Db, firstImportId: number): ImportedCounts {
  const c = db.$client;
  const ids = (
    c.prepare('SELECT id FROM imports WHERE id >= ? ORDER BY id').all(firstImportId) as { id: number }[]
  ).map((r) => r.id);
  const rows = c
    .prepare(
      `SELECT coalesce(sum(state != 'failed'), 0) AS imported, coalesce(sum(state = 'failed'), 0) AS failed,
              coalesce(sum(state IN ('detected', 'embedded', 'done')), 0) AS processed
       FROM images WHERE import_id >= ?`,
    )
    .get(firstImportId) as { imported: number; failed: number; processed: number };
  // Clips are imported like photos (and counted among them too).
  const videos = (
    c
      .prepare("SELECT count(*) AS n FROM images WHERE import_id >= ? AND media_type = 'clip' AND state != 'failed'")
      .get(firstImportId) as { n: number }
  ).n;
  return { importIds: ids, ...rows, videos };
}

/** Of the given photos (those a processing job handled, across its workers), how many are past detection or failed. */
export function processedAmong(db: Db, imageIds: readonly number[]): { processed: number; failed: number } {
  return db.$client
    .prepare(
      `SELECT coalesce(sum(state IN ('detected', 'embedded', 'done')), 0) AS processed,
              coalesce(sum(state = 'failed'), 0) AS failed
       FROM images WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .get(JSON.stringify(imageIds)) as { processed: number; failed: number };
}
