// Merging individuals: the sources' tracklets join the target and the sources keep a pointer to it (so links,
// history and undo keep working). Call inside a transaction, then core/reid's individualsChanged with the result.
import { eq, inArray, or, sql } from 'drizzle-orm';
import { anyOfPlaceholder, idsParam } from '../db/idList';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { individuals, tracklets } from '../db/schema';
import { getIndividual } from './assign';
import { IndividualsError } from './errors';
import { assertOnePerPhoto, memberTracklets } from './members';

const IDS = anyOfPlaceholder('ids');
const value = (name: string) => sql`${sql.placeholder(name)}`;

// Prepared once per connection: every merge and every accepted suggestion runs these.
const attributesStatement = preparedOnce((db) =>
  db
    .select({ id: individuals.id, notes: individuals.notes, sex: individuals.sex, ageClass: individuals.ageClass })
    .from(individuals)
    .where(inArray(individuals.id, IDS))
    .prepare(),
);

const keepStatement = preparedOnce((db) =>
  db
    .update(individuals)
    .set({ notes: value('notes'), sex: value('sex'), ageClass: value('ageClass') })
    .where(eq(individuals.id, value('target')))
    .prepare(),
);

const joinStatement = preparedOnce((db) =>
  db
    .update(tracklets)
    .set({ individualId: value('target') })
    .where(inArray(tracklets.individualId, IDS))
    .prepare(),
);

const pointStatement = preparedOnce((db) =>
  db
    .update(individuals)
    .set({ mergedInto: value('target') })
    .where(or(inArray(individuals.id, IDS), inArray(individuals.mergedInto, IDS)))
    .prepare(),
);

/** Merges `sourceIds` into `targetId`. Returns every individual changed (the target first). */
export function mergeIndividuals(db: Db, targetId: number, sourceIds: readonly number[]): number[] {
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId);
  if (sources.length === 0) throw new IndividualsError('merge needs at least two different individuals');
  const target = getIndividual(db, targetId);
  for (const id of sources) {
    const source = getIndividual(db, id);
    if (source.category !== target.category)
      throw new IndividualsError(`cannot merge a ${source.category} into a ${target.category}`);
  }
  const moving = sources.flatMap((id) => memberTracklets(db, id));
  assertOnePerPhoto(db, [...memberTracklets(db, targetId), ...moving]);

  // What people wrote about any of them is kept; sex and age come from the first one that knows them.
  const rows = attributesStatement(db).all({ ids: idsParam([targetId, ...sources]) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const all = [targetId, ...sources].flatMap((id) => byId.get(id) ?? []);
  keepStatement(db).run({
    target: targetId,
    notes: all
      .map((a) => a.notes)
      .filter((n) => n !== '')
      .join('\n'),
    sex: all.find((a) => a.sex !== null)?.sex ?? null,
    ageClass: all.find((a) => a.ageClass !== null)?.ageClass ?? null,
  });
  const bound = { ids: idsParam(sources), target: targetId };
  joinStatement(db).run(bound);
  // Pointers stay one hop deep: whatever pointed at a source now points at the target.
  pointStatement(db).run(bound);
  return [targetId, ...sources];
}
