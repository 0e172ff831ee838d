// Past imports, newest first, with what each added.
import type { ImportRecord } from '../contract';
import type { Db } from '../db/open';

type Row = Omit<ImportRecord, 'sources' | 'summary'> & { sources: string; summary: string | null };

/** `live` is false when no job is running in this host: a row still "running" then was interrupted. */
export function importHistory(
  db: Db,
  offset: number,
  limit: number,
  live: boolean,
): { items: ImportRecord[]; total: number; offset: number } {
  const c = db.$client;
  const total = (c.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n;
  const rows = c
    .prepare(
      `SELECT m.id, m.sources, m.status, m.created_at AS startedAt, m.finished_at AS finishedAt, m.summary
       FROM imports m ORDER BY m.id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as Omit<Row, 'photos' | 'failed'>[];
  // One pass over the page's photos, counted from the images_import_state index alone.
  const counts = new Map(
    (
      c
        .prepare(
          `SELECT import_id AS id, sum(state != 'failed') AS photos, sum(state = 'failed') AS failed FROM images
           WHERE import_id IN (SELECT value FROM json_each(?)) GROUP BY import_id`,
        )
        .all(JSON.stringify(rows.map((r) => r.id))) as { id: number; photos: number; failed: number }[]
    ).map((r) => [r.id, r]),
  );
  const items = rows.map((r) => ({
    ...r,
    photos: counts.get(r.id)?.photos ?? 0,
    failed: counts.get(r.id)?.failed ?? 0,
    status: r.status === 'running' && !live ? ('interrupted' as const) : r.status,
    sources: JSON.parse(r.sources) as string[],
    summary: r.summary === null ? null : (JSON.parse(r.summary) as Record<string, unknown>),
  }));
  return { items, total, offset };
}
