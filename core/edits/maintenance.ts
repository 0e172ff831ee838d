// What follows an edit that changed who belongs to whom: tracklet embeddings recomputed from their detections'
// vectors, then the re-identification upkeep (derived columns, vectors in sqlite-vec, pending suggestions superseded
// and recomputed) through core/reid's individualsChanged, all inside the edit so the journal captures it.
import { and, inArray, isNotNull } from 'drizzle-orm';
import { anyOfPlaceholder, idsParam } from '../db/idList';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { detections } from '../db/schema';
import { getSetting } from '../library/settings';
import { individualsChanged } from '../reid/maintain';
import { refreshTrackletEmbeddings as refreshEmbeddings } from '../reid/trackletEmbeddings';

// Prepared once per connection: every edit of a detection reads it before and after.
const trackletsStatement = preparedOnce((db) =>
  db
    .selectDistinct({ t: detections.trackletId })
    .from(detections)
    .where(and(inArray(detections.id, anyOfPlaceholder('ids')), isNotNull(detections.trackletId)))
    .prepare(),
);

/** The tracklets these detections are in now. */
export function trackletsOf(db: Db, detectionIds: readonly number[]): number[] {
  return trackletsStatement(db)
    .all({ ids: idsParam(detectionIds) })
    .flatMap((r) => (r.t === null ? [] : [r.t]));
}

/** Tracklet embeddings recomputed as the tracking stage makes them, for the library's embedder. */
export function refreshTrackletEmbeddings(db: Db, trackletIds: readonly number[]): void {
  refreshEmbeddings(db, getSetting(db, 'embedder'), trackletIds);
}

/** Re-identification upkeep for individuals whose members or traits changed. */
export function membersChanged(db: Db, individualIds: Iterable<number>): void {
  individualsChanged(db, getSetting(db, 'embedder'), individualIds);
}
