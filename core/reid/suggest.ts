// Match suggestions: for an individual, its k most likely other individuals, ranked by the score of scoring.ts and
// stored for the review queue. Candidates come from two pools, because appearance alone is a weak signal here:
//   - the nearest individuals by embedding (sqlite-vec KNN over individual vectors, same category);
//   - individuals seen at the same camera close in time (the same stag coming back a minute later), whatever the
//     embedder thinks of them.
// Impossible candidates are dropped (a shared photo, another species, different sex or age class where known), and so
// are pairs a person already rejected while their members were the same.
import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { DEER } from '../contract';
import { getIndividualVector } from '../db/individuals';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { individuals, sequences, suggestions, tracklets, type SuggestionState } from '../db/schema';
import { decodeVector } from '../individuals/embedding';
import { scorePair, type ScoreParts } from './scoring';
import { exclusionReason, individualSubject, memberSignature, type Subject } from './subjects';
import { cosine } from './vectorMath';
import { knnIndividuals } from '../db/vectorIndex';

export interface SuggestOptions {
  /** Suggestions kept per individual. */
  k: number;
  /** Nearest-by-appearance candidates examined before exclusions and scoring. */
  appearancePool: number;
  /** Same-camera individuals within this many seconds are candidates too. */
  nearbySeconds: number;
  /** List candidates already suggested the other way round (the profile's band), not only new ones (the queue). */
  queuedToo?: boolean;
}

export const DEFAULT_SUGGEST_OPTIONS: SuggestOptions = { k: 5, appearancePool: 40, nearbySeconds: 6 * 3600 };

export interface Candidate extends ScoreParts {
  candidateId: number;
  score: number;
  memberSignature: string;
}

function embeddingOf(db: Db, individualId: number): Float32Array | null {
  const embedding = getIndividualVector(db, individualId)?.embedding;
  return embedding ? decodeVector(embedding) : null;
}

const nearbyStatement = preparedOnce((db) =>
  db
    .selectDistinct({ id: tracklets.individualId })
    .from(tracklets)
    .innerJoin(sequences, eq(sequences.id, tracklets.sequenceId))
    .innerJoin(individuals, and(eq(individuals.id, tracklets.individualId), isNull(individuals.mergedInto)))
    .where(
      and(
        eq(sequences.cameraId, sql.placeholder('camera')),
        gte(sequences.end, sql.placeholder('from')),
        lte(sequences.start, sql.placeholder('to')),
      ),
    )
    .prepare(),
);

/** Active individuals with a tracklet at one of the subject's cameras within `seconds` of one of its sightings. */
function nearbyIndividuals(db: Db, subject: Subject, seconds: number): number[] {
  const ids = new Set<number>();
  for (const s of subject.sightings) {
    if (s.cameraId === null || s.startMs === null || s.endMs === null) continue;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
    const rows = nearbyStatement(db).all({
      camera: s.cameraId,
      from: iso(s.startMs - seconds * 1000),
      to: iso(s.endMs + seconds * 1000),
    });
    for (const r of rows) if (r.id !== null) ids.add(r.id);
  }
  return [...ids];
}

/**
 * Whether the pair is settled for a list of candidates: a rejection with the same members holds both ways; a
 * suggestion of the reverse pair in one of `reverseStates` settles it too (for the queue, an open or skipped one
 * makes this one a duplicate; the profile's band lists open ones with their suggestion).
 */
const decidedBy = (reverseStates: readonly SuggestionState[]) =>
  preparedOnce((db) => {
    const [a, b] = [sql.placeholder('a'), sql.placeholder('b')];
    return db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(
        or(
          and(
            eq(suggestions.individualId, a),
            eq(suggestions.candidateId, b),
            eq(suggestions.state, 'rejected'),
            eq(suggestions.memberSignature, sql.placeholder('signature')),
          ),
          and(
            eq(suggestions.individualId, b),
            eq(suggestions.candidateId, a),
            eq(suggestions.memberSignature, sql.placeholder('reversed')),
            inArray(suggestions.state, [...reverseStates]),
          ),
        ),
      )
      .limit(1)
      .prepare();
  });

const decidedForQueue = decidedBy(['pending', 'rejected', 'skipped']);
const decidedForBand = decidedBy(['rejected']);

/** Ranked candidates for an individual (nothing is written). Deterministic: ties break by candidate id. */
export function rankCandidates(
  db: Db,
  embedder: string,
  subjectId: number,
  subject: Subject,
  embedding: Float32Array,
  options: SuggestOptions,
): Candidate[] {
  const knn = knnIndividuals(db, embedder, embedding, {
    k: options.appearancePool,
    category: subject.category,
    exclude: new Set([subjectId]),
  });
  const pool = new Set([...knn.map((n) => n.id), ...nearbyIndividuals(db, subject, options.nearbySeconds)]);
  pool.delete(subjectId);
  // The vector index may lag behind an edit made elsewhere: only individuals that still stand are candidates.
  const out: Candidate[] = [];
  for (const id of [...pool].sort((a, b) => a - b)) {
    const candidate = getIndividualVector(db, id);
    if (!candidate || candidate.mergedInto !== null) continue;
    const other = individualSubject(db, id);
    const theirs = candidate.embedding ? decodeVector(candidate.embedding) : null;
    if (!theirs || exclusionReason(subject, other) !== null) continue;
    const signature = memberSignature(subject, other);
    const decided = options.queuedToo ? decidedForBand : decidedForQueue;
    if (decided(db).get({ a: subjectId, b: id, signature, reversed: memberSignature(other, subject) })) continue;
    const scored = scorePair(cosine(embedding, theirs), subject.sightings, other.sightings);
    out.push({ candidateId: id, memberSignature: signature, ...scored });
  }
  return out.sort((a, b) => b.score - a.score || a.candidateId - b.candidateId).slice(0, options.k);
}

const speciesStatement = preparedOnce((db) =>
  db
    .select({ species: individuals.species })
    .from(individuals)
    .where(eq(individuals.id, sql.placeholder('id')))
    .prepare(),
);

const supersedeStatement = preparedOnce((db) =>
  db
    .update(suggestions)
    .set({ state: 'superseded' })
    .where(and(eq(suggestions.individualId, sql.placeholder('id')), eq(suggestions.state, 'pending')))
    .prepare(),
);

function isDeer(db: Db, individualId: number): boolean {
  return speciesStatement(db).get({ id: individualId })?.species === DEER;
}

/** Replaces the individual's pending suggestions with fresh ones; returns the new suggestion ids in rank order. */
export function suggestFor(
  db: Db,
  embedder: string,
  individualId: number,
  options: SuggestOptions = DEFAULT_SUGGEST_OPTIONS,
): number[] {
  supersedeStatement(db).run({ id: individualId });
  const embedding = embeddingOf(db, individualId);
  // The review queue is for deer: other animals get no suggestions (their profiles still show possible matches).
  if (!embedding || !isDeer(db, individualId)) return [];
  const ranked = rankCandidates(db, embedder, individualId, individualSubject(db, individualId), embedding, options);
  return ranked.map(
    (r, i) =>
      db
        .insert(suggestions)
        .values({
          individualId,
          candidateId: r.candidateId,
          embedder,
          score: r.score,
          appearance: r.appearance,
          timeGapSeconds: r.timeGapSeconds,
          sameCamera: r.sameCamera,
          rank: i + 1,
          memberSignature: r.memberSignature,
        })
        .returning({ id: suggestions.id })
        .get().id,
  );
}
