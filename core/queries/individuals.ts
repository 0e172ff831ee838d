// Individuals for the deer gallery, the profile and the review queue. Merged individuals are hidden: their rows stay
// only so links and undo keep working. Counts and first/last seen are stored (kept right by core/individuals).
import { DEER } from '../contract';
import type { Category, IndividualCrop, IndividualDetail, IndividualSummary, INDIVIDUAL_SORTS } from '../contract';
import { and, count, desc, eq, exists, inArray, isNull, min, ne, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { anyOfPlaceholder } from '../db/idList';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { cameras, detections, images, individuals, suggestions, tracklets } from '../db/schema';
import { sexAgeClassOf } from '../individuals/sexAge';
import { countedBox, splitIds } from './sqlFilter';

const ind = individuals;

const ORDER: Record<(typeof INDIVIDUAL_SORTS)[number], SQL[]> = {
  name: [sql`${ind.name} COLLATE NOCASE`, sql`${ind.id}`],
  detections: [sql`${ind.detectionCount}`, sql`${ind.id}`],
  '-detections': [desc(ind.detectionCount), sql`${ind.id}`],
  lastSeen: [isNull(ind.lastSeen), sql`${ind.lastSeen}`, sql`${ind.id}`],
  '-lastSeen': [isNull(ind.lastSeen), desc(ind.lastSeen), sql`${ind.id}`],
  firstSeen: [isNull(ind.firstSeen), sql`${ind.firstSeen}`, sql`${ind.id}`],
  '-firstSeen': [isNull(ind.firstSeen), desc(ind.firstSeen), sql`${ind.id}`],
};

// An individual's detections are joined to their tracklets and photos.
const ofTracklet = eq(tracklets.id, detections.trackletId);
const ofImage = eq(images.id, detections.imageId);

/** An individual's counted detections. */
const countedOf = (individualId: number | SQLWrapper) => and(eq(tracklets.individualId, individualId), countedBox);

function summarySelect(db: Db) {
  const cameraIds = db
    .select({ ids: sql<string | null>`group_concat(DISTINCT ${images.cameraId})` })
    .from(detections)
    .innerJoin(tracklets, ofTracklet)
    .innerJoin(images, ofImage)
    .where(countedOf(ind.id));
  const pending = (side: SQLiteColumn, other?: SQL) =>
    db
      .select({ n: count() })
      .from(suggestions)
      .where(and(eq(side, ind.id), other, eq(suggestions.state, 'pending')));
  const asIndividual = pending(suggestions.individualId);
  const asCandidate = pending(suggestions.candidateId, ne(suggestions.individualId, ind.id));
  return {
    id: ind.id,
    name: ind.name,
    category: ind.category,
    species: ind.species,
    speciesByUser: ind.speciesByUser,
    sexAge: ind.sexAge,
    sexAgeByUser: ind.sexAgeByUser,
    sex: ind.sex,
    ageClass: ind.ageClass,
    confirmed: ind.confirmed,
    detectionCount: ind.detectionCount,
    firstSeen: ind.firstSeen,
    lastSeen: ind.lastSeen,
    coverDetectionId: ind.coverDetectionId,
    cameraIds: sql<string | null>`(${cameraIds})`,
    pendingSuggestions: sql<number>`(${asIndividual}) + (${asCandidate})`,
  };
}

function toSummary<T extends { cameraIds: string | null; sexAge: string | null }>(row: T) {
  // Stored classes are always one of the contract's (core/individuals keeps them); anything else reads as unknown.
  return { ...row, sexAge: sexAgeClassOf(row.sexAge), cameraIds: splitIds(row.cameraIds) };
}

export interface IndividualQuery {
  category?: Category;
  /** 'deer': the Deer gallery; 'other': every other species. */
  speciesGroup?: 'deer' | 'other';
  species?: string;
  search?: string;
  confirmed?: boolean;
  cameraIds?: number[];
  sort: (typeof INDIVIDUAL_SORTS)[number];
  offset: number;
  limit: number;
}

export function queryIndividuals(
  db: Db,
  q: IndividualQuery,
): { items: IndividualSummary[]; total: number; offset: number } {
  const search = q.search && `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const where = and(
    isNull(ind.mergedInto),
    q.category ? eq(ind.category, q.category) : undefined,
    q.speciesGroup ? (q.speciesGroup === 'deer' ? eq : ne)(ind.species, DEER) : undefined,
    q.species ? sql`lower(${ind.species}) = lower(${q.species.trim()})` : undefined,
    search ? sql`${ind.name} LIKE ${search} ESCAPE '\\'` : undefined,
    q.confirmed !== undefined ? eq(ind.confirmed, q.confirmed) : undefined,
    q.cameraIds
      ? exists(
          db
            .select({ one: sql`1` })
            .from(detections)
            .innerJoin(tracklets, ofTracklet)
            .innerJoin(images, ofImage)
            .where(and(countedOf(ind.id), inArray(images.cameraId, q.cameraIds))),
        )
      : undefined,
  );
  const total = db.select({ n: count() }).from(ind).where(where).get()!.n;
  const rows = db
    .select(summarySelect(db))
    .from(ind)
    .where(where)
    .orderBy(...ORDER[q.sort])
    .limit(q.limit)
    .offset(q.offset)
    .all();
  return { items: rows.map(toSummary), total, offset: q.offset };
}

// The profile's reads have one shape each: prepared once per connection (building them costs more than running them).
const id = sql.placeholder('id');

const summariesOf = preparedOnce((db) =>
  db
    .select(summarySelect(db))
    .from(ind)
    .where(inArray(ind.id, anyOfPlaceholder('ids')))
    .prepare(),
);

export function individualSummaries(db: Db, ids: readonly number[]): Map<number, IndividualSummary> {
  if (ids.length === 0) return new Map();
  const rows = summariesOf(db).all({ ids: JSON.stringify([...new Set(ids)]) });
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

const detailRow = preparedOnce((db) =>
  db
    .select({ ...summarySelect(db), notes: ind.notes, mergedInto: ind.mergedInto })
    .from(ind)
    .where(eq(ind.id, id))
    .prepare(),
);

const boxes = count();
const camerasOf = preparedOnce((db) =>
  db
    .select({ cameraId: cameras.id, name: cameras.name, detections: boxes })
    .from(detections)
    .innerJoin(tracklets, ofTracklet)
    .innerJoin(images, ofImage)
    .innerJoin(cameras, eq(cameras.id, images.cameraId))
    .where(countedOf(id))
    .groupBy(images.cameraId)
    .orderBy(desc(boxes))
    .prepare(),
);

const hour = sql<number>`CAST(substr(${images.takenAt}, 12, 2) AS INTEGER)`;
const hoursOf = preparedOnce((db) =>
  db
    .select({ hour, n: count() })
    .from(detections)
    .innerJoin(tracklets, ofTracklet)
    .innerJoin(images, ofImage)
    .where(and(countedOf(id), sql`length(${images.takenAt}) >= 13`))
    .groupBy(hour)
    .prepare(),
);

const start = min(images.takenAt);
const sightingsOf = preparedOnce((db) =>
  db
    .select({
      sequenceId: images.sequenceId,
      cameraId: min(images.cameraId),
      start,
      detections: count(),
      photoId: sql<number>`min(${images.id})`,
    })
    .from(detections)
    .innerJoin(tracklets, ofTracklet)
    .innerJoin(images, ofImage)
    .where(countedOf(id))
    .groupBy(sql`coalesce(${images.sequenceId}, -${images.id})`)
    .orderBy(desc(start))
    .prepare(),
);

export function individualDetail(db: Db, individualId: number): IndividualDetail | null {
  const row = detailRow(db).get({ id: individualId });
  if (!row) return null;
  const { notes, mergedInto, ...summary } = row;
  const activityByHour = new Array<number>(24).fill(0);
  for (const h of hoursOf(db).all({ id: individualId })) if (h.hour >= 0 && h.hour < 24) activityByHour[h.hour] = h.n;
  return {
    ...toSummary(summary),
    notes,
    mergedInto,
    cameras: camerasOf(db).all({ id: individualId }),
    activityByHour,
    sightings: sightingsOf(db).all({ id: individualId }),
  };
}

const cropCount = preparedOnce((db) =>
  db
    .select({ n: count() })
    .from(detections)
    .innerJoin(tracklets, ofTracklet)
    .innerJoin(images, ofImage)
    .where(countedOf(id))
    .prepare(),
);

const d = detections;
const cropsOf = preparedOnce((db) =>
  db
    .select({
      detectionId: d.id,
      imageId: d.imageId,
      takenAt: images.takenAt,
      cameraId: images.cameraId,
      confidence: d.confidence,
      x: d.x,
      y: d.y,
      w: d.w,
      h: d.h,
      trackletId: d.trackletId,
      hasCrop: sql<boolean>`${d.cropPath} IS NOT NULL`.mapWith(Boolean),
    })
    .from(detections)
    .innerJoin(tracklets, ofTracklet)
    .innerJoin(images, ofImage)
    .where(countedOf(id))
    .orderBy(isNull(images.takenAt), desc(images.takenAt), desc(d.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
);

export function individualCrops(
  db: Db,
  individualId: number,
  offset: number,
  limit: number,
): { items: IndividualCrop[]; total: number; offset: number } {
  const total = cropCount(db).get({ id: individualId })!.n;
  const rows = cropsOf(db).all({ id: individualId, limit, offset });
  const items = rows.map(({ x, y, w, h, ...rest }) => ({ ...rest, box: { x, y, w, h } }));
  return { items, total, offset };
}
