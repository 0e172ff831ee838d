// Past imports, newest first, with what each added.
import type { ImportRecord } from '../contract';
import { count, desc, eq, inArray, not } from 'drizzle-orm';
import { anyOf } from '../db/idList';
import type { Db } from '../db/open';
import { images, imports } from '../db/schema';
import { countWhere } from './sqlFilter';

/** `live` is false when no job is running in this host: a row still "running" then was interrupted. */
export function importHistory(
  db: Db,
  offset: number,
  limit: number,
  live: boolean,
): { items: ImportRecord[]; total: number; offset: number } {
  const total = db.select({ n: count() }).from(imports).get()!.n;
  const rows = db
    .select({
      id: imports.id,
      sources: imports.sources,
      status: imports.status,
      startedAt: imports.startedAt,
      finishedAt: imports.finishedAt,
      summary: imports.summary,
    })
    .from(imports)
    .orderBy(desc(imports.id))
    .limit(limit)
    .offset(offset)
    .all();
  // One pass over the page's photos, counted from the images_import_state index alone.
  const failed = eq(images.state, 'failed');
  const counts = new Map(
    db
      .select({ id: images.importId, photos: countWhere(not(failed)), failed: countWhere(failed) })
      .from(images)
      .where(inArray(images.importId, anyOf(rows.map((r) => r.id))))
      .groupBy(images.importId)
      .all()
      .map((r) => [r.id, r]),
  );
  const items = rows.map((r) => ({
    ...r,
    photos: counts.get(r.id)?.photos ?? 0,
    failed: counts.get(r.id)?.failed ?? 0,
    status: r.status === 'running' && !live ? ('interrupted' as const) : r.status,
  }));
  return { items, total, offset };
}
