// Match suggestions: for an individual, its k most likely other individuals, ranked by the score of scoring.ts and
// stored for the review queue. Candidates come from two pools, because appearance alone is a weak signal here:
//   - the nearest individuals by embedding (sqlite-vec KNN over individual vectors, same category);
//   - individuals seen at the same camera close in time (the same stag coming back a minute later), whatever the
//     embedder thinks of them.
// Impossible candidates are dropped (a shared photo, another species, different sex or age class where known), and so
// are pairs a person already rejected while their members were the same.
import { DEER } from '../contract';
import type { Db } from '../db/open';
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
}

export const DEFAULT_SUGGEST_OPTIONS: SuggestOptions = { k: 5, appearancePool: 40, nearbySeconds: 6 * 3600 };

export interface Candidate extends ScoreParts {
  candidateId: number;
  score: number;
  memberSignature: string;
}

function embeddingOf(db: Db, individualId: number): Float32Array | null {
  const row = db.$client.prepare('SELECT embedding FROM individuals WHERE id = ?').get(individualId) as
    { embedding: Buffer | null } | undefined;
  return row?.embedding ? decodeVector(row.embedding) : null;
}

/** Active individuals with a tracklet at one of the subject's cameras within `seconds` of one of its sightings. */
function nearbyIndividuals(db: Db, subject: Subject, seconds: number): number[] {
  const ids = new Set<number>();
  const stmt = db.$client.prepare(
    `SELECT DISTINCT t.individual_id AS id FROM tracklets t JOIN sequences s ON s.id = t.sequence_id
     JOIN individuals ind ON ind.id = t.individual_id AND ind.merged_into IS NULL
     WHERE s.camera_id = @camera AND s."end" >= @from AND s.start <= @to`,
  );
  for (const s of subject.sightings) {
    if (s.cameraId === null || s.startMs === null || s.endMs === null) continue;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
    const rows = stmt.all({
      camera: s.cameraId,
      from: iso(s.startMs - seconds * 1000),
      to: iso(s.endMs + seconds * 1000),
    }) as { id: number }[];
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

function alreadyDecided(db: Db, a: number, b: number, signature: string, reversed: string): boolean {
  // A rejection with the same members holds; any open or decided suggestion of the reverse pair makes this one a
  // duplicate in the queue.
  return (
    db.$client
      .prepare(
        `SELECT 1 FROM suggestions WHERE
           (individual_id = @a AND candidate_id = @b AND state = 'rejected' AND member_signature = @signature)
           OR (individual_id = @b AND candidate_id = @a AND member_signature = @reversed AND state IN ('pending', 'rejected', 'skipped'))`,
      )
      .get({ a, b, signature, reversed }) !== undefined
  );
}

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
  const active = db.$client.prepare('SELECT 1 FROM individuals WHERE id = ? AND merged_into IS NULL');
  const out: Candidate[] = [];
  for (const id of [...pool].sort((a, b) => a - b)) {
    if (!active.get(id)) continue;
    const other = individualSubject(db, id);
    const theirs = embeddingOf(db, id);
    if (!theirs || exclusionReason(subject, other) !== null) continue;
    const signature = memberSignature(subject, other);
    if (alreadyDecided(db, subjectId, id, signature, memberSignature(other, subject))) continue;
    const scored = scorePair(cosine(embedding, theirs), subject.sightings, other.sightings);
    out.push({ candidateId: id, memberSignature: signature, ...scored });
  }
  return out.sort((a, b) => b.score - a.score || a.candidateId - b.candidateId).slice(0, options.k);
}

function isDeer(db: Db, individualId: number): boolean {
  const row = db.$client.prepare('SELECT species FROM individuals WHERE id = ?').get(individualId) as
    { species: string } | undefined;
  return row?.species === DEER;
}

/** Replaces the individual's pending suggestions with fresh ones; returns the new suggestion ids in rank order. */
export function suggestFor(
  db: Db,
  embedder: string,
  individualId: number,
  options: SuggestOptions = DEFAULT_SUGGEST_OPTIONS,
): number[] {
  const c = db.$client;
  c.prepare(`UPDATE suggestions SET state = 'superseded' WHERE individual_id = ? AND state = 'pending'`).run(
    individualId,
  );
  const embedding = embeddingOf(db, individualId);
  // The review queue is for deer: other animals get no suggestions (their profiles still show possible matches).
  if (!embedding || !isDeer(db, individualId)) return [];
  const ranked = rankCandidates(db, embedder, individualId, individualSubject(db, individualId), embedding, options);
  const insert = c.prepare(
    `INSERT INTO suggestions (individual_id, candidate_id, embedder, score, appearance, time_gap_seconds, same_camera, rank, member_signature)
     VALUES (@individualId, @candidateId, @embedder, @score, @appearance, @timeGapSeconds, @sameCamera, @rank, @memberSignature)`,
  );
  return ranked.map((r, i) =>
    Number(
      insert.run({
        individualId,
        candidateId: r.candidateId,
        embedder,
        score: r.score,
        appearance: r.appearance,
        timeGapSeconds: r.timeGapSeconds,
        sameCamera: r.sameCamera ? 1 : 0,
        rank: i + 1,
        memberSignature: r.memberSignature,
      }).lastInsertRowid,
    ),
  );
}
