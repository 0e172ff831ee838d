// Before a library's photos are re-embedded with another embedder: vectors made by the previous one must not meet the
// new ones. Tracklets of photos still embedded by another embedder lose their (old) embedding, their individuals'
// embeddings are recomputed from what is left, and the new embedder's individual index is brought in line, so while
// sequences are re-tracked one at a time no mean or comparison ever combines vectors of two embedders. Resumable: a
// rerun finds only the photos not yet re-embedded, and tracklets already rebuilt keep their new embeddings.
import { and, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { inTransaction, type Db } from '../../core/db/open';
import { detections, images } from '../../core/db/schema';
import { refreshDerived } from '../../core/individuals';
import { allIndividualIds } from '../../core/db/individuals';
import { unindexOtherEmbedders } from '../../core/db/vectorIndex';
import { syncIndividualVectors } from '../../core/reid/maintain';

export function forgetStaleVectors(db: Db, embedderId: string): { tracklets: number; individuals: number } {
  return inTransaction(db, () => {
    const stale = db
      .selectDistinct({ id: detections.trackletId })
      .from(detections)
      .innerJoin(images, eq(images.id, detections.imageId))
      .where(
        and(
          isNotNull(detections.trackletId),
          inArray(images.state, ['embedded', 'done']),
          or(isNull(images.embedder), ne(images.embedder, embedderId)),
        ),
      )
      .all()
      .map((r) => r.id!);
    if (stale.length === 0) return { tracklets: 0, individuals: 0 };
    // Hot path: set-based updates over every stale tracklet of the library when the embedder changes.
    const c = db.$client;
    const list = JSON.stringify(stale);
    c.prepare('UPDATE tracklets SET embedding = NULL WHERE id IN (SELECT value FROM json_each(?))').run(list);
    const touched = (
      c
        .prepare(
          'SELECT DISTINCT individual_id AS id FROM tracklets WHERE individual_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))',
        )
        .all(list) as { id: number }[]
    ).map((r) => r.id);
    refreshDerived(db, touched);
    // Every individual: the new embedder's index may hold rows from an earlier time this embedder was in use. An
    // individual's vector is stored once, so other embedders' indexes no longer describe it.
    syncIndividualVectors(db, embedderId, allIndividualIds(db));
    unindexOtherEmbedders(db, embedderId);
    return { tracklets: stale.length, individuals: touched.length };
  });
}
