// Listings of the re-identification results, as the CLI prints them (`thumper sequences|individuals|suggestions`).
import { and, count, desc, eq, isNull, not, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { cameras, detections, images, individuals, sequences, suggestions, tracklets } from '../db/schema';

export interface SequenceListing {
  id: number;
  camera: string | null;
  start: string | null;
  end: string | null;
  photos: number[];
}

export interface IndividualListing {
  id: number;
  name: string;
  category: string;
  sex: string | null;
  age: string | null;
  /** "deer" or another species by name. */
  species: string;
  tracklets: number;
  detections: number;
  firstSeen: string | null;
  lastSeen: string | null;
  cameras: string[];
  /** The photo id of each of its detections (a photo appears once per detection). */
  photos: number[];
}

export interface SuggestionListing {
  id: number;
  individual: number;
  candidate: number;
  score: number;
  rank: number;
  appearance: number;
  timeGapSeconds: number | null;
  sameCamera: boolean;
  embedder: string;
}

const ids = (list: string | null) => (list ? list.split(',').map(Number) : []);

export function listSequences(db: Db): SequenceListing[] {
  const photos = sql<string | null>`(SELECT group_concat(id) FROM (SELECT ${images.id} AS id FROM ${images}
    WHERE ${images.sequenceId} = ${sequences.id} ORDER BY ${images.takenAt}, ${images.triggerFrame}, ${images.id}))`;
  const rows = db
    .select({ id: sequences.id, camera: cameras.name, start: sequences.start, end: sequences.end, photos })
    .from(sequences)
    .leftJoin(cameras, eq(cameras.id, sequences.cameraId))
    .orderBy(sequences.cameraId, sequences.start, sequences.id)
    .all();
  return rows.map((r) => ({ ...r, photos: ids(r.photos) }));
}

/** Individuals that are not merged into another. */
export function listIndividuals(db: Db): IndividualListing[] {
  // Correlated subqueries built with their own joins, so every column in them is qualified.
  const mine = eq(tracklets.individualId, individuals.id);
  const trackletCount = db.select({ n: count() }).from(tracklets).where(mine);
  const cameraNames = db
    .selectDistinct({ name: cameras.name })
    .from(tracklets)
    .innerJoin(sequences, eq(sequences.id, tracklets.sequenceId))
    .innerJoin(cameras, eq(cameras.id, sequences.cameraId))
    .where(mine)
    .orderBy(cameras.name);
  const photoIds = db
    .select({ imageId: detections.imageId })
    .from(detections)
    .innerJoin(tracklets, eq(tracklets.id, detections.trackletId))
    .where(and(mine, not(detections.falsePositive)))
    .orderBy(detections.id);
  const rows = db
    .select({
      id: individuals.id,
      name: individuals.name,
      category: individuals.category,
      sex: individuals.sex,
      age: individuals.ageClass,
      species: individuals.species,
      tracklets: sql<number>`(${trackletCount})`,
      detections: individuals.detectionCount,
      firstSeen: individuals.firstSeen,
      lastSeen: individuals.lastSeen,
      cameras: sql<string | null>`(SELECT group_concat(name, ${'\n'}) FROM (${cameraNames}))`,
      photos: sql<string | null>`(SELECT group_concat(image_id) FROM (${photoIds}))`,
    })
    .from(individuals)
    .where(isNull(individuals.mergedInto))
    .orderBy(individuals.id)
    .all();
  return rows.map((r) => ({ ...r, cameras: r.cameras ? r.cameras.split('\n') : [], photos: ids(r.photos) }));
}

/** Pending suggestions, most likely first. */
export function listPendingSuggestions(db: Db): SuggestionListing[] {
  return db
    .select({
      id: suggestions.id,
      individual: suggestions.individualId,
      candidate: suggestions.candidateId,
      score: suggestions.score,
      rank: suggestions.rank,
      appearance: suggestions.appearance,
      timeGapSeconds: suggestions.timeGapSeconds,
      sameCamera: suggestions.sameCamera,
      embedder: suggestions.embedder,
    })
    .from(suggestions)
    .where(eq(suggestions.state, 'pending'))
    .orderBy(desc(suggestions.score), suggestions.id)
    .all();
}
