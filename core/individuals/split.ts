// Splitting detections out of their individuals. Individuals are made of tracklets, so a detection moves inside a
// tracklet: a whole tracklet moves when all its detections are selected, otherwise the selected ones go into a new
// tracklet of the same sequence. Call inside a transaction, then core/reid's individualsChanged with the individuals
// changed.
import { count, eq, inArray, sql } from 'drizzle-orm';
import { anyOf, anyOfPlaceholder, idsParam } from '../db/idList';
import { preparedOnce } from '../db/prepared';
import type { Db } from '../db/open';
import { detections, images, tracklets, type Category } from '../db/schema';
import { assignTracklets, createIndividual } from './assign';
import { IndividualsError } from './errors';
import { pruneEmptyIndividuals, pruneEmptyTracklets } from './prune';

type SelectedDetection = ReturnType<typeof selectDetections>[number];

export interface SplitResult {
  /** The individual the detections now belong to. */
  individualId: number;
  /** Every individual whose members changed. */
  changed: number[];
}

// Prepared once per connection: every split, correction and marked false detection reads these.
const selectedStatement = preparedOnce((db) =>
  db
    .select({
      id: detections.id,
      trackletId: detections.trackletId,
      individualId: tracklets.individualId,
      falsePositive: detections.falsePositive,
      category: sql<Category>`coalesce(${tracklets.category}, ${detections.category})`,
      /** The tracklet's sequence, or the photo's when the detection has no tracklet. */
      sequenceId: sql<number | null>`coalesce(${tracklets.sequenceId}, ${images.sequenceId})`,
    })
    .from(detections)
    .innerJoin(images, eq(images.id, detections.imageId))
    .leftJoin(tracklets, eq(tracklets.id, detections.trackletId))
    .where(inArray(detections.id, anyOfPlaceholder('ids')))
    .orderBy(detections.id)
    .prepare(),
);

const holdersStatement = preparedOnce((db) =>
  db
    .selectDistinct({ tracklet: tracklets.id, individual: tracklets.individualId })
    .from(detections)
    .innerJoin(tracklets, eq(tracklets.id, detections.trackletId))
    .where(inArray(detections.id, anyOfPlaceholder('ids')))
    .prepare(),
);

const detachStatement = preparedOnce((db) =>
  db
    .update(detections)
    .set({ trackletId: null })
    .where(inArray(detections.id, anyOfPlaceholder('ids')))
    .prepare(),
);

function selectDetections(db: Db, detectionIds: readonly number[]) {
  const rows = selectedStatement(db).all({ ids: idsParam(detectionIds) });
  if (rows.length !== new Set(detectionIds).size) throw new IndividualsError('some of these detections do not exist');
  if (rows.length === 0) throw new IndividualsError('select at least one detection to split');
  const marked = rows.find((r) => r.falsePositive);
  if (marked) throw new IndividualsError(`detection ${marked.id} is marked as a false detection`);
  if (new Set(rows.map((r) => r.category)).size > 1) throw new IndividualsError('these detections mix categories');
  return rows;
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

/**
 * The tracklets that carry exactly the selected detections: whole tracklets where all their detections are
 * selected, new ones (one per source tracklet, or per sequence for detections without a tracklet) otherwise.
 */
function carryingTracklets(db: Db, selected: readonly SelectedDetection[]): number[] {
  const size = (trackletId: number) =>
    db.select({ n: count() }).from(detections).where(eq(detections.trackletId, trackletId)).get()?.n ?? 0;
  const out: number[] = [];
  for (const [key, group] of groupBy(selected, (d) =>
    d.trackletId !== null ? `t${d.trackletId}` : `s${d.sequenceId}`,
  )) {
    const first = group[0]!;
    if (first.trackletId !== null && size(first.trackletId) === group.length) {
      out.push(first.trackletId);
      continue;
    }
    if (first.sequenceId === null)
      throw new IndividualsError(`detection ${first.id}'s photo has no sequence yet (${key})`);
    // A new tracklet starts with its source's embedding: the closest estimate until the embedder recomputes it.
    const { id } = db
      .insert(tracklets)
      .values({
        sequenceId: first.sequenceId,
        category: first.category,
        embedding: sql`(SELECT ${tracklets.embedding} FROM ${tracklets} WHERE ${tracklets.id} = ${first.trackletId})`,
      })
      .returning({ id: tracklets.id })
      .get();
    db.update(detections)
      .set({ trackletId: id })
      .where(inArray(detections.id, anyOf(group.map((d) => d.id))))
      .run();
    out.push(id);
  }
  return out;
}

/** Moves detections into a new individual, or into `into`. */
export function splitDetections(db: Db, detectionIds: readonly number[], into?: number): SplitResult {
  const selected = selectDetections(db, detectionIds);
  const sources = [...new Set(selected.flatMap((d) => (d.individualId === null ? [] : [d.individualId])))];
  const tracklets = carryingTracklets(db, selected);
  const individualId = into ?? createIndividual(db, tracklets);
  const moved = into === undefined ? [individualId] : assignTracklets(db, into, tracklets);
  // Source tracklets that kept some detections stay with their individual, whose counts still changed.
  return { individualId, changed: [...new Set([...moved, ...sources])] };
}

/** Takes detections out of their tracklets (a false detection, a category change); empty tracklets and individuals go. */
export function detachDetections(db: Db, detectionIds: readonly number[]): number[] {
  const bound = { ids: idsParam(detectionIds) };
  const before = holdersStatement(db).all(bound);
  detachStatement(db).run(bound);
  pruneEmptyTracklets(
    db,
    before.map((r) => r.tracklet),
  );
  const individuals = [...new Set(before.flatMap((r) => (r.individual === null ? [] : [r.individual])))];
  pruneEmptyIndividuals(db, individuals);
  return individuals;
}
