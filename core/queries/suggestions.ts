// "Same deer?" suggestions for the review queue, most likely first, each with both individuals.
import type { Suggestion, SuggestionState } from '../contract';
import { and, count, desc, eq, exists, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { detections, images, suggestions, tracklets } from '../db/schema';
import { individualSummaries } from './individuals';
import { countedBox, timeBetween } from './sqlFilter';

export interface SuggestionQuery {
  state: SuggestionState;
  individualId?: number;
  cameraIds?: number[];
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

export function querySuggestions(db: Db, q: SuggestionQuery): { items: Suggestion[]; total: number; offset: number } {
  const s = suggestions;
  const conditions = [eq(s.state, q.state)];
  if (q.individualId !== undefined)
    conditions.push(or(eq(s.individualId, q.individualId), eq(s.candidateId, q.individualId))!);
  if (q.cameraIds || q.from || q.to) {
    // Either side seen at one of these cameras, within these dates.
    const seen = db
      .select({ one: sql`1` })
      .from(detections)
      .innerJoin(tracklets, eq(tracklets.id, detections.trackletId))
      .innerJoin(images, eq(images.id, detections.imageId))
      .where(
        and(
          sql`${tracklets.individualId} IN (${s.individualId}, ${s.candidateId})`,
          countedBox,
          q.cameraIds ? inArray(images.cameraId, q.cameraIds) : undefined,
          ...timeBetween(images.takenAt, q.from, q.to),
        ),
      );
    conditions.push(exists(seen));
  }
  const where = and(...conditions);
  const total = db.select({ n: count() }).from(s).where(where).get()!.n;
  const rows = db
    .select({
      id: s.id,
      individualId: s.individualId,
      candidateId: s.candidateId,
      embedder: s.embedder,
      score: s.score,
      appearance: s.appearance,
      timeGapSeconds: s.timeGapSeconds,
      sameCamera: s.sameCamera,
      rank: s.rank,
      state: s.state,
      createdAt: s.createdAt,
      decidedAt: s.decidedAt,
    })
    .from(s)
    .where(where)
    .orderBy(desc(s.score), s.id)
    .limit(q.limit)
    .offset(q.offset)
    .all();
  const people = individualSummaries(
    db,
    rows.flatMap((r) => [r.individualId, r.candidateId]),
  );
  const items = rows.flatMap((r) => {
    const individual = people.get(r.individualId);
    const candidate = people.get(r.candidateId);
    // A suggestion whose individual row is gone is stale; it is left out rather than shown half empty.
    return individual && candidate ? [{ ...r, individual, candidate }] : [];
  });
  return { items, total, offset: q.offset };
}
