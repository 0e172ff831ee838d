// Individuals and tracklets left without members are deleted, so empty profiles never pile up. An individual that
// others were merged into stays (their pointer must keep resolving); it simply shows no detections. So does, when
// the pipeline (not a person) empties it, one that carries a person's decisions (decided.ts).
import type { Db } from '../db/open';
import { DECIDED_SQL } from './decided';
import { IDS, idList } from './members';

/** Deletes those of these tracklets that have no detections left. */
export function pruneEmptyTracklets(db: Db, trackletIds: readonly number[]): void {
  db.$client
    .prepare(
      `DELETE FROM tracklets WHERE id IN ${IDS} AND NOT EXISTS (SELECT 1 FROM detections d WHERE d.tracklet_id = tracklets.id)`,
    )
    .run(idList(trackletIds));
}

export interface PruneOptions {
  /** The pipeline's pruning: individuals in this set, or decided ones (DECIDED_SQL), stay even when empty. */
  keep?: ReadonlySet<number>;
}

/** Deletes those of these individuals that have no tracklet, are not merged and are no merge target; returns them. */
export function pruneEmptyIndividuals(db: Db, individualIds: readonly number[], options: PruneOptions = {}): number[] {
  const keep = options.keep ? `AND NOT ${DECIDED_SQL}` : '';
  const empty = (
    db.$client
      .prepare(
        `SELECT id FROM individuals WHERE id IN ${IDS} AND merged_into IS NULL ${keep}
           AND NOT EXISTS (SELECT 1 FROM tracklets t WHERE t.individual_id = individuals.id)
           AND NOT EXISTS (SELECT 1 FROM individuals m WHERE m.merged_into = individuals.id)`,
      )
      .all(idList(individualIds)) as { id: number }[]
  )
    .map((r) => r.id)
    .filter((id) => !options.keep?.has(id));
  if (empty.length === 0) return empty;
  // A pending "same deer?" about an individual that no longer exists can never be decided.
  db.$client
    .prepare(
      `UPDATE suggestions SET state = 'superseded' WHERE state = 'pending' AND (individual_id IN ${IDS} OR candidate_id IN ${IDS})`,
    )
    .run(idList(empty), idList(empty));
  db.$client.prepare(`DELETE FROM individuals WHERE id IN ${IDS}`).run(idList(empty));
  return empty;
}
