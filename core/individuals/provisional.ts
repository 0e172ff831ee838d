// A new individual for tracklets that joined no existing one: named provisionally ("Deer 17"), derived columns
// filled by refreshDerived. Used by the match stage (core/reid/match.ts).
import type { Db } from '../db/open';
import type { Category } from '../db/schema';
import { refreshDerived } from './derived';
import { provisionalName } from './names';

export function createProvisionalIndividual(db: Db, category: Category, trackletIds: number[]): number {
  const c = db.$client;
  const id = Number(c.prepare('INSERT INTO individuals (name, category) VALUES (?, ?)').run(provisionalName(db, category), category).lastInsertRowid);
  const link = c.prepare('UPDATE tracklets SET individual_id = ? WHERE id = ?');
  for (const t of trackletIds) link.run(id, t);
  refreshDerived(db, [id]);
  return id;
}
