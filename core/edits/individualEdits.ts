// Edits of individuals: rename, notes, cover, confirmed, sex and age class, merge, split. Each is one journalled transaction
// (runEdit) and returns the contract's EditResult.
import type { Db } from '../db/open';
import { getIndividual, IndividualsError, mergeIndividuals, splitDetections } from '../individuals';
import { IDS, idList } from '../individuals/members';
import { runEdit, type EditResult } from './journal';
import { membersChanged, refreshTrackletEmbeddings, trackletsOf } from './maintenance';

function setColumn(
  db: Db,
  kind: string,
  args: { individualId: number },
  column: string,
  value: string | number,
): EditResult {
  return runEdit(db, kind, args, () => {
    getIndividual(db, args.individualId);
    db.$client.prepare(`UPDATE individuals SET ${column} = ? WHERE id = ?`).run(value, args.individualId);
    return [args.individualId];
  });
}

export function rename(db: Db, args: { individualId: number; name: string }): EditResult {
  const name = args.name.trim();
  if (name === '') throw new IndividualsError('a name cannot be empty');
  return setColumn(db, 'rename', args, 'name', name);
}

export function setNotes(db: Db, args: { individualId: number; notes: string }): EditResult {
  return setColumn(db, 'setNotes', args, 'notes', args.notes);
}

export function confirm(db: Db, args: { individualId: number; confirmed: boolean }): EditResult {
  return setColumn(db, 'confirm', args, 'confirmed', args.confirmed ? 1 : 0);
}

export function setCover(db: Db, args: { individualId: number; detectionId: number }): EditResult {
  const member = db.$client
    .prepare(
      'SELECT 1 FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE d.id = ? AND t.individual_id = ? AND NOT d.false_positive',
    )
    .get(args.detectionId, args.individualId);
  if (!member)
    throw new IndividualsError(`detection ${args.detectionId} is not one of individual ${args.individualId}'s`);
  // A picked cover stays while it is a member (core/individuals/derived.ts).
  return runEdit(db, 'setCover', args, () => {
    getIndividual(db, args.individualId);
    db.$client
      .prepare('UPDATE individuals SET cover_detection_id = ?, cover_by_user = 1 WHERE id = ?')
      .run(args.detectionId, args.individualId);
    return [args.individualId];
  });
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
    db.$client
      .prepare(
        'UPDATE individuals SET sex = CASE WHEN ? THEN ? ELSE sex END, age_class = CASE WHEN ? THEN ? ELSE age_class END WHERE id = ?',
      )
      .run(sex !== undefined ? 1 : 0, sex ?? null, ageClass !== undefined ? 1 : 0, ageClass ?? null, args.individualId);
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
    const fromTracklets = (
      db.$client
        .prepare(`SELECT id FROM detections WHERE tracklet_id IN ${IDS} ORDER BY id`)
        .all(idList(args.trackletIds ?? [])) as {
        id: number;
      }[]
    ).map((r) => r.id);
    const detectionIds = [...new Set([...(args.detectionIds ?? []), ...fromTracklets])];
    const before = trackletsOf(db, detectionIds);
    const result = splitDetections(db, detectionIds, args.intoIndividualId);
    refreshTrackletEmbeddings(db, [...before, ...trackletsOf(db, detectionIds)]);
    membersChanged(db, result.changed);
    return [result.individualId, ...result.changed];
  });
}
