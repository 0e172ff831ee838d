// A new individual for tracklets that joined no existing one, named provisionally ("Deer 17"). Used by the match
// stage (core/reid/match.ts); the same path as every other new individual (createIndividual), so the pipeline gets
// the same rules (one photo once, one category) as user edits.
import type { Db } from '../db/open';
import type { Category } from '../db/schema';
import { createIndividual, getIndividual } from './assign';
import { IndividualsError } from './errors';

export function createProvisionalIndividual(db: Db, category: Category, trackletIds: number[]): number {
  const id = createIndividual(db, trackletIds);
  const made = getIndividual(db, id).category;
  if (made !== category) throw new IndividualsError(`tracklets ${trackletIds.join(',')} are ${made}, not ${category}`);
  return id;
}
