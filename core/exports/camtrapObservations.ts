// Camtrap DP observations: one per detection (media level) and one per animal per sequence (event level).
// Media level: a photo the detector looked at and found nothing in is "blank"; one it never looked at "unclassified".
// Event level: a tracked animal (tracklet) is one observation with count 1 and its individual; boxes not yet tracked
// are counted per category as the most seen in one photo of the sequence, so two deer in one frame count two.
// An individual is its stable id (ctx.individualId); its display name, which people change, is only a comment.
import { DEER } from '../contract';
import type { DetectionRow, IndividualRef, PhotoRow } from './libraryRows';
import { groupBy } from './libraryRows';
import { parseSexAge } from './sexAge';

export const OBSERVATION_COLUMNS = [
  'observationID',
  'deploymentID',
  'mediaID',
  'eventID',
  'eventStart',
  'eventEnd',
  'observationLevel',
  'observationType',
  'cameraSetupType',
  'scientificName',
  'count',
  'lifeStage',
  'sex',
  'behavior',
  'individualID',
  'individualPositionRadius',
  'individualPositionAngle',
  'individualSpeed',
  'bboxX',
  'bboxY',
  'bboxWidth',
  'bboxHeight',
  'classificationMethod',
  'classifiedBy',
  'classificationTimestamp',
  'classificationProbability',
  'observationTags',
  'observationComments',
] as const;

export type ObservationRow = Partial<Record<(typeof OBSERVATION_COLUMNS)[number], string | number>>;

const OBSERVATION_TYPE = { animal: 'animal', person: 'human', vehicle: 'vehicle' } as const;

/** What the observation builders need to know about the photos being exported. */
export interface ObservationContext {
  deploymentId(photo: PhotoRow): string;
  mediaId(photo: PhotoRow): string;
  timestamp(photo: PhotoRow): string;
  /** When a medium ends: a photo's own time, a clip's start plus its length. */
  endTimestamp(photo: PhotoRow): string;
  individualId(individual: IndividualRef): string;
  /** scientificName for animal observations, when the user named the species. */
  species: string | null;
}

export const eventId = (sequenceId: number) => `seq-${sequenceId}`;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const round = (v: number) => Math.round(v * 1e6) / 1e6;

function classification(members: readonly DetectionRow[]): ObservationRow {
  const human = members.some((d) => d.reviewed);
  const models = [...new Set(members.filter((d) => !d.reviewed).map((d) => d.model))];
  return {
    classificationMethod: human ? 'human' : 'machine',
    classifiedBy: human ? undefined : models.join(' | '),
    // A person's decision has no probability; the detector's confidence is one.
    classificationProbability: human ? undefined : round(Math.max(...members.map((d) => d.confidence))),
  };
}

/** The deer's scientific name for deer (and animals in no individual); another species' own name for it. */
function taxon(category: DetectionRow['category'], species: string | null, who?: IndividualRef | null): ObservationRow {
  const name = who && who.species !== DEER ? who.species : species;
  return {
    observationType: OBSERVATION_TYPE[category],
    scientificName: category === 'animal' ? (name ?? undefined) : undefined,
  };
}

function sexAndStage(members: readonly DetectionRow[]): ObservationRow {
  const individual = members.find((d) => d.individual)?.individual;
  // The individual's class (its detections' majority, or a person's word) before any one detection's.
  const { sex, lifeStage } = parseSexAge(
    individual?.sexAge,
    ...members.map((d) => d.sexAge),
    individual?.sex,
    individual?.ageClass,
  );
  return { sex: sex ?? undefined, lifeStage: lifeStage ?? undefined };
}

function individual(who: IndividualRef | null, ctx: ObservationContext): ObservationRow {
  return who ? { individualID: ctx.individualId(who), observationComments: `individual name: ${who.name}` } : {};
}

export function mediaObservations(
  photo: PhotoRow,
  detections: readonly DetectionRow[],
  ctx: ObservationContext,
): ObservationRow[] {
  const base: ObservationRow = {
    deploymentID: ctx.deploymentId(photo),
    mediaID: ctx.mediaId(photo),
    eventID: photo.sequenceId === null ? undefined : eventId(photo.sequenceId),
    eventStart: ctx.timestamp(photo),
    eventEnd: ctx.timestamp(photo),
    observationLevel: 'media',
  };
  if (detections.length === 0) {
    return [
      {
        ...base,
        observationID: `${ctx.mediaId(photo)}-none`,
        observationType: photo.detector ? 'blank' : 'unclassified',
      },
    ];
  }
  return detections.map((d) => {
    const x = clamp01(d.x);
    const y = clamp01(d.y);
    return {
      ...base,
      observationID: `det-${d.id}`,
      ...taxon(d.category, ctx.species, d.individual),
      count: 1,
      ...sexAndStage([d]),
      ...individual(d.individual, ctx),
      bboxX: round(x),
      bboxY: round(y),
      bboxWidth: round(Math.max(1e-6, Math.min(d.w, 1 - x))),
      bboxHeight: round(Math.max(1e-6, Math.min(d.h, 1 - y))),
      ...classification([d]),
    };
  });
}

/** Event-level observations of one sequence (its photos in time order, their exported detections). */
export function eventObservations(
  sequenceId: number,
  photos: readonly PhotoRow[],
  detectionsOf: (photo: PhotoRow) => readonly DetectionRow[],
  ctx: ObservationContext,
): ObservationRow[] {
  const first = photos[0]!;
  const base: ObservationRow = {
    deploymentID: ctx.deploymentId(first),
    eventID: eventId(sequenceId),
    eventStart: ctx.timestamp(first),
    // The latest end: a clip that started first may last past the photos after it.
    eventEnd: photos.map((p) => ctx.endTimestamp(p)).reduce((a, b) => (b > a ? b : a)),
    observationLevel: 'event',
  };
  const all = photos.flatMap((p) => detectionsOf(p));
  if (all.length === 0) {
    const looked = photos.every((p) => p.detector);
    return [
      { ...base, observationID: `${eventId(sequenceId)}-none`, observationType: looked ? 'blank' : 'unclassified' },
    ];
  }
  const rows: ObservationRow[] = [];
  for (const [trackletId, members] of groupBy(
    all.filter((d) => d.trackletId !== null),
    (d) => d.trackletId!,
  )) {
    const who = members.find((d) => d.individual)?.individual ?? null;
    rows.push({
      ...base,
      observationID: `${eventId(sequenceId)}-track-${trackletId}`,
      ...taxon(members[0]!.category, ctx.species, who),
      count: 1,
      ...sexAndStage(members),
      ...individual(who, ctx),
      ...classification(members),
    });
  }
  for (const [category, members] of groupBy(
    all.filter((d) => d.trackletId === null),
    (d) => d.category,
  )) {
    const perPhoto = groupBy(members, (d) => d.imageId);
    rows.push({
      ...base,
      observationID: `${eventId(sequenceId)}-${category}`,
      ...taxon(category, ctx.species),
      count: Math.max(...[...perPhoto.values()].map((list) => list.length)),
      ...classification(members),
    });
  }
  return rows;
}
