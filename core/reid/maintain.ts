// The one place that keeps re-identification data right after individuals change (new tracklets, merge, split,
// corrections): derived columns (core/individuals refreshDerived), the individual vectors in sqlite-vec, and the
// suggestions that involve them (pending ones are superseded, then recomputed for the individuals still active).
// Merge/split/assign edits call individualsChanged with every individual they touched, in their transaction.
import type { Db } from '../db/open';
import { decodeVector } from '../individuals/embedding';
import { refreshDerived } from '../individuals/derived';
import { DEFAULT_SUGGEST_OPTIONS, suggestFor, type SuggestOptions } from './suggest';
import { deleteIndividualEmbedding, ensureVectorTables, putIndividualEmbedding } from './vectorIndex';

interface IndividualVectorRow {
  id: number;
  category: string;
  mergedInto: number | null;
  embedding: Buffer | null;
}

/** Mirrors individuals.embedding into the embedder's vec0 table (merged, deleted or vector-less ones leave it). */
export function syncIndividualVectors(db: Db, embedder: string, ids: Iterable<number>): void {
  const read = db.$client.prepare('SELECT id, category, merged_into AS mergedInto, embedding FROM individuals WHERE id = ?');
  for (const id of new Set(ids)) {
    const row = read.get(id) as IndividualVectorRow | undefined;
    if (!row || row.mergedInto !== null || !row.embedding) {
      deleteIndividualEmbedding(db, embedder, id);
      continue;
    }
    const v = decodeVector(row.embedding);
    ensureVectorTables(db, embedder, v.length);
    putIndividualEmbedding(db, embedder, id, row.category, v);
  }
}

/** Returns the ids of the suggestions created. */
export function individualsChanged(db: Db, embedder: string, ids: Iterable<number>, options: SuggestOptions = DEFAULT_SUGGEST_OPTIONS): number[] {
  const list = [...new Set(ids)].sort((a, b) => a - b);
  if (list.length === 0) return [];
  refreshDerived(db, list);
  syncIndividualVectors(db, embedder, list);
  const sql = list.join(',');
  db.$client
    .prepare(`UPDATE suggestions SET state = 'superseded' WHERE state = 'pending' AND (individual_id IN (${sql}) OR candidate_id IN (${sql}))`)
    .run();
  const active = (db.$client.prepare(`SELECT id FROM individuals WHERE id IN (${sql}) AND merged_into IS NULL ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
  return active.flatMap((id) => suggestFor(db, embedder, id, options));
}
