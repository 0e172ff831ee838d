// One place opens a library database: pragmas, the sqlite-vec extension (before migrations, which may touch vec0
// tables), the migrations and then the vector tables (vectorStore.ts), so every process sees the same schema.
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as sqliteVec from 'sqlite-vec';
import { MIGRATIONS_DIR } from '../paths';
import * as schema from './schema';
import { prepareVectorStore } from './vectorStore';

export { inTransaction } from './transaction';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // The Electron app points this at a build for its own ABI (electron/nativeBinding.ts); Node uses node_modules'.
  const sqlite = new Database(file, {
    readonly: options.readonly ?? false,
    nativeBinding: process.env.THUMPER_SQLITE_BINDING || undefined,
  });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // In a packaged app the extension lies beside the asar archive (asarUnpack), where SQLite can load it.
  sqlite.loadExtension(sqliteVec.getLoadablePath().replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`));
  const db = drizzle(sqlite, { schema }) as Db;
  if (!options.readonly) {
    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    prepareVectorStore(db);
  }
  return db;
}

/** Closes the connection; the library is done with it. */
export function closeDatabase(db: Db): void {
  db.$client.close();
}
