// Everything about an individual that follows from its members is computed here and only here: the detection
// count, first and last seen, the cover (a person's pick while it is still a member, else the best detection), the
// species and sex/age class (from the detections unless a person set them) and the embedding. Members are the
// detections of its tracklets that are not marked false.
import type { Db } from '../db/open';
import { decodeVector, encodeVector, meanOfNormalised } from './embedding';
import { isProvisional, provisionalName } from './names';
import { majoritySexAge } from './sexAge';
import { speciesOfDetections } from './species';

const MEMBERS = `FROM detections d JOIN tracklets t ON t.id = d.tracklet_id JOIN images i ON i.id = d.image_id
                 WHERE t.individual_id = @id AND NOT d.false_positive`;

interface Stats {
  n: number;
  first: string | null;
  last: string | null;
}

function stats(db: Db, id: number): Stats {
  return db.$client
    .prepare(`SELECT count(*) AS n, min(i.taken_at) AS first, max(i.taken_at) AS last ${MEMBERS}`)
    .get({ id }) as Stats;
}

/**
 * The best detection to show: size x confidence x quality (the crop's sharpness and daylight; 0.5 until measured).
 * Boxes touching the photo's edge show part of the animal, so they count half.
 */
const COVER_SCORE = `(d.w * d.h) * d.confidence * coalesce(d.quality, 0.5)
  * CASE WHEN d.x < 0.005 OR d.y < 0.005 OR d.x + d.w > 0.995 OR d.y + d.h > 0.995 THEN 0.5 ELSE 1 END`;

function cover(db: Db, id: number, current: number | null, byUser: boolean): number | null {
  if (current !== null && byUser) {
    const still = db.$client.prepare(`SELECT 1 ${MEMBERS} AND d.id = @cover`).get({ id, cover: current });
    if (still) return current;
  }
  const best = db.$client
    .prepare(`SELECT d.id ${MEMBERS} AND NOT d.duplicate ORDER BY ${COVER_SCORE} DESC, d.id LIMIT 1`)
    .get({ id }) as { id: number } | undefined;
  return best?.id ?? null;
}

interface Traits {
  species: string;
  speciesByUser: number;
  sexAge: string | null;
  sexAgeByUser: number;
}

/** Species and sex/age class from the members, where a person has not set them. */
function traits(db: Db, id: number, row: Traits): { species: string; sexAge: string | null } {
  const members = db.$client
    .prepare(`SELECT d.raw_label AS rawLabel, d.confidence, d.sex_age AS sexAge ${MEMBERS} ORDER BY d.id`)
    .all({ id }) as { rawLabel: string; confidence: number; sexAge: string | null }[];
  return {
    species: row.speciesByUser ? row.species : (speciesOfDetections(members) ?? row.species),
    sexAge: row.sexAgeByUser ? row.sexAge : majoritySexAge(members.map((m) => m.sexAge)),
  };
}

/** The individual's embedding: its tracklets' embeddings combined (tracklets without one are left out). */
export function individualEmbedding(db: Db, id: number): Float32Array | null {
  const rows = db.$client
    .prepare('SELECT embedding FROM tracklets WHERE individual_id = ? AND embedding IS NOT NULL ORDER BY id')
    .all(id) as { embedding: Buffer }[];
  return meanOfNormalised(rows.map((r) => decodeVector(r.embedding)));
}

/** Recomputes the derived columns of these individuals (ids that no longer exist are ignored). */
export function refreshDerived(db: Db, ids: Iterable<number>): void {
  const read = db.$client.prepare(
    `SELECT name, cover_detection_id AS cover, cover_by_user AS coverByUser, species, species_by_user AS speciesByUser,
       sex_age AS sexAge, sex_age_by_user AS sexAgeByUser FROM individuals WHERE id = ?`,
  );
  const write = db.$client.prepare(
    `UPDATE individuals SET detection_count = @n, first_seen = @first, last_seen = @last,
       cover_detection_id = @cover, cover_by_user = @coverByUser, embedding = @embedding, species = @species,
       sex_age = @sexAge WHERE id = @id`,
  );
  const rename = db.$client.prepare('UPDATE individuals SET name = ? WHERE id = ?');
  for (const id of new Set(ids)) {
    const row = read.get(id) as (Traits & { name: string; cover: number | null; coverByUser: number }) | undefined;
    if (!row) continue;
    const derived = traits(db, id, row);
    // A provisional name follows the species its labels give ("Deer 8" that turns out a zebra is "Zebra 1").
    if (derived.species !== row.species && isProvisional(row.name, row.species))
      rename.run(provisionalName(db, 'animal', derived.species), id);
    const s = stats(db, id);
    const embedding = individualEmbedding(db, id);
    const chosen = cover(db, id, row.cover, row.coverByUser === 1);
    write.run({
      id,
      ...s,
      cover: chosen,
      // A picked cover that left the individual gives way to the best one, and so does the pick.
      coverByUser: row.coverByUser === 1 && chosen === row.cover ? 1 : 0,
      embedding: embedding ? encodeVector(embedding) : null,
      ...derived,
    });
  }
}
