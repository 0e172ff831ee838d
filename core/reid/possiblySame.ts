// "Possibly the same": an individual's most likely other individuals (same species, nothing impossible), ranked like
// the review queue's suggestions but computed on demand for its profile, with the reasons a person can check.
import { humanDuration } from '../contract/humanDuration';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { individuals } from '../db/schema';
import { suggestionBetween } from '../db/suggestions';
import { decodeVector } from '../individuals/embedding';
import { sexAgeClassOf } from '../individuals/sexAge';
import { SCORE_WEIGHTS, TIME_SCALE_SECONDS, type ScoreParts } from './scoring';
import { individualSubject } from './subjects';
import { DEFAULT_SUGGEST_OPTIONS, rankCandidates } from './suggest';

export interface PossiblySameRow extends ScoreParts {
  candidateId: number;
  score: number;
  reasons: string[];
  suggestionId: number | null;
}

/** "4 min", "2 h", "3 days", "2 months": a gap as a person reads it. */
export const formatGap = humanDuration;

const PLURAL: Record<string, string> = { buck: 'bucks', doe: 'does', fawn: 'fawns' };

/** The reasons behind a pair's score, the part that weighs most first. */
export function reasonsFor(parts: ScoreParts, sexAges: [string | null, string | null]): string[] {
  const w = SCORE_WEIGHTS;
  const reasons: { text: string; weight: number }[] = [
    {
      text: `${parts.appearance >= 0.5 ? 'looks alike' : 'looks different'} (appearance ${parts.appearance.toFixed(2)})`,
      weight: w.appearance * parts.appearance,
    },
  ];
  const gap = parts.timeGapSeconds;
  if (parts.sameCamera) {
    const near = gap === null ? 0 : w.time * Math.exp(-gap / TIME_SCALE_SECONDS);
    reasons.push({
      text:
        gap === null ? 'same camera' : gap === 0 ? 'same camera, same visit' : `same camera, ${formatGap(gap)} apart`,
      weight: w.camera + near,
    });
  } else if (gap !== null) {
    reasons.push({ text: `different cameras, ${formatGap(gap)} apart`, weight: 0 });
  }
  const [a, b] = sexAges.map(sexAgeClassOf);
  if (a && a === b && PLURAL[a]) reasons.push({ text: `both ${PLURAL[a]}`, weight: 0.01 });
  return reasons.sort((x, y) => y.weight - x.weight).map((r) => r.text);
}

/** The top `limit` candidates of an individual (writes nothing); empty when it has no embedding yet. */
export function possiblySame(db: Db, embedder: string, individualId: number, limit: number): PossiblySameRow[] {
  const row = db
    .select({ embedding: individuals.embedding, sexAge: individuals.sexAge })
    .from(individuals)
    .where(eq(individuals.id, individualId))
    .get();
  if (!row?.embedding) return [];
  const subject = individualSubject(db, individualId);
  const ranked = rankCandidates(db, embedder, individualId, subject, decodeVector(row.embedding), {
    ...DEFAULT_SUGGEST_OPTIONS,
    k: limit,
    queuedToo: true,
  });
  const sexAgeOf = (id: number) =>
    db.select({ sexAge: individuals.sexAge }).from(individuals).where(eq(individuals.id, id)).get()?.sexAge ?? null;
  return ranked.map((r) => {
    const theirs = sexAgeOf(r.candidateId);
    const suggestion = suggestionBetween(db, individualId, r.candidateId, ['pending']);
    return {
      candidateId: r.candidateId,
      score: r.score,
      appearance: r.appearance,
      timeGapSeconds: r.timeGapSeconds,
      sameCamera: r.sameCamera,
      reasons: reasonsFor(r, [row.sexAge, theirs]),
      suggestionId: suggestion?.id ?? null,
    };
  });
}
