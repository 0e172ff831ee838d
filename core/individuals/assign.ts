// Creating individuals and moving tracklets between them: what the re-identification pipeline and user edits share.
// These functions do not open a transaction: call them inside one (inTransaction), so a broken rule rolls back.
// They change membership only: pass the individuals they return to core/reid's individualsChanged, the one place
// that brings derived columns, vectors and suggestions up to date.
import type { Db } from '../db/open';
import type { Category } from '../db/schema';
import { IndividualsError } from './errors';
import { assertOnePerPhoto, IDS, idList, memberTracklets } from './members';
import { provisionalName } from './names';
import { pruneEmptyIndividuals } from './prune';

interface IndividualRow {
  id: number;
  category: Category;
  mergedInto: number | null;
}

export function getIndividual(db: Db, id: number): IndividualRow {
  const row = db.$client
    .prepare('SELECT id, category, merged_into AS mergedInto FROM individuals WHERE id = ?')
    .get(id) as IndividualRow | undefined;
  if (!row) throw new IndividualsError(`individual ${id} does not exist`);
  if (row.mergedInto !== null) throw new IndividualsError(`individual ${id} was merged into ${row.mergedInto}`);
  return row;
}

/** The one category of these tracklets; throws when one is missing or they mix categories. */
function trackletCategory(db: Db, trackletIds: readonly number[]): Category {
  const rows = db.$client
    .prepare(`SELECT category, count(*) AS n FROM tracklets WHERE id IN ${IDS} GROUP BY category`)
    .all(idList(trackletIds)) as { category: Category; n: number }[];
  const found = rows.reduce((s, r) => s + r.n, 0);
  if (found !== new Set(trackletIds).size) throw new IndividualsError('some of these tracklets do not exist');
  if (rows.length !== 1)
    throw new IndividualsError(`these tracklets mix categories (${rows.map((r) => r.category).join(', ')})`);
  return rows[0]!.category;
}

/**
 * Moves tracklets to an individual; the individuals they leave are deleted when left empty.
 * Returns every individual whose members changed (the target first).
 */
function moveTracklets(db: Db, targetId: number, trackletIds: readonly number[]): number[] {
  assertOnePerPhoto(db, [...memberTracklets(db, targetId), ...trackletIds]);
  const previous = (
    db.$client
      .prepare(
        `SELECT DISTINCT individual_id AS id FROM tracklets WHERE id IN ${IDS} AND individual_id IS NOT NULL AND individual_id != ?`,
      )
      .all(idList(trackletIds), targetId) as { id: number }[]
  ).map((r) => r.id);
  db.$client.prepare(`UPDATE tracklets SET individual_id = ? WHERE id IN ${IDS}`).run(targetId, idList(trackletIds));
  pruneEmptyIndividuals(db, previous);
  return [targetId, ...previous];
}

export interface CreateOptions {
  /** Defaults to the next provisional name ("Deer 17"). */
  name?: string;
}

/** A new individual made of these tracklets (taken from whatever individual held them). Returns its id. */
export function createIndividual(db: Db, trackletIds: readonly number[], options: CreateOptions = {}): number {
  if (trackletIds.length === 0) throw new IndividualsError('an individual needs at least one tracklet');
  const category = trackletCategory(db, trackletIds);
  assertOnePerPhoto(db, trackletIds);
  const name = options.name ?? provisionalName(db, category);
  const { lastInsertRowid } = db.$client
    .prepare('INSERT INTO individuals (name, category) VALUES (?, ?)')
    .run(name, category);
  const id = Number(lastInsertRowid);
  moveTracklets(db, id, trackletIds);
  return id;
}

/** Adds tracklets to an existing individual. Returns the individuals whose members changed. */
export function assignTracklets(db: Db, individualId: number, trackletIds: readonly number[]): number[] {
  const target = getIndividual(db, individualId);
  if (trackletIds.length === 0) return [];
  const category = trackletCategory(db, trackletIds);
  if (category !== target.category)
    throw new IndividualsError(`individual ${individualId} is a ${target.category}, these tracklets are ${category}`);
  return moveTracklets(db, individualId, trackletIds);
}
