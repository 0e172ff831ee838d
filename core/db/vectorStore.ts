// The vector tables (see vectorIndex.ts), made in one idempotent step that openDatabase runs right after the
// migrations: created when missing, and a library made with the earlier per-embedder tables is moved into them once.
// Those were, per embedder key K: vec_detection_K (a sqlite-vec vec0 table written and deleted for every detection
// but never queried by MATCH) with vec_detection_K_blobs (the same vectors as plain blobs), and vec_individual_K (the
// sketches) with vec_individual_K_blobs (a second copy of individuals.embedding) and vec_individual_K_generation.
// The blobs and sketches move over; the copies and the vec0 tables go.
import type { Db } from './open';
import { rebuildSketches } from './vectorIndex';

const TABLES = `
  CREATE TABLE IF NOT EXISTS vector_spaces (
    embedder TEXT PRIMARY KEY, dim INTEGER NOT NULL, generation INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE IF NOT EXISTS detection_vectors (
    detection_id INTEGER NOT NULL, embedder TEXT NOT NULL, embedding BLOB NOT NULL,
    PRIMARY KEY (detection_id, embedder)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS individual_sketches (
    embedder TEXT NOT NULL, individual_id INTEGER NOT NULL, category TEXT NOT NULL, sketch BLOB NOT NULL,
    PRIMARY KEY (embedder, individual_id)) WITHOUT ROWID;
  ${[
    ['insert', 'NEW'],
    ['update', 'NEW'],
    ['delete', 'OLD'],
  ]
    .map(
      ([
        op,
        row,
      ]) => `CREATE TRIGGER IF NOT EXISTS individual_sketches_${op} AFTER ${op!.toUpperCase()} ON individual_sketches
      BEGIN UPDATE vector_spaces SET generation = random() >> 11 WHERE embedder = ${row}.embedder; END;`,
    )
    .join('\n  ')}`;

/**
 * Sketches of a plain table move. Individuals indexed without one (an older vec0 sketch table) get an empty
 * placeholder; all are rebuilt from individuals.embedding, as it does sketches of another length.
 */
function moveIndividuals(db: Db, key: string, names: ReadonlySet<string>): void {
  const c = db.$client;
  const table = `vec_individual_${key}`;
  const dim = (
    c.prepare(`SELECT length(embedding) / 4 AS dim FROM ${table}_blobs LIMIT 1`).get() as { dim: number } | undefined
  )?.dim;
  if (dim === undefined) return;
  c.prepare('INSERT OR IGNORE INTO vector_spaces (embedder, dim) VALUES (?, ?)').run(key, dim);
  const plain = (c.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as MasterRow | undefined)?.sql;
  if (names.has(table) && plain?.startsWith('CREATE TABLE')) {
    c.prepare(
      `INSERT OR REPLACE INTO individual_sketches (embedder, individual_id, category, sketch) SELECT ?, individual_id, category, sketch FROM ${table}`,
    ).run(key);
  }
  c.prepare(
    `INSERT OR IGNORE INTO individual_sketches (embedder, individual_id, category, sketch) SELECT ?, individual_id, category, x'' FROM ${table}_blobs`,
  ).run(key);
  rebuildSketches(db, key, dim);
}

interface MasterRow {
  name: string;
  sql: string | null;
}

/** Creates the vector tables when missing and moves the earlier per-embedder tables into them. Idempotent. */
export function prepareVectorStore(db: Db): void {
  const c = db.$client;
  c.exec(TABLES);
  const legacy = c
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name GLOB 'vec_*' ORDER BY name`)
    .all() as MasterRow[];
  if (legacy.length === 0) return;
  const names = new Set(legacy.map((t) => t.name));
  c.transaction(() => {
    for (const { name, sql } of legacy) {
      const detection = /^vec_detection_(\w+)$/.exec(name);
      if (detection && sql?.startsWith('CREATE VIRTUAL TABLE')) {
        const key = detection[1]!;
        const dim = Number(/float\[(\d+)\]/.exec(sql)?.[1]);
        if (dim > 0) c.prepare('INSERT OR IGNORE INTO vector_spaces (embedder, dim) VALUES (?, ?)').run(key, dim);
        if (names.has(`${name}_blobs`)) {
          c.prepare(
            `INSERT OR REPLACE INTO detection_vectors (detection_id, embedder, embedding) SELECT detection_id, ?, embedding FROM ${name}_blobs`,
          ).run(key);
        }
      }
      const individual = /^vec_individual_(\w+)_blobs$/.exec(name);
      if (individual) moveIndividuals(db, individual[1]!, names);
    }
    // Virtual tables first: dropping one drops its shadow tables, which then must not be dropped again.
    for (const { name, sql } of legacy)
      if (sql?.startsWith('CREATE VIRTUAL TABLE')) c.exec(`DROP TABLE IF EXISTS ${name}`);
    for (const { name } of legacy) c.exec(`DROP TABLE IF EXISTS ${name}`);
  })();
}
