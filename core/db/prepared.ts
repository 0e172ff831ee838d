// Statements prepared once per connection, for the queries a loop runs many times (a query built with drizzle's
// builder is otherwise rendered and prepared again on every call).
import type { Db } from './open';

/** `build(db)` made once per connection and kept while the connection lives. */
export function preparedOnce<T>(build: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let statement = made.get(db);
    if (statement === undefined) made.set(db, (statement = build(db)));
    return statement;
  };
}
