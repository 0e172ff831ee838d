// The suggestions repository: the one query for "the open suggestion between these two individuals".
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from './open';
import { suggestions, type SuggestionState } from './schema';

export type SuggestionPair = Pick<typeof suggestions.$inferSelect, 'id' | 'individualId' | 'candidateId' | 'state'>;

const PAIR_COLUMNS = {
  id: suggestions.id,
  individualId: suggestions.individualId,
  candidateId: suggestions.candidateId,
  state: suggestions.state,
};

export function getSuggestionPair(db: Db, id: number): SuggestionPair | undefined {
  return db.select(PAIR_COLUMNS).from(suggestions).where(eq(suggestions.id, id)).get();
}

/** The newest suggestion between two individuals, either way round, in one of `states`. */
export function suggestionBetween(
  db: Db,
  a: number,
  b: number,
  states: readonly SuggestionState[],
): SuggestionPair | undefined {
  return db
    .select(PAIR_COLUMNS)
    .from(suggestions)
    .where(
      and(
        inArray(suggestions.state, [...states]),
        or(
          and(eq(suggestions.individualId, a), eq(suggestions.candidateId, b)),
          and(eq(suggestions.individualId, b), eq(suggestions.candidateId, a)),
        ),
      ),
    )
    .orderBy(desc(suggestions.id))
    .get();
}
