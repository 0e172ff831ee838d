// What the suggestion engine knows about one side of a pair: an individual, or a lone tracklet being matched. The
// exclusions and the where/when parts of the score are computed from these facts.
import { and, eq, inArray, max, min, not, sql } from 'drizzle-orm';
import { anyOfPlaceholder, idsParam } from '../db/idList';
import { preparedOnce } from '../db/prepared';
import type { Db } from '../db/open';
import { detections, images, individuals, sequences, tracklets } from '../db/schema';
import { memberTracklets } from '../individuals/members';
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

// Prepared once per connection: ranking reads every candidate's facts.
const factsStatement = preparedOnce((db) =>
  db
    .select({
      sequenceId: tracklets.sequenceId,
      category: tracklets.category,
      cameraId: sequences.cameraId,
      start: min(images.takenAt),
      end: max(images.takenAt),
      images: sql<string | null>`group_concat(${images.id})`,
    })
    .from(tracklets)
    .innerJoin(sequences, eq(sequences.id, tracklets.sequenceId))
    .leftJoin(detections, and(eq(detections.trackletId, tracklets.id), not(detections.falsePositive)))
    .leftJoin(images, eq(images.id, detections.imageId))
    .where(inArray(tracklets.id, anyOfPlaceholder('ids')))
    .groupBy(tracklets.id)
    .orderBy(tracklets.id)
    .prepare(),
);

const traitsStatement = preparedOnce((db) =>
  db
    .select({
      sex: individuals.sex,
      ageClass: individuals.ageClass,
      sexAge: individuals.sexAge,
      species: individuals.species,
      category: individuals.category,
    })
    .from(individuals)
    .where(eq(individuals.id, sql.placeholder('id')))
    .prepare(),
);

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
  const rows = ids.length === 0 ? [] : factsStatement(db).all({ ids: idsParam(ids) });
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
  const ind = traitsStatement(db).get({ id: individualId });
  if (!ind) throw new Error(`individual ${individualId} does not exist`);
  return { ...trackletSubject(db, memberTracklets(db, individualId), ind), category: ind.category };
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
