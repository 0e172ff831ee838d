// Everything about an individual that follows from its members is computed here and only here: the detection
// count, first and last seen, the cover (a person's pick while it is still a member, else the best detection), the
// species and sex/age class (from the detections unless a person set them) and the embedding. Members are the
// detections of its tracklets that are not marked false.
import { and, count, eq, isNotNull, max, min, not, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { detections, images, individuals, tracklets } from '../db/schema';
import { decodeVector, encodeVector, meanOfNormalised } from './embedding';
import { isProvisional, provisionalName } from './names';
import { majoritySexAge } from './sexAge';
import { speciesOfDetections } from './species';

/** Members: the individual's tracklets' detections not marked false (each query joins tracklets and photos). */
const ID = sql.placeholder('id');
const isMember = (where?: SQL) => and(eq(tracklets.individualId, ID), not(detections.falsePositive), where);
const trackletOf = eq(tracklets.id, detections.trackletId);
const photoOf = eq(images.id, detections.imageId);

// Prepared once per connection: every edit and every match refreshes the individuals it touched.
const statsStatement = preparedOnce((db) =>
  db
    .select({ n: count(), first: min(images.takenAt), last: max(images.takenAt) })
    .from(detections)
    .innerJoin(tracklets, trackletOf)
    .innerJoin(images, photoOf)
    .where(isMember())
    .prepare(),
);

function stats(db: Db, id: number) {
  const s = statsStatement(db).get({ id });
  return { n: s?.n ?? 0, first: s?.first ?? null, last: s?.last ?? null };
}

/**
 * The best detection to show: size x confidence x quality (the crop's sharpness and daylight; 0.5 until measured).
 * Boxes touching the photo's edge show part of the animal, so they count half.
 */
const COVER_SCORE = sql`(${detections.w} * ${detections.h}) * ${detections.confidence}
  * coalesce(${detections.quality}, 0.5) * CASE WHEN ${detections.x} < 0.005 OR ${detections.y} < 0.005
    OR ${detections.x} + ${detections.w} > 0.995 OR ${detections.y} + ${detections.h} > 0.995 THEN 0.5 ELSE 1 END`;

const stillStatement = preparedOnce((db) =>
  db
    .select({ id: detections.id })
    .from(detections)
    .innerJoin(tracklets, trackletOf)
    .innerJoin(images, photoOf)
    .where(isMember(eq(detections.id, sql.placeholder('cover'))))
    .prepare(),
);

const bestStatement = preparedOnce((db) =>
  db
    .select({ id: detections.id })
    .from(detections)
    .innerJoin(tracklets, trackletOf)
    .innerJoin(images, photoOf)
    .where(isMember(not(detections.duplicate)))
    .orderBy(sql`${COVER_SCORE} DESC`, detections.id)
    .limit(1)
    .prepare(),
);

function cover(db: Db, id: number, current: number | null, byUser: boolean): number | null {
  if (current !== null && byUser && stillStatement(db).get({ id, cover: current })) return current;
  return bestStatement(db).get({ id })?.id ?? null;
}

interface Traits {
  species: string;
  speciesByUser: boolean;
  sexAge: string | null;
  sexAgeByUser: boolean;
}

const labelsStatement = preparedOnce((db) =>
  db
    .select({ rawLabel: detections.rawLabel, confidence: detections.confidence, sexAge: detections.sexAge })
    .from(detections)
    .innerJoin(tracklets, trackletOf)
    .innerJoin(images, photoOf)
    .where(isMember())
    .orderBy(detections.id)
    .prepare(),
);

/** Species and sex/age class from the members, where a person has not set them. */
function traits(db: Db, id: number, row: Traits): { species: string; sexAge: string | null } {
  const found = labelsStatement(db).all({ id });
  return {
    species: row.speciesByUser ? row.species : (speciesOfDetections(found) ?? row.species),
    sexAge: row.sexAgeByUser ? row.sexAge : majoritySexAge(found.map((m) => m.sexAge)),
  };
}

const embeddingsStatement = preparedOnce((db) =>
  db
    .select({ embedding: tracklets.embedding })
    .from(tracklets)
    .where(and(eq(tracklets.individualId, ID), isNotNull(tracklets.embedding)))
    .orderBy(tracklets.id)
    .prepare(),
);

/** The individual's embedding: its tracklets' embeddings combined (tracklets without one are left out). */
export function individualEmbedding(db: Db, id: number): Float32Array | null {
  const rows = embeddingsStatement(db).all({ id });
  return meanOfNormalised(rows.flatMap((r) => (r.embedding ? [decodeVector(r.embedding)] : [])));
}

const readStatement = preparedOnce((db) =>
  db
    .select({
      name: individuals.name,
      cover: individuals.coverDetectionId,
      coverByUser: individuals.coverByUser,
      species: individuals.species,
      speciesByUser: individuals.speciesByUser,
      sexAge: individuals.sexAge,
      sexAgeByUser: individuals.sexAgeByUser,
    })
    .from(individuals)
    .where(eq(individuals.id, ID))
    .prepare(),
);

const value = (name: string) => sql`${sql.placeholder(name)}`;

const writeStatement = preparedOnce((db) =>
  db
    .update(individuals)
    .set({
      detectionCount: value('n'),
      firstSeen: value('first'),
      lastSeen: value('last'),
      coverDetectionId: value('cover'),
      coverByUser: value('coverByUser'),
      embedding: value('embedding'),
      species: value('species'),
      sexAge: value('sexAge'),
    })
    .where(eq(individuals.id, ID))
    .prepare(),
);

/** Recomputes the derived columns of these individuals (ids that no longer exist are ignored). */
export function refreshDerived(db: Db, ids: Iterable<number>): void {
  for (const id of new Set(ids)) {
    const row = readStatement(db).get({ id });
    if (!row) continue;
    const derived = traits(db, id, row);
    // A provisional name follows the species its labels give ("Deer 8" that turns out a zebra is "Zebra 1").
    if (derived.species !== row.species && isProvisional(row.name, row.species)) {
      const name = provisionalName(db, 'animal', derived.species);
      db.update(individuals).set({ name }).where(eq(individuals.id, id)).run();
    }
    const s = stats(db, id);
    const embedding = individualEmbedding(db, id);
    const chosen = cover(db, id, row.cover, row.coverByUser);
    writeStatement(db).run({
      id,
      ...s,
      cover: chosen,
      // A picked cover that left the individual gives way to the best one, and so does the pick (stored as 0/1).
      coverByUser: row.coverByUser && chosen === row.cover ? 1 : 0,
      embedding: embedding ? encodeVector(embedding) : null,
      ...derived,
    });
  }
}
