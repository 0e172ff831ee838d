// Creating individuals and moving tracklets between them: what the re-identification pipeline and user edits share.
// These functions do not open a transaction: call them inside one (inTransaction), so a broken rule rolls back.
// They change membership only: pass the individuals they return to core/reid's individualsChanged, the one place
// that brings derived columns, vectors and suggestions up to date.
import { and, count, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { anyOfPlaceholder, idsParam } from '../db/idList';
import { preparedOnce } from '../db/prepared';
import type { Db } from '../db/open';
import { individuals, tracklets, type Category } from '../db/schema';
import { IndividualsError } from './errors';
import { assertOnePerPhoto, memberTracklets } from './members';
import { provisionalName } from './names';
import { pruneEmptyIndividuals } from './prune';

const IDS = anyOfPlaceholder('ids');

// Prepared once per connection: every edit and every new individual of the match stage runs these.
const individualStatement = preparedOnce((db) =>
  db
    .select({ id: individuals.id, category: individuals.category, mergedInto: individuals.mergedInto })
    .from(individuals)
    .where(eq(individuals.id, sql.placeholder('id')))
    .prepare(),
);

const categoriesStatement = preparedOnce((db) =>
  db
    .select({ category: tracklets.category, n: count() })
    .from(tracklets)
    .where(inArray(tracklets.id, IDS))
    .groupBy(tracklets.category)
    .prepare(),
);

const holdersStatement = preparedOnce((db) =>
  db
    .selectDistinct({ id: tracklets.individualId })
    .from(tracklets)
    .where(
      and(
        inArray(tracklets.id, IDS),
        isNotNull(tracklets.individualId),
        ne(tracklets.individualId, sql.placeholder('target')),
      ),
    )
    .prepare(),
);

const moveStatement = preparedOnce((db) =>
  db
    .update(tracklets)
    .set({ individualId: sql`${sql.placeholder('target')}` })
    .where(inArray(tracklets.id, IDS))
    .prepare(),
);

export function getIndividual(db: Db, id: number): { id: number; category: Category; mergedInto: number | null } {
  const row = individualStatement(db).get({ id });
  if (!row) throw new IndividualsError(`individual ${id} does not exist`);
  if (row.mergedInto !== null) throw new IndividualsError(`individual ${id} was merged into ${row.mergedInto}`);
  return row;
}

/** The one category of these tracklets; throws when one is missing or they mix categories. */
function trackletCategory(db: Db, trackletIds: readonly number[]): Category {
  const rows = categoriesStatement(db).all({ ids: idsParam(trackletIds) });
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
  const bound = { ids: idsParam(trackletIds), target: targetId };
  const previous = holdersStatement(db)
    .all(bound)
    .flatMap((r) => (r.id === null ? [] : [r.id]));
  moveStatement(db).run(bound);
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
  const { id } = db.insert(individuals).values({ name, category }).returning({ id: individuals.id }).get();
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
