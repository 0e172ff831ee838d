// Individuals and tracklets left without members are deleted, so empty profiles never pile up. An individual that
// others were merged into stays (their pointer must keep resolving); it simply shows no detections. So does, when
// the pipeline (not a person) empties it, one that carries a person's decisions (decided.ts).
import { and, eq, exists, inArray, isNull, not, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { anyOf } from '../db/idList';
import type { Db } from '../db/open';
import { detections, individuals, suggestions, tracklets } from '../db/schema';
import { DECIDED_SQL } from './decided';

/** Deletes those of these tracklets that have no detections left. */
export function pruneEmptyTracklets(db: Db, trackletIds: readonly number[]): void {
  const members = db
    .select({ one: sql`1` })
    .from(detections)
    .where(eq(detections.trackletId, tracklets.id));
  db.delete(tracklets)
    .where(and(inArray(tracklets.id, anyOf(trackletIds)), not(exists(members))))
    .run();
}

export interface PruneOptions {
  /** The pipeline's pruning: individuals in this set, or decided ones (DECIDED_SQL), stay even when empty. */
  keep?: ReadonlySet<number>;
}

/** Deletes those of these individuals that have no tracklet, are not merged and are no merge target; returns them. */
export function pruneEmptyIndividuals(db: Db, individualIds: readonly number[], options: PruneOptions = {}): number[] {
  const merged = alias(individuals, 'm');
  const empty = db
    .select({ id: individuals.id })
    .from(individuals)
    .where(
      and(
        inArray(individuals.id, anyOf(individualIds)),
        isNull(individuals.mergedInto),
        options.keep ? not(sql.raw(DECIDED_SQL)) : undefined,
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
    .all()
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
