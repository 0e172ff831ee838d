// A tracklet's embedding: the mean of its usable detections' normalised vectors, renormalised. Recomputed whenever its
// detections change (a split, a correction, a re-detected box that took over an old box's place).
import { eq } from 'drizzle-orm';
import { countedDetectionIdsOfTracklet } from '../db/detections';
import type { Db } from '../db/open';
import { tracklets } from '../db/schema';
import { encodeVector, meanOfNormalised } from '../individuals/embedding';
import { getDetectionEmbeddings } from '../db/vectorIndex';

/** A tracklet whose detections have no vector yet keeps what it had (a split copies the source's). */
export function refreshTrackletEmbeddings(db: Db, embedder: string, trackletIds: Iterable<number>): void {
  for (const t of new Set(trackletIds)) {
    const ids = countedDetectionIdsOfTracklet(db, t);
    const vectors = getDetectionEmbeddings(db, embedder, ids);
    const mean = meanOfNormalised(ids.flatMap((id) => vectors.get(id) ?? []));
    if (mean)
      db.update(tracklets)
        .set({ embedding: encodeVector(mean) })
        .where(eq(tracklets.id, t))
        .run();
  }
}
