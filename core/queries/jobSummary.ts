// What a job added to the library, counted from the database (not from the worker's tallies, which restart with
// the worker): every import row the job created has an id >= the first id it could have taken.
import { and, count, eq, gte, inArray, max, not } from 'drizzle-orm';
import { PROCESSED_IMAGE_STATES } from '../db/imageStates';
import { anyOf } from '../db/idList';
import type { Db } from '../db/open';
import { images, imports } from '../db/schema';
import { countWhere } from './sqlFilter';

export interface ImportedCounts {
  importIds: number[];
  imported: number;
  /** Of the imported photos, those past detection. */
  processed: number;
  failed: number;
  videos: number;
}

export function nextImportId(db: Db): number {
  return (
    (db
      .select({ last: max(imports.id) })
      .from(imports)
      .get()?.last ?? 0) + 1
  );
}

const failed = eq(images.state, 'failed');
const processed = inArray(images.state, PROCESSED_IMAGE_STATES);

export function importedSince(db: Db, firstImportId: number): ImportedCounts {
  const ids = db
    .select({ id: imports.id })
    .from(imports)
    .where(gte(imports.id, firstImportId))
    .orderBy(imports.id)
    .all()
    .map((r) => r.id);
  const ofJob = gte(images.importId, firstImportId);
  const counts = db
    .select({ imported: countWhere(not(failed)), failed: countWhere(failed), processed: countWhere(processed) })
    .from(images)
    .where(ofJob)
    .get()!;
  // Clips are imported like photos (and counted among them too).
  const videos = db
    .select({ n: count() })
    .from(images)
    .where(and(ofJob, eq(images.mediaType, 'clip'), not(failed)))
    .get()!.n;
  return { importIds: ids, ...counts, videos };
}

/** Of the given photos (those a processing job handled, across its workers), how many are past detection or failed. */
export function processedAmong(db: Db, imageIds: readonly number[]): { processed: number; failed: number } {
  return db
    .select({ processed: countWhere(processed), failed: countWhere(failed) })
    .from(images)
    .where(inArray(images.id, anyOf(imageIds)))
    .get()!;
}
