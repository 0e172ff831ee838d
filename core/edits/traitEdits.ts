// Species and sex/age class, set with one key on an individual, a selection of individuals or of detections. Each
// call is one journalled edit; the upkeep (suggestions superseded and recomputed, an individual's class following
// its detections) runs inside it so undo restores everything.
import type { SexAgeClass } from '../contract';
import type { Db } from '../db/open';
import { getIndividual, IndividualsError } from '../individuals';
import { IDS, idList } from '../individuals/members';
import { isProvisional, provisionalName } from '../individuals/names';
import { canonicalSpecies, rememberSpecies } from '../individuals/species';
import { runEdit, type EditResult } from './journal';
import { membersChanged } from './maintenance';

/** Sets the species of these individuals ("deer" or another name, which the library then remembers). */
export function setSpecies(db: Db, args: { individualIds: number[]; species: string }): EditResult {
  if (args.individualIds.length === 0) throw new IndividualsError('choose at least one individual');
  return runEdit(db, 'setSpecies', args, () => {
    const species = canonicalSpecies(db, args.species);
    const ids = [...new Set(args.individualIds)];
    const read = db.$client.prepare('SELECT name, species FROM individuals WHERE id = ?');
    const rename = db.$client.prepare('UPDATE individuals SET name = ? WHERE id = ?');
    for (const id of ids) {
      getIndividual(db, id);
      // A provisional name follows the species ("Deer 8" set to coyote is "Coyote 1"); a name a person gave stays.
      const row = read.get(id) as { name: string; species: string };
      if (row.species !== species && isProvisional(row.name, row.species))
        rename.run(provisionalName(db, 'animal', species), id);
    }
    db.$client
      .prepare(`UPDATE individuals SET species = ?, species_by_user = 1 WHERE id IN ${IDS}`)
      .run(species, idList(ids));
    rememberSpecies(db, species);
    membersChanged(db, ids);
    return ids;
  });
}

export interface SexAgeArgs {
  detectionIds?: number[];
  individualIds?: number[];
  /** null: an individual follows its detections again; a detection's class is cleared. */
  sexAge: SexAgeClass | null;
}

/** Sets the sex/age class of detections (their individuals follow their majority) and of individuals. */
export function setSexAge(db: Db, args: SexAgeArgs): EditResult {
  const detectionIds = [...new Set(args.detectionIds ?? [])];
  const individualIds = [...new Set(args.individualIds ?? [])];
  if (detectionIds.length + individualIds.length === 0)
    throw new IndividualsError('choose at least one detection or individual');
  return runEdit(db, 'setSexAge', args, () => {
    const c = db.$client;
    const found = c.prepare(`SELECT count(*) AS n FROM detections WHERE id IN ${IDS}`).get(idList(detectionIds)) as {
      n: number;
    };
    if (found.n !== detectionIds.length) throw new IndividualsError('some of these detections do not exist');
    for (const id of individualIds) getIndividual(db, id);
    c.prepare(`UPDATE detections SET sex_age = ?, reviewed = 1 WHERE id IN ${IDS}`).run(
      args.sexAge,
      idList(detectionIds),
    );
    c.prepare(`UPDATE individuals SET sex_age = ?, sex_age_by_user = ? WHERE id IN ${IDS}`).run(
      args.sexAge,
      args.sexAge === null ? 0 : 1,
      idList(individualIds),
    );
    const owners = (
      c
        .prepare(
          `SELECT DISTINCT t.individual_id AS id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id
           WHERE d.id IN ${IDS} AND t.individual_id IS NOT NULL`,
        )
        .all(idList(detectionIds)) as { id: number }[]
    ).map((r) => r.id);
    const changed = [...new Set([...individualIds, ...owners])];
    membersChanged(db, changed);
    return changed;
  });
}
