// The match stage, last in the pipeline: every tracklet without an individual, per camera in time order, either
// joins an existing individual (only when auto-accept is on AND calibrated for the embedder in use, and the best
// candidate clears the threshold) or starts a provisional individual ("Deer 17") that gets ranked suggestions for the review queue.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { anyOf } from '../db/idList';
import type { Db } from '../db/open';
import { sequences, tracklets } from '../db/schema';
import { decodeVector } from '../individuals/embedding';
import { assignTracklets } from '../individuals/assign';
import { createProvisionalIndividual } from '../individuals/provisional';
import { getSettings } from '../library/settings';
import { individualsChanged } from './maintain';
import { DEFAULT_SUGGEST_OPTIONS, rankCandidates, type SuggestOptions } from './suggest';
import { trackletSubject } from './subjects';

type PendingTracklet = ReturnType<typeof unmatched>[number];

/** Tracklets not yet in an individual, in the order matching must see them. */
function unmatched(db: Db, sequenceIds: number[] | null) {
  return db
    .select({ id: tracklets.id, category: tracklets.category, embedding: tracklets.embedding })
    .from(tracklets)
    .innerJoin(sequences, eq(sequences.id, tracklets.sequenceId))
    .where(
      and(
        isNull(tracklets.individualId),
        sequenceIds === null ? undefined : inArray(tracklets.sequenceId, anyOf(sequenceIds)),
      ),
    )
    .orderBy(
      sql`${sequences.cameraId} IS NULL`,
      sequences.cameraId,
      sql`${sequences.start} IS NULL`,
      sequences.start,
      tracklets.sequenceId,
      tracklets.id,
    )
    .all();
}

/**
 * The individual an auto-accept would join, or null (off, uncalibrated, calibrated for another embedder whose scores
 * do not compare, or no candidate above the threshold).
 */
function autoAcceptTarget(db: Db, embedder: string, t: PendingTracklet, options: SuggestOptions): number | null {
  const s = getSettings(db);
  if (!s.autoAccept || s.autoAcceptThreshold === null || s.autoAcceptEmbedder !== embedder || !t.embedding) return null;
  const best = rankCandidates(db, embedder, -t.id, trackletSubject(db, [t.id]), decodeVector(t.embedding), {
    ...options,
    k: 1,
  })[0];
  return best && best.score >= s.autoAcceptThreshold ? best.candidateId : null;
}

export interface MatchResult {
  individualsCreated: number[];
  autoAccepted: number;
  suggestions: number;
}

/** Matches the unmatched tracklets (of these sequences, or all); the caller wraps it in a transaction. */
export function matchTracklets(
  db: Db,
  embedder: string,
  sequenceIds: number[] | null = null,
  options: SuggestOptions = DEFAULT_SUGGEST_OPTIONS,
): MatchResult {
  const result: MatchResult = { individualsCreated: [], autoAccepted: 0, suggestions: 0 };
  for (const t of unmatched(db, sequenceIds)) {
    const target = autoAcceptTarget(db, embedder, t, options);
    if (target !== null) {
      result.autoAccepted++;
      result.suggestions += individualsChanged(db, embedder, assignTracklets(db, target, [t.id]), options).length;
      continue;
    }
    const id = createProvisionalIndividual(db, t.category, [t.id]);
    result.individualsCreated.push(id);
    result.suggestions += individualsChanged(db, embedder, [id], options).length;
  }
  return result;
}
