// A tracklet's embedding: the mean of its usable detections' normalised vectors, renormalised. Recomputed whenever its
// detections change (a split, a correction, a re-detected box that took over an old box's place).
import type { Db } from '../db/open';
import { encodeVector, meanOfNormalised } from '../individuals/embedding';
import { getDetectionEmbeddings } from '../db/vectorIndex';

/** A tracklet whose detections have no vector yet keeps what it had (a split copies the source's). */
export function refreshTrackletEmbeddings(db: Db, embedder: string, trackletIds: Iterable<number>): void {
  const members = db.$client.prepare(
    'SELECT id FROM detections WHERE tracklet_id = ? AND NOT duplicate AND NOT false_positive ORDER BY id',
  );
  const write = db.$client.prepare('UPDATE tracklets SET embedding = ? WHERE id = ?');
  for (const t of new Set(trackletIds)) {
    const ids = (members.all(t) as { id: number }[]).map((r) => r.id);
    const vectors = getDetectionEmbeddings(db, embedder, ids);
    const mean = meanOfNormalised(ids.flatMap((id) => vectors.get(id) ?? []));
    if (mean) write.run(encodeVector(mean), t);
  }
}
