// A clip's boxes are its sampled frames': the grid's filters find a clip by them. Photos pay nothing more: their own
// boxes are read first, and only a clip looks into its frames.
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { detections as d, images as i, tracklets } from '../db/schema';
import { countedBox } from './sqlFilter';

const f = alias(i, 'f');

/** Whether a photo has a counted box meeting `condition` (with `join`), or a clip one in its sampled frames. */
export function hasBox(condition?: SQL, join: SQL = sql``): SQL {
  const also = condition ? sql` AND ${condition}` : sql``;
  return sql`(EXISTS (SELECT 1 FROM ${d} ${join} WHERE ${d.imageId} = ${i.id} AND ${countedBox}${also})
    OR (${i.mediaType} = 'clip' AND EXISTS (SELECT 1 FROM ${i} f JOIN ${d} ON ${d.imageId} = ${f.id} ${join}
      WHERE ${f.clipId} = ${i.id} AND ${countedBox}${also})))`;
}

/** The photos (a clip for its frames) of these individuals, from their tracklets. */
export const photosOf = (individualIds: SQL) =>
  sql`(SELECT coalesce(${f.clipId}, ${d.imageId}) FROM ${tracklets} JOIN ${d} ON ${d.trackletId} = ${tracklets.id}
    JOIN ${i} f ON ${f.id} = ${d.imageId} WHERE ${tracklets.individualId} ${individualIds} AND ${countedBox})`;
