// Everything about an individual that follows from its members is computed here and only here: the detection
// count, first and last seen, the cover (kept while it is still a member) and the embedding. Members are the
// detections of its tracklets that are not marked false.
import type { Db } from '../db/open';
import { decodeVector, encodeVector, meanOfNormalised } from './embedding';

const MEMBERS = `FROM detections d JOIN tracklets t ON t.id = d.tracklet_id JOIN images i ON i.id = d.image_id
                 WHERE t.individual_id = @id AND NOT d.false_positive`;

interface Stats {
  n: number;
  first: string | null;
  last: string | null;
}

function stats(db: Db, id: number): Stats {
  return db.$client
    .prepare(`SELECT count(*) AS n, min(i.taken_at) AS first, max(i.taken_at) AS last ${MEMBERS}`)
    .get({ id }) as Stats;
}

function cover(db: Db, id: number, current: number | null): number | null {
  if (current !== null) {
    const still = db.$client.prepare(`SELECT 1 ${MEMBERS} AND d.id = @cover`).get({ id, cover: current });
    if (still) return current;
  }
  // The most confident box is the most likely to show the animal well.
  const best = db.$client.prepare(`SELECT d.id ${MEMBERS} ORDER BY d.confidence DESC, d.id LIMIT 1`).get({ id }) as
    { id: number } | undefined;
  return best?.id ?? null;
}

/** The individual's embedding: its tracklets' embeddings combined (tracklets without one are left out). */
export function individualEmbedding(db: Db, id: number): Float32Array | null {
  const rows = db.$client
    .prepare('SELECT embedding FROM tracklets WHERE individual_id = ? AND embedding IS NOT NULL ORDER BY id')
    .all(id) as { embedding: Buffer }[];
  return meanOfNormalised(rows.map((r) => decodeVector(r.embedding)));
}

/** Recomputes the derived columns of these individuals (ids that no longer exist are ignored). */
export function refreshDerived(db: Db, ids: Iterable<number>): void {
  const read = db.$client.prepare('SELECT cover_detection_id AS cover FROM individuals WHERE id = ?');
  const write = db.$client.prepare(
    `UPDATE individuals SET detection_count = @n, first_seen = @first, last_seen = @last,
       cover_detection_id = @cover, embedding = @embedding WHERE id = @id`,
  );
  for (const id of new Set(ids)) {
    const row = read.get(id) as { cover: number | null } | undefined;
    if (!row) continue;
    const s = stats(db, id);
    const embedding = individualEmbedding(db, id);
    write.run({ id, ...s, cover: cover(db, id, row.cover), embedding: embedding ? encodeVector(embedding) : null });
  }
}
