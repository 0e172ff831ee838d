// The individuals repository: typed reads of what re-identification needs from an individual's row.
import { eq, sql } from 'drizzle-orm';
import type { Db } from './open';
import { individuals } from './schema';

export type IndividualRow = typeof individuals.$inferSelect;
export type IndividualVector = Pick<IndividualRow, 'id' | 'category' | 'mergedInto' | 'embedding'>;

function prepareVectorRead(db: Db) {
  return db
    .select({
      id: individuals.id,
      category: individuals.category,
      mergedInto: individuals.mergedInto,
      embedding: individuals.embedding,
    })
    .from(individuals)
    .where(eq(individuals.id, sql.placeholder('id')))
    .prepare();
}

// Prepared once per connection: syncing every individual after a change of embedder reads them all.
const vectorReads = new WeakMap<Db, ReturnType<typeof prepareVectorRead>>();

/** An individual's category, merge and vector (individuals.embedding, the one place it is stored). */
export function getIndividualVector(db: Db, individualId: number): IndividualVector | undefined {
  let read = vectorReads.get(db);
  if (!read) vectorReads.set(db, (read = prepareVectorRead(db)));
  return read.get({ id: individualId });
}

/** Every individual's id, merged ones included. */
export function allIndividualIds(db: Db): number[] {
  return db
    .select({ id: individuals.id })
    .from(individuals)
    .all()
    .map((r) => r.id);
}
