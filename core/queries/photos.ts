// Photo queries for the grid and the viewer: filters, sort and paging in SQL, so nothing loads the whole library.
import { and, count, desc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Category, Detection, PhotoDetail, PhotoFilter, PhotoSummary, PHOTO_SORTS } from '../contract';
import { PROCESSED_IMAGE_STATES } from '../db/imageStates';
import { anyOfPlaceholder } from '../db/idList';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { cameras, detections, images, individuals, suggestions, tracklets } from '../db/schema';
import { BOX_FIELDS } from './boxFields';
import { hasBox, photosOf } from './clipBoxes';
import { pageByDetections } from './photosByDetections';
import { countedBox, splitList, timeBetween } from './sqlFilter';

const i = images;
const d = detections;

// Plain column orders, so SQLite walks an index (images_taken_at holds the rowid too) and stops at the page: photos
// of unknown time come first oldest-first and last newest-first, SQLite's own place for NULL. The detection sorts are
// core/queries/photosByDetections.ts.
const ORDER: Record<Exclude<(typeof PHOTO_SORTS)[number], 'detections' | '-detections'>, SQL[]> = {
  takenAt: [sql`${i.takenAt}`, sql`${i.id}`],
  '-takenAt': [desc(i.takenAt), desc(i.id)],
  imported: [sql`${i.id}`],
  '-imported': [desc(i.id)],
};

/**
 * The photo itself, or a clip's sampled frames: where an item's detections are. A clip counts the most boxes of one
 * frame (the animals seen at once), not the sum over frames, which counts one deer once a second.
 */
const f = alias(images, 'f');
const OWN_IMAGES = sql`(SELECT ${i.id} UNION ALL SELECT ${f.id} FROM ${images} f WHERE ${f.clipId} = ${i.id})`;

const SUMMARY_FIELDS = {
  id: i.id,
  fileName: i.fileName,
  cameraId: i.cameraId,
  camera: cameras.name,
  takenAt: i.takenAt,
  width: i.width,
  height: i.height,
  state: i.state,
  error: i.error,
  sequenceId: i.sequenceId,
  hasOriginal: sql<boolean>`${i.path} IS NOT NULL`.mapWith(Boolean),
  mediaType: i.mediaType,
  durationMs: i.durationMs,
  detections: sql<number>`(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM ${d}
    WHERE ${d.imageId} IN ${OWN_IMAGES} AND ${countedBox} GROUP BY ${d.imageId}))`,
  categories: sql<string | null>`(SELECT group_concat(DISTINCT ${d.category}) FROM ${d}
    WHERE ${d.imageId} IN ${OWN_IMAGES} AND ${countedBox})`,
};

function toSummary<T extends { categories: string | null }>(row: T) {
  return { ...row, categories: splitList<Category>(row.categories) };
}

const summaries = (db: Db) => db.select(SUMMARY_FIELDS).from(i).leftJoin(cameras, eq(cameras.id, i.cameraId));

/** The same photos either way; `use` picks the form SQLite runs fastest for a count or for a page in index order. */
export function photoWhere(filter: PhotoFilter, use: 'count' | 'page' = 'count'): SQL {
  // A clip's sampled frames are processed like photos but listed only through their clip.
  const parts: (SQL | undefined)[] = [ne(i.mediaType, 'frame')];
  if (filter.cameraIds) parts.push(inArray(i.cameraId, filter.cameraIds));
  parts.push(...timeBetween(i.takenAt, filter.from, filter.to));
  // A clip's boxes are its frames' (clipBoxes.ts).
  if (filter.category) parts.push(hasBox(eq(d.category, filter.category)));
  if (filter.empty === true) parts.push(inArray(i.state, PROCESSED_IMAGE_STATES), sql`NOT ${hasBox()}`);
  if (filter.empty === false) parts.push(hasBox());
  // Individuals are few next to photos: go from them to their photos through the tracklet and detection indexes.
  if (filter.individualId !== undefined) parts.push(sql`${i.id} IN ${photosOf(sql`= ${filter.individualId}`)}`);
  if (filter.unreviewedSuggestions !== undefined) {
    const isPending = eq(suggestions.state, 'pending');
    const pending = sql`IN (SELECT ${suggestions.individualId} FROM ${suggestions} WHERE ${isPending}
      UNION SELECT ${suggestions.candidateId} FROM ${suggestions} WHERE ${isPending})`;
    const not = filter.unreviewedSuggestions ? sql`` : sql`NOT `;
    // A count visits every photo: the pending individuals' photos are listed once and each photo looked up in the
    // list (unary + keeps the planner from driving by the list instead). A page walks the sort's index and stops
    // early: a few hundred photos asking the detection and tracklet indexes beat building the whole list.
    if (use === 'count') parts.push(sql`+${i.id} ${not}IN ${photosOf(pending)}`);
    else
      parts.push(
        sql`${not}${hasBox(sql`${tracklets.individualId} ${pending}`, sql`JOIN ${tracklets} ON ${tracklets.id} = ${d.trackletId}`)}`,
      );
  }
  if (filter.sequenceId !== undefined) parts.push(eq(i.sequenceId, filter.sequenceId));
  if (filter.states) parts.push(inArray(i.state, filter.states));
  if (filter.importId !== undefined) parts.push(eq(i.importId, filter.importId));
  return and(...parts)!;
}

export function queryPhotos(
  db: Db,
  args: { filter: PhotoFilter; sort: (typeof PHOTO_SORTS)[number]; offset: number; limit: number },
): { items: PhotoSummary[]; total: number; offset: number } {
  const total = db.select({ n: count() }).from(i).where(photoWhere(args.filter, 'count')).get()!.n;
  const w = photoWhere(args.filter, 'page');
  // The page's ids first (index order, no per-row work), then the columns of those rows only.
  const ids =
    args.sort === 'detections' || args.sort === '-detections'
      ? pageByDetections(db, w, args.sort === '-detections', args.offset, args.limit)
      : db
          .select({ id: i.id })
          .from(i)
          .where(w)
          .orderBy(...ORDER[args.sort])
          .limit(args.limit)
          .offset(args.offset)
          .all()
          .map((r) => r.id);
  return { items: photoSummaries(db, ids), total, offset: args.offset };
}

// The viewer's reads have one shape each: prepared once per connection (building them costs more than running them).
const summariesOf = preparedOnce((db) =>
  summaries(db)
    .where(inArray(i.id, anyOfPlaceholder('ids')))
    .prepare(),
);

/** Summaries of these photos, in this order. */
export function photoSummaries(db: Db, ids: readonly number[]): PhotoSummary[] {
  if (ids.length === 0) return [];
  const rows = summariesOf(db).all({ ids: JSON.stringify(ids) });
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A sequence's photos (clips as one item), in time order. */
export function sequencePhotos(db: Db, sequenceId: number): PhotoSummary[] {
  return summaries(db)
    .where(and(eq(i.sequenceId, sequenceId), ne(i.mediaType, 'frame')))
    .orderBy(...ORDER.takenAt)
    .all()
    .map(toSummary);
}

const detectionsOfImage = preparedOnce((db) =>
  db
    .select({
      ...BOX_FIELDS,
      imageId: d.imageId,
      duplicate: d.duplicate,
      falsePositive: d.falsePositive,
      individualName: individuals.name,
      hasCrop: sql<boolean>`${d.cropPath} IS NOT NULL`.mapWith(Boolean),
    })
    .from(d)
    .leftJoin(tracklets, eq(tracklets.id, d.trackletId))
    .leftJoin(individuals, eq(individuals.id, tracklets.individualId))
    .where(eq(d.imageId, sql.placeholder('image')))
    .orderBy(desc(d.confidence), d.id)
    .prepare(),
);

export function detectionsOf(db: Db, imageId: number): Detection[] {
  const rows = detectionsOfImage(db).all({ image: imageId });
  return rows.map(({ x, y, w, h, ...rest }) => ({ ...rest, box: { x, y, w, h } }));
}

const framesOfClip = preparedOnce((db) =>
  db
    .select({ id: i.id, frameMs: i.frameMs })
    .from(i)
    .where(and(eq(i.clipId, sql.placeholder('clip')), eq(i.mediaType, 'frame'), isNotNull(i.frameMs)))
    .orderBy(i.frameMs)
    .prepare(),
);

/** A clip's sampled frames with their detections, in time order (none for a photo). */
function clipFrames(db: Db, clipId: number): PhotoDetail['clipFrames'] {
  const frames = framesOfClip(db).all({ clip: clipId });
  return frames.flatMap((fr) =>
    fr.frameMs === null ? [] : [{ imageId: fr.id, frameMs: fr.frameMs, detections: detectionsOf(db, fr.id) }],
  );
}

const photoRow = preparedOnce((db) =>
  db
    .select({
      ...SUMMARY_FIELDS,
      sourcePath: i.sourcePath,
      importId: i.importId,
      takenAtSource: i.takenAtSource,
      timeNote: i.timeNote,
      orientation: i.orientation,
      bytes: i.bytes,
      triggerEvent: i.triggerEvent,
      triggerFrame: i.triggerFrame,
      triggerFrames: i.triggerFrames,
      detector: i.detector,
      embedder: i.embedder,
      clipId: i.clipId,
      frameMs: i.frameMs,
    })
    .from(i)
    .leftJoin(cameras, eq(cameras.id, i.cameraId))
    .where(eq(i.id, sql.placeholder('id')))
    .prepare(),
);

const photosOfSequence = preparedOnce((db) =>
  db
    .select({ id: i.id })
    .from(i)
    .where(and(eq(i.sequenceId, sql.placeholder('sequence')), ne(i.mediaType, 'frame')))
    .orderBy(i.takenAt, i.id)
    .prepare(),
);

export function photoDetail(db: Db, id: number): PhotoDetail | null {
  const row = photoRow(db).get({ id });
  if (!row) return null;
  const { triggerEvent, triggerFrame, triggerFrames, clipId, frameMs, ...summary } = row;
  const sequencePhotoIds =
    summary.sequenceId === null
      ? []
      : photosOfSequence(db)
          .all({ sequence: summary.sequenceId })
          .map((r) => r.id);
  return {
    ...toSummary(summary),
    trigger: { event: triggerEvent, frame: triggerFrame, frames: triggerFrames },
    detectionList: detectionsOf(db, id),
    sequencePhotoIds,
    clipFrames: clipFrames(db, id),
    ...(clipId !== null && frameMs !== null ? { frameOf: { clipId, frameMs } } : {}),
  };
}
