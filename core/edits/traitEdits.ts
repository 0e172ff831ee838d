// Species and sex/age class, set with one key on an individual, a selection of individuals or of detections. Each
// call is one journalled edit; the upkeep (suggestions superseded and recomputed, an individual's class following
// its detections) runs inside it so undo restores everything.
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { SexAgeClass } from '../contract';
import { anyOf } from '../db/idList';
import type { Db } from '../db/open';
import { detections, individuals, tracklets } from '../db/schema';
import { getIndividual, IndividualsError } from '../individuals';
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
    for (const id of ids) {
      getIndividual(db, id);
      // A provisional name follows the species ("Deer 8" set to coyote is "Coyote 1"); a name a person gave stays.
      const row = db
        .select({ name: individuals.name, species: individuals.species })
        .from(individuals)
        .where(eq(individuals.id, id))
        .get();
      if (row && row.species !== species && isProvisional(row.name, row.species)) {
        const name = provisionalName(db, 'animal', species);
        db.update(individuals).set({ name }).where(eq(individuals.id, id)).run();
      }
    }
    db.update(individuals)
      .set({ species, speciesByUser: true })
      .where(inArray(individuals.id, anyOf(ids)))
      .run();
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
    const found = db
      .select({ n: count() })
      .from(detections)
      .where(inArray(detections.id, anyOf(detectionIds)))
      .get();
    if (found?.n !== detectionIds.length) throw new IndividualsError('some of these detections do not exist');
    for (const id of individualIds) getIndividual(db, id);
    db.update(detections)
      .set({ sexAge: args.sexAge, reviewed: true })
      .where(inArray(detections.id, anyOf(detectionIds)))
      .run();
    db.update(individuals)
      .set({ sexAge: args.sexAge, sexAgeByUser: args.sexAge !== null })
      .where(inArray(individuals.id, anyOf(individualIds)))
      .run();
    const owners = db
      .selectDistinct({ id: tracklets.individualId })
      .from(detections)
      .innerJoin(tracklets, eq(tracklets.id, detections.trackletId))
      .where(and(inArray(detections.id, anyOf(detectionIds)), isNotNull(tracklets.individualId)))
      .all()
      .flatMap((r) => (r.id === null ? [] : [r.id]));
    const changed = [...new Set([...individualIds, ...owners])];
    membersChanged(db, changed);
    return changed;
  });
}
