// What follows an edit that changed who belongs to whom: tracklet embeddings recomputed from their detections'
// vectors, then the re-identification upkeep (derived columns, vectors in sqlite-vec, pending suggestions superseded
// and recomputed) through core/reid's individualsChanged, all inside the edit so the journal captures it.
import type { Db } from '../db/open';
import { encodeVector, meanOfNormalised } from '../individuals/embedding';
import { IDS, idList } from '../individuals/members';
import { getSetting } from '../library/settings';
import { individualsChanged } from '../reid/maintain';
import { getDetectionEmbeddings } from '../reid/vectorIndex';

/** The tracklets these detections are in now. */
export function trackletsOf(db: Db, detectionIds: readonly number[]): number[] {
  return (
    db.$client.prepare(`SELECT DISTINCT tracklet_id AS t FROM detections WHERE id IN ${IDS} AND tracklet_id IS NOT NULL`).all(idList(detectionIds)) as {
      t: number;
    }[]
  ).map((r) => r.t);
}

/**
 * Recomputes tracklet embeddings as the tracking stage does (mean of the usable detections' vectors). A tracklet
 * whose detections have no vector yet keeps what it had (a split copies the source's).
 */
export function refreshTrackletEmbeddings(db: Db, trackletIds: readonly number[]): void {
  const embedder = getSetting(db, 'embedder');
  const members = db.$client.prepare('SELECT id FROM detections WHERE tracklet_id = ? AND NOT duplicate AND NOT false_positive ORDER BY id');
  const write = db.$client.prepare('UPDATE tracklets SET embedding = ? WHERE id = ?');
  for (const t of new Set(trackletIds)) {
    const ids = (members.all(t) as { id: number }[]).map((r) => r.id);
    const vectors = getDetectionEmbeddings(db, embedder, ids);
    const mean = meanOfNormalised(ids.flatMap((id) => vectors.get(id) ?? []));
    if (mean) write.run(encodeVector(mean), t);
  }
}

/** Re-identification upkeep for individuals whose members or traits changed. */
export function membersChanged(db: Db, individualIds: Iterable<number>): void {
  individualsChanged(db, getSetting(db, 'embedder'), individualIds);
}
