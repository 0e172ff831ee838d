// "Same deer?" suggestions for the review queue, most likely first, each with both individuals.
import type { Suggestion, SuggestionState } from '../contract';
import type { Db } from '../db/open';
import { individualSummaries } from './individuals';
import { COUNTED, Where } from './sqlFilter';

export interface SuggestionQuery {
  state: SuggestionState;
  individualId?: number;
  cameraIds?: number[];
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

type Row = Omit<Suggestion, 'individual' | 'candidate' | 'sameCamera'> & { sameCamera: number };

export function querySuggestions(db: Db, q: SuggestionQuery): { items: Suggestion[]; total: number; offset: number } {
  const w = new Where().add('s.state = ?', q.state);
  if (q.individualId !== undefined)
    w.add('(s.individual_id = ? OR s.candidate_id = ?)', q.individualId, q.individualId);
  if (q.cameraIds || q.from || q.to) {
    // Either side seen at one of these cameras, within these dates.
    const seen = new Where();
    if (q.cameraIds) seen.in('i.camera_id', q.cameraIds);
    seen.timeRange('i.taken_at', q.from, q.to);
    w.add(
      `EXISTS (SELECT 1 FROM detections d JOIN tracklets t ON t.id = d.tracklet_id JOIN images i ON i.id = d.image_id
               WHERE t.individual_id IN (s.individual_id, s.candidate_id) AND ${COUNTED} AND ${seen.conditions})`,
      ...seen.params,
    );
  }
  const c = db.$client;
  const total = (c.prepare(`SELECT count(*) AS n FROM suggestions s ${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = c
    .prepare(
      `SELECT s.id, s.individual_id AS individualId, s.candidate_id AS candidateId, s.embedder, s.score, s.appearance,
              s.time_gap_seconds AS timeGapSeconds, s.same_camera AS sameCamera, s.rank, s.state, s.created_at AS createdAt,
              s.decided_at AS decidedAt
       FROM suggestions s ${w.sql} ORDER BY s.score DESC, s.id LIMIT ? OFFSET ?`,
    )
    .all(...w.params, q.limit, q.offset) as Row[];
  const people = individualSummaries(
    db,
    rows.flatMap((r) => [r.individualId, r.candidateId]),
  );
  const items = rows.flatMap((r) => {
    const individual = people.get(r.individualId);
    const candidate = people.get(r.candidateId);
    // A suggestion whose individual row is gone is stale; it is left out rather than shown half empty.
    return individual && candidate ? [{ ...r, sameCamera: r.sameCamera === 1, individual, candidate }] : [];
  });
  return { items, total, offset: q.offset };
}
