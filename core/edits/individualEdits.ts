// Edits of individuals: rename, notes, cover, confirmed, sex and age class, merge, split. Each is one journalled transaction
// (runEdit) and returns the contract's EditResult.
import { and, eq, inArray, not } from 'drizzle-orm';
import { anyOf } from '../db/idList';
import type { Db } from '../db/open';
import { detections, individuals, tracklets } from '../db/schema';
import { getIndividual, IndividualsError, mergeIndividuals, splitDetections } from '../individuals';
import { runEdit, type EditResult } from './journal';
import { membersChanged, refreshTrackletEmbeddings, trackletsOf } from './maintenance';

type IndividualColumns = Partial<typeof individuals.$inferInsert>;

function setColumns(db: Db, kind: string, args: { individualId: number }, values: IndividualColumns): EditResult {
  return runEdit(db, kind, args, () => {
    getIndividual(db, args.individualId);
    db.update(individuals).set(values).where(eq(individuals.id, args.individualId)).run();
    return [args.individualId];
  });
}

export function rename(db: Db, args: { individualId: number; name: string }): EditResult {
  const name = args.name.trim();
  if (name === '') throw new IndividualsError('a name cannot be empty');
  return setColumns(db, 'rename', args, { name });
}

export function setNotes(db: Db, args: { individualId: number; notes: string }): EditResult {
  return setColumns(db, 'setNotes', args, { notes: args.notes });
}

export function confirm(db: Db, args: { individualId: number; confirmed: boolean }): EditResult {
  return setColumns(db, 'confirm', args, { confirmed: args.confirmed });
}

export function setCover(db: Db, args: { individualId: number; detectionId: number }): EditResult {
  const member = db
    .select({ id: detections.id })
    .from(detections)
    .innerJoin(tracklets, eq(tracklets.id, detections.trackletId))
    .where(
      and(
        eq(detections.id, args.detectionId),
        eq(tracklets.individualId, args.individualId),
        not(detections.falsePositive),
      ),
    )
    .get();
  if (!member)
    throw new IndividualsError(`detection ${args.detectionId} is not one of individual ${args.individualId}'s`);
  // A picked cover stays while it is a member (core/individuals/derived.ts).
  return setColumns(db, 'setCover', args, { coverDetectionId: args.detectionId, coverByUser: true });
}

export interface Traits {
  individualId: number;
  /** Omitted: unchanged; null: unknown. */
  sex?: string | null;
  ageClass?: string | null;
}

/**
 * Sets an individual's own sex and/or age class. Suggestions exclude pairs whose known classes differ, so its
 * suggestions (and those pointing at it) are recomputed in the same edit.
 */
export function setTraits(db: Db, args: Traits): EditResult {
  const clean = (v: string | null | undefined) =>
    v === undefined || v === null ? v : v.trim() === '' ? null : v.trim();
  const sex = clean(args.sex);
  const ageClass = clean(args.ageClass);
  return runEdit(db, 'setTraits', args, () => {
    getIndividual(db, args.individualId);
    const values: IndividualColumns = {
      ...(sex !== undefined ? { sex } : {}),
      ...(ageClass !== undefined ? { ageClass } : {}),
    };
    if (Object.keys(values).length > 0)
      db.update(individuals).set(values).where(eq(individuals.id, args.individualId)).run();
    membersChanged(db, [args.individualId]);
    return [args.individualId];
  });
}

/** Merges the sources into the target (the target keeps its name and cover). */
export function merge(db: Db, args: { targetId: number; sourceIds: number[] }): EditResult {
  return runEdit(db, 'merge', args, () => {
    const changed = mergeIndividuals(db, args.targetId, args.sourceIds);
    membersChanged(db, changed);
    return changed;
  });
}

export interface SplitArgs {
  detectionIds?: number[];
  trackletIds?: number[];
  /** Move them into this individual; a new one is made when absent. */
  intoIndividualId?: number;
}

/** Splits detections and/or whole tracklets off; the individual that received them is listed first. */
export function split(db: Db, args: SplitArgs): EditResult {
  return runEdit(db, 'split', args, () => {
    const fromTracklets = db
      .select({ id: detections.id })
      .from(detections)
      .where(inArray(detections.trackletId, anyOf(args.trackletIds ?? [])))
      .orderBy(detections.id)
      .all()
      .map((r) => r.id);
    const detectionIds = [...new Set([...(args.detectionIds ?? []), ...fromTracklets])];
    const before = trackletsOf(db, detectionIds);
    const result = splitDetections(db, detectionIds, args.intoIndividualId);
    refreshTrackletEmbeddings(db, [...before, ...trackletsOf(db, detectionIds)]);
    membersChanged(db, result.changed);
    return [result.individualId, ...result.changed];
  });
}
