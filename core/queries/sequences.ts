// Sequences (one visit at one camera) for the grid's grouping and the viewer's filmstrip.
import type { Sequence } from '../contract';
import type { Db } from '../db/open';
import { COUNTED, Where } from './sqlFilter';

const COLUMNS = `s.id, s.camera_id AS cameraId, c.name AS camera, s.start, s."end", s.photo_count AS photoCount,
  (SELECT i.id FROM images i WHERE i.sequence_id = s.id ORDER BY i.taken_at, i.id LIMIT 1) AS coverPhotoId,
  (SELECT count(*) FROM detections d JOIN images i ON i.id = d.image_id WHERE i.sequence_id = s.id AND ${COUNTED}) AS detections`;

export function querySequences(
  db: Db,
  q: { cameraIds?: number[]; from?: string; to?: string; newestFirst?: boolean; offset: number; limit: number },
): { items: Sequence[]; total: number; offset: number } {
  const w = new Where();
  if (q.cameraIds) w.in('s.camera_id', q.cameraIds);
  w.timeRange('s.start', q.from, q.to);
  const c = db.$client;
  const total = (c.prepare(`SELECT count(*) AS n FROM sequences s ${w.sql}`).get(...w.params) as { n: number }).n;
  // The page's ids first (index order), then the per-sequence counts for those rows only.
  const ids = c
    .prepare(
      `SELECT s.id FROM sequences s ${w.sql} ORDER BY ${q.newestFirst ? 's.start DESC, s.id DESC' : 's.start, s.id'} LIMIT ? OFFSET ?`,
    )
    .all(...w.params, q.limit, q.offset) as { id: number }[];
  const rows = c
    .prepare(
      `SELECT ${COLUMNS} FROM sequences s LEFT JOIN cameras c ON c.id = s.camera_id WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids.map((r) => r.id))) as Sequence[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.flatMap((r) => byId.get(r.id) ?? []), total, offset: q.offset };
}

export function sequenceById(db: Db, id: number): Sequence | null {
  return (
    (db.$client
      .prepare(`SELECT ${COLUMNS} FROM sequences s LEFT JOIN cameras c ON c.id = s.camera_id WHERE s.id = ?`)
      .get(id) as Sequence | undefined) ?? null
  );
}
