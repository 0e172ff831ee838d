// What the suggestion engine knows about one side of a pair: an individual, or a lone tracklet being matched. The
// exclusions and the where/when parts of the score are computed from these facts.
import type { Db } from '../db/open';
import { sexAgeExcludes } from '../individuals/sexAge';
import type { Sighting } from './scoring';
import { localMillis } from './time';

export interface Subject {
  trackletIds: number[];
  sequenceIds: Set<number>;
  imageIds: Set<number>;
  category: string;
  /** "deer" or another species: candidates are of the same species. */
  species: string;
  sex: string | null;
  ageClass: string | null;
  /** buck, doe, fawn, unknown or null: two different known classes are two animals. */
  sexAge: string | null;
  sightings: Sighting[];
}

interface TrackletFacts {
  id: number;
  sequenceId: number;
  category: string;
  cameraId: number | null;
  start: string | null;
  end: string | null;
  images: string | null;
}

export function trackletSubject(
  db: Db,
  trackletIds: number[],
  traits: Pick<Subject, 'species' | 'sex' | 'ageClass' | 'sexAge'> = {
    species: 'deer',
    sex: null,
    ageClass: null,
    sexAge: null,
  },
): Subject {
  const ids = [...trackletIds].sort((a, b) => a - b);
  const rows =
    ids.length === 0
      ? []
      : (db.$client
          .prepare(
            `SELECT t.id, t.sequence_id AS sequenceId, t.category, s.camera_id AS cameraId,
              min(i.taken_at) AS start, max(i.taken_at) AS "end", group_concat(i.id) AS images
       FROM tracklets t JOIN sequences s ON s.id = t.sequence_id
       LEFT JOIN detections d ON d.tracklet_id = t.id AND NOT d.false_positive
       LEFT JOIN images i ON i.id = d.image_id
       WHERE t.id IN (${ids.join(',')}) GROUP BY t.id ORDER BY t.id`,
          )
          .all() as TrackletFacts[]);
  return {
    trackletIds: ids,
    sequenceIds: new Set(rows.map((r) => r.sequenceId)),
    imageIds: new Set(rows.flatMap((r) => (r.images ? r.images.split(',').map(Number) : []))),
    category: rows[0]?.category ?? 'animal',
    ...traits,
    sightings: rows.map((r) => ({ cameraId: r.cameraId, startMs: localMillis(r.start), endMs: localMillis(r.end) })),
  };
}

export function individualSubject(db: Db, individualId: number): Subject {
  const ind = db.$client
    .prepare('SELECT sex, age_class AS ageClass, sex_age AS sexAge, species, category FROM individuals WHERE id = ?')
    .get(individualId) as Pick<Subject, 'species' | 'sex' | 'ageClass' | 'sexAge' | 'category'> | undefined;
  if (!ind) throw new Error(`individual ${individualId} does not exist`);
  const tracklets = (
    db.$client.prepare('SELECT id FROM tracklets WHERE individual_id = ? ORDER BY id').all(individualId) as {
      id: number;
    }[]
  ).map((r) => r.id);
  return { ...trackletSubject(db, tracklets, ind), category: ind.category };
}

/** Why a pair can never be the same animal, or null when it may be. */
export function exclusionReason(a: Subject, b: Subject): string | null {
  if (a.category !== b.category) return 'different category';
  if (a.species.toLowerCase() !== b.species.toLowerCase()) return 'different species';
  // One sequence is no exclusion: its tracklets that never share a photo may be one animal (joinTracklets.ts).
  for (const i of a.imageIds) if (b.imageIds.has(i)) return 'share a photo';
  if (a.sex && b.sex && a.sex !== b.sex) return 'different sex';
  if (a.ageClass && b.ageClass && a.ageClass !== b.ageClass) return 'different age class';
  if (sexAgeExcludes(a.sexAge, b.sexAge)) return `a ${a.sexAge} is not a ${b.sexAge}`;
  return null;
}

/** Tracklet ids of both sides: a rejected pair stays rejected until either side's members change. */
export const memberSignature = (a: Subject, b: Subject) => `${a.trackletIds.join(',')}|${b.trackletIds.join(',')}`;
