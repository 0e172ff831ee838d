// Individuals and tracklets left without members are deleted, so empty profiles never pile up. An individual that
// others were merged into stays (their pointer must keep resolving); it simply shows no detections. So does, when
// the pipeline (not a person) empties it, one that carries a person's decisions (decided.ts).
import { and, eq, exists, inArray, isNull, not, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { anyOf, anyOfPlaceholder, idsParam } from '../db/idList';
import { preparedOnce } from '../db/prepared';
import type { Db } from '../db/open';
import { detections, individuals, suggestions, tracklets } from '../db/schema';
import { DECIDED_SQL } from './decided';

const IDS = anyOfPlaceholder('ids');

// Prepared once per connection: every membership change prunes.
const pruneTrackletsStatement = preparedOnce((db) =>
  db
    .delete(tracklets)
    .where(
      and(
        inArray(tracklets.id, IDS),
        not(
          exists(
            db
              .select({ one: sql`1` })
              .from(detections)
              .where(eq(detections.trackletId, tracklets.id)),
          ),
        ),
      ),
    )
    .prepare(),
);

/** Deletes those of these tracklets that have no detections left. */
export function pruneEmptyTracklets(db: Db, trackletIds: readonly number[]): void {
  pruneTrackletsStatement(db).run({ ids: idsParam(trackletIds) });
}

/** Of the ids, individuals with no tracklet that are not merged and no merge target (and, when asked, not decided). */
function emptyIndividuals(db: Db, undecidedOnly: boolean) {
  const merged = alias(individuals, 'm');
  return db
    .select({ id: individuals.id })
    .from(individuals)
    .where(
      and(
        inArray(individuals.id, IDS),
        isNull(individuals.mergedInto),
        undecidedOnly ? not(sql.raw(DECIDED_SQL)) : undefined,
        not(
          exists(
            db
              .select({ one: sql`1` })
              .from(tracklets)
              .where(eq(tracklets.individualId, individuals.id)),
          ),
        ),
        not(
          exists(
            db
              .select({ one: sql`1` })
              .from(merged)
              .where(eq(merged.mergedInto, individuals.id)),
          ),
        ),
      ),
    )
    .prepare();
}

const emptyStatement = preparedOnce((db) => emptyIndividuals(db, false));
const emptyUndecidedStatement = preparedOnce((db) => emptyIndividuals(db, true));

export interface PruneOptions {
  /** The pipeline's pruning: individuals in this set, or decided ones (DECIDED_SQL), stay even when empty. */
  keep?: ReadonlySet<number>;
}

/** Deletes those of these individuals that have no tracklet, are not merged and are no merge target; returns them. */
export function pruneEmptyIndividuals(db: Db, individualIds: readonly number[], options: PruneOptions = {}): number[] {
  const empty = (options.keep ? emptyUndecidedStatement : emptyStatement)(db)
    .all({ ids: idsParam(individualIds) })
    .map((r) => r.id)
    .filter((id) => !options.keep?.has(id));
  if (empty.length === 0) return empty;
  // A pending "same deer?" about an individual that no longer exists can never be decided.
  db.update(suggestions)
    .set({ state: 'superseded' })
    .where(
      and(
        eq(suggestions.state, 'pending'),
        or(inArray(suggestions.individualId, anyOf(empty)), inArray(suggestions.candidateId, anyOf(empty))),
      ),
    )
    .run();
  db.delete(individuals)
    .where(inArray(individuals.id, anyOf(empty)))
    .run();
  return empty;
}
