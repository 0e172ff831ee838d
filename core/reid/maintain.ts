// The one place that keeps re-identification data right after individuals change (new tracklets, merge, split,
// corrections): derived columns (core/individuals refreshDerived), the index over the individual vectors, and the
// suggestions that involve them (pending ones are superseded, then recomputed for the individuals still active).
// core/individuals operations change membership only; every caller (edits, the track and match stages) passes the
// individuals they touched to individualsChanged, in the same transaction: the one entry point for upkeep.
import type { Db } from '../db/open';
import { decodeVector } from '../individuals/embedding';
import { refreshDerived } from '../individuals/derived';
import { DEFAULT_SUGGEST_OPTIONS, suggestFor, type SuggestOptions } from './suggest';
import { getIndividualVector } from '../db/individuals';
import { ensureVectorTables, indexIndividual, unindexIndividuals } from '../db/vectorIndex';

/** Indexes individuals.embedding in the embedder's sketches (merged, deleted or vector-less ones leave them). */
export function syncIndividualVectors(db: Db, embedder: string, ids: Iterable<number>): void {
  const dims = new Set<number>();
  for (const id of new Set(ids)) {
    const row = getIndividualVector(db, id);
    if (!row || row.mergedInto !== null || !row.embedding) {
      unindexIndividuals(db, embedder, [id]);
      continue;
    }
    const v = decodeVector(row.embedding);
    if (!dims.has(v.length)) ensureVectorTables(db, embedder, v.length);
    dims.add(v.length);
    indexIndividual(db, embedder, id, row.category, v);
  }
}

/** Live individuals outside `ids` with a pending suggestion about one of `ids`: their queue entry goes stale too. */
// Raw SQL here and below, a hot path of every edit and match: the id lists are inlined, of any length.
function otherSides(db: Db, ids: string): number[] {
  return (
    db.$client
      .prepare(
        `SELECT DISTINCT s.individual_id AS id FROM suggestions s JOIN individuals ind ON ind.id = s.individual_id AND ind.merged_into IS NULL
         WHERE s.state = 'pending' AND s.candidate_id IN (${ids}) AND s.individual_id NOT IN (${ids})`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
}

/**
 * THE upkeep after individuals changed (members, traits, merged, deleted): derived columns, the vector index,
 * and suggestions. Pending suggestions involving them are superseded, then recomputed for those still standing and
 * for the individuals whose pending suggestions pointed at them. Returns the ids of the suggestions created.
 */
export function individualsChanged(
  db: Db,
  embedder: string,
  ids: Iterable<number>,
  options: SuggestOptions = DEFAULT_SUGGEST_OPTIONS,
): number[] {
  const list = [...new Set(ids)].sort((a, b) => a - b);
  if (list.length === 0) return [];
  refreshDerived(db, list);
  syncIndividualVectors(db, embedder, list);
  const sql = list.join(',');
  const others = otherSides(db, sql);
  db.$client
    .prepare(
      `UPDATE suggestions SET state = 'superseded' WHERE state = 'pending' AND (individual_id IN (${sql}) OR candidate_id IN (${sql}))`,
    )
    .run();
  const active = (
    db.$client.prepare(`SELECT id FROM individuals WHERE id IN (${sql}) AND merged_into IS NULL ORDER BY id`).all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  return [...active, ...others].flatMap((id) => suggestFor(db, embedder, id, options));
}
