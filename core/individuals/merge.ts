// Merging individuals: the sources' tracklets join the target and the sources keep a pointer to it (so links,
// history and undo keep working). Call inside a transaction, then core/reid's individualsChanged with the result.
import type { Db } from '../db/open';
import { getIndividual } from './assign';
import { IndividualsError } from './errors';
import { assertOnePerPhoto, IDS, idList, memberTracklets } from './members';

interface Attributes {
  notes: string;
  sex: string | null;
  ageClass: string | null;
}

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
  const attrs = db.$client.prepare('SELECT notes, sex, age_class AS ageClass FROM individuals WHERE id = ?');
  const all = [targetId, ...sources].map((id) => attrs.get(id) as Attributes);
  db.$client.prepare('UPDATE individuals SET notes = ?, sex = ?, age_class = ? WHERE id = ?').run(
    all
      .map((a) => a.notes)
      .filter((n) => n !== '')
      .join('\n'),
    all.find((a) => a.sex !== null)?.sex ?? null,
    all.find((a) => a.ageClass !== null)?.ageClass ?? null,
    targetId,
  );
  db.$client
    .prepare(`UPDATE tracklets SET individual_id = ? WHERE individual_id IN ${IDS}`)
    .run(targetId, idList(sources));
  // Pointers stay one hop deep: whatever pointed at a source now points at the target.
  db.$client
    .prepare(`UPDATE individuals SET merged_into = ? WHERE id IN ${IDS} OR merged_into IN ${IDS}`)
    .run(targetId, idList(sources), idList(sources));
  return [targetId, ...sources];
}
