// The one place that keeps re-identification data right after individuals change (new tracklets, merge, split,
// corrections): derived columns (core/individuals refreshDerived), the index over the individual vectors, and the
// suggestions that involve them (pending ones are superseded, then recomputed for the individuals still active).
// core/individuals operations change membership only; every caller (edits, the track and match stages) passes the
// individuals they touched to individualsChanged, in the same transaction: the one entry point for upkeep.
import { and, eq, inArray, isNull, notInArray, or } from 'drizzle-orm';
import { anyOfPlaceholder, idsParam } from '../db/idList';
import { preparedOnce } from '../db/prepared';
import type { Db } from '../db/open';
import { individuals, suggestions } from '../db/schema';
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

const IDS = anyOfPlaceholder('ids');

// Prepared once per connection: every edit and every new individual of the match stage runs these.
const otherSidesStatement = preparedOnce((db) =>
  db
    .selectDistinct({ id: suggestions.individualId })
    .from(suggestions)
    .innerJoin(individuals, and(eq(individuals.id, suggestions.individualId), isNull(individuals.mergedInto)))
    .where(
      and(
        eq(suggestions.state, 'pending'),
        inArray(suggestions.candidateId, IDS),
        notInArray(suggestions.individualId, IDS),
      ),
    )
    .prepare(),
);

const supersedeStatement = preparedOnce((db) =>
  db
    .update(suggestions)
    .set({ state: 'superseded' })
    .where(
      and(
        eq(suggestions.state, 'pending'),
        or(inArray(suggestions.individualId, IDS), inArray(suggestions.candidateId, IDS)),
      ),
    )
    .prepare(),
);

const activeStatement = preparedOnce((db) =>
  db
    .select({ id: individuals.id })
    .from(individuals)
    .where(and(inArray(individuals.id, IDS), isNull(individuals.mergedInto)))
    .orderBy(individuals.id)
    .prepare(),
);

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
  const bound = { ids: idsParam(list) };
  // Live individuals outside the list with a pending suggestion about one of them: their queue entry goes stale too.
  const others = otherSidesStatement(db)
    .all(bound)
    .map((r) => r.id);
  supersedeStatement(db).run(bound);
  const active = activeStatement(db)
    .all(bound)
    .map((r) => r.id);
  return [...active, ...others].flatMap((id) => suggestFor(db, embedder, id, options));
}
