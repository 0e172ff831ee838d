import type { Db } from './open';

/** Runs `fn` in one immediate transaction (a writer takes the lock up front, so two writers never deadlock). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}
