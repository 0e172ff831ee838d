// Splitting detections out of their individuals. Individuals are made of tracklets, so a detection moves inside a
// tracklet: a whole tracklet moves when all its detections are selected, otherwise the selected ones go into a new
// tracklet of the same sequence. Call inside a transaction, then core/reid's individualsChanged with the individuals
// changed.
import type { Db } from '../db/open';
import type { Category } from '../db/schema';
import { assignTracklets, createIndividual } from './assign';
import { IndividualsError } from './errors';
import { IDS, idList } from './members';
import { pruneEmptyIndividuals, pruneEmptyTracklets } from './prune';

interface SelectedDetection {
  id: number;
  trackletId: number | null;
  individualId: number | null;
  falsePositive: number;
  category: Category;
  /** The tracklet's sequence, or the photo's when the detection has no tracklet. */
  sequenceId: number | null;
}

export interface SplitResult {
  /** The individual the detections now belong to. */
  individualId: number;
  /** Every individual whose members changed. */
  changed: number[];
}

function selectDetections(db: Db, detectionIds: readonly number[]): SelectedDetection[] {
  const rows = db.$client
    .prepare(
      `SELECT d.id, d.tracklet_id AS trackletId, t.individual_id AS individualId, d.false_positive AS falsePositive,
              coalesce(t.category, d.category) AS category, coalesce(t.sequence_id, i.sequence_id) AS sequenceId
       FROM detections d JOIN images i ON i.id = d.image_id LEFT JOIN tracklets t ON t.id = d.tracklet_id
       WHERE d.id IN ${IDS} ORDER BY d.id`,
    )
    .all(idList(detectionIds)) as SelectedDetection[];
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
  const size = db.$client.prepare('SELECT count(*) AS n FROM detections WHERE tracklet_id = ?');
  // A new tracklet starts with its source's embedding: the closest estimate until the embedder recomputes it.
  const create = db.$client.prepare(
    `INSERT INTO tracklets (sequence_id, category, embedding)
     VALUES (@sequenceId, @category, (SELECT embedding FROM tracklets WHERE id = @source))`,
  );
  const move = db.$client.prepare(`UPDATE detections SET tracklet_id = ? WHERE id IN ${IDS}`);
  const out: number[] = [];
  for (const [key, group] of groupBy(selected, (d) =>
    d.trackletId !== null ? `t${d.trackletId}` : `s${d.sequenceId}`,
  )) {
    const first = group[0]!;
    if (first.trackletId !== null && (size.get(first.trackletId) as { n: number }).n === group.length) {
      out.push(first.trackletId);
      continue;
    }
    if (first.sequenceId === null)
      throw new IndividualsError(`detection ${first.id}'s photo has no sequence yet (${key})`);
    const id = Number(
      create.run({ sequenceId: first.sequenceId, category: first.category, source: first.trackletId }).lastInsertRowid,
    );
    move.run(id, idList(group.map((d) => d.id)));
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
  const list = idList(detectionIds);
  const before = db.$client
    .prepare(
      `SELECT DISTINCT t.id AS tracklet, t.individual_id AS individual FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE d.id IN ${IDS}`,
    )
    .all(list) as { tracklet: number; individual: number | null }[];
  db.$client.prepare(`UPDATE detections SET tracklet_id = NULL WHERE id IN ${IDS}`).run(list);
  pruneEmptyTracklets(
    db,
    before.map((r) => r.tracklet),
  );
  const individuals = [...new Set(before.flatMap((r) => (r.individual === null ? [] : [r.individual])))];
  pruneEmptyIndividuals(db, individuals);
  return individuals;
}
