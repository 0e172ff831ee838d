// Embeddings in SQLite, per embedder (dimensions differ between models, so each model gets its own tables, named
// after its id):
// - detections: a sqlite-vec vec0 table of float vectors (cosine), for similarity search over crops;
// - individuals: a plain table of 1-bit sketches (core/reid/sketch.ts) with the category, mirrored in memory per
//   connection (SketchSet). A KNN scans the sketches by hamming distance for a generous candidate pool, then
//   re-ranks the pool by exact cosine distance in SQL (sqlite-vec's vec_distance_cosine over the stored floats).
//   100,000 x 1280-d on disk (bench/knn.ts, 2 busy cores): p50 ~13 ms, p95 ~38 ms, recall@10 1.0 against the exact
//   scan, which takes over a second; a vec0 bit-vector KNN was slower and its cost grows with the pool asked for.
// Each table has a plain companion table (<table>_blobs) holding the float vectors by id: a point lookup in a vec0
// table costs milliseconds (it walks its chunks), one in an ordinary table microseconds, and re-ranking, tracking
// and tracklet means all read vectors by id.
// The in-memory sketches stay true to the table through a token (<table>_generation) that triggers set to a random
// value on every change, whoever makes it (another process, a raw DELETE in a test): a query finding a token other
// than the one its copy was made at reloads the copy (~2 s per 100,000 rows on a busy machine), and this module's
// own writes update the copy in place. Memory: 64 bytes of sketch per individual (6.4 MB per 100,000) plus an id
// map, per connection that queries.
import type Database from 'better-sqlite3';
import { inTransaction, type Db } from './open';
import { decodeVector, encodeVector } from '../individuals/embedding';
import { sketch, sketchWords } from '../reid/sketch';
import { SketchSet } from '../reid/sketchSet';

export interface Neighbour {
  id: number;
  /** Cosine distance (1 - cosine similarity), exact. */
  distance: number;
}

export interface KnnOptions {
  k: number;
  category?: string;
  /** Candidates taken from the sketch scan for exact re-ranking; more is slower (re-ranking) and closer to exact. */
  coarseK?: number;
  /** Individual ids that must not be returned (the query itself, known exclusions). */
  exclude?: ReadonlySet<number>;
}

const DEFAULT_COARSE_FACTOR = 8;
const MIN_COARSE_K = 100;

/** A safe SQL identifier from an embedder id ("mobilenetv2_gem" -> "mobilenetv2_gem", "osnet-x0.25" -> "osnet_x0_25"). */
function tableSuffix(embedder: string): string {
  const s = embedder.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (s === '') throw new Error(`embedder id "${embedder}" cannot name a table`);
  return s;
}

export const detectionTable = (embedder: string) => `vec_detection_${tableSuffix(embedder)}`;
export const individualTable = (embedder: string) => `vec_individual_${tableSuffix(embedder)}`;
const blobs = (table: string) => `${table}_blobs`;
const generation = (table: string) => `${table}_generation`;

// Prepared statements per connection: preparing costs more than the lookups they serve.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.$client.prepare(sql)));
  return s;
}

function tableExists(db: Db, name: string): boolean {
  return stmt(db, `SELECT 1 FROM sqlite_master WHERE name = ?`).get(name) !== undefined;
}

/** Creates the embedder's tables when missing. A table made for another dimension is an error, not silently reused. */
export function ensureVectorTables(db: Db, embedder: string, dim: number): void {
  const have = storedDimension(db, embedder);
  if (have !== null && have !== dim) {
    throw new Error(`vectors of embedder "${embedder}" are ${have}-d in this library but the model gives ${dim}-d`);
  }
  const det = detectionTable(embedder);
  db.$client.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS ${det} USING vec0(detection_id integer primary key, embedding float[${dim}] distance_metric=cosine);
    CREATE TABLE IF NOT EXISTS ${blobs(det)} (detection_id INTEGER PRIMARY KEY, embedding BLOB NOT NULL);`);
  ensureIndividualIndex(db, embedder, dim);
}

/**
 * Creates the individuals' sketch, vector and generation tables. Sketches of another kind (a library made when they
 * lived in a vec0 table, or with another sketch length) are rebuilt from the stored vectors (seconds per 100,000).
 */
function ensureIndividualIndex(db: Db, embedder: string, dim: number): void {
  const ind = individualTable(embedder);
  const gen = generation(ind);
  if (tableExists(db, gen)) {
    const stored = stmt(db, `SELECT length(sketch) AS bytes FROM ${ind} LIMIT 1`).get() as
      { bytes: number } | undefined;
    if (stored === undefined || stored.bytes === sketch(new Float32Array(dim)).length) return;
  }
  inTransaction(db, () => {
    db.$client.exec(`
      DROP TABLE IF EXISTS ${ind};
      DROP TABLE IF EXISTS ${gen};
      CREATE TABLE ${ind} (individual_id INTEGER PRIMARY KEY, category TEXT NOT NULL, sketch BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS ${blobs(ind)} (individual_id INTEGER PRIMARY KEY, category TEXT NOT NULL, embedding BLOB NOT NULL);
      CREATE TABLE ${gen} (token INTEGER NOT NULL);
      INSERT INTO ${gen} VALUES (0);
      ${['INSERT', 'DELETE', 'UPDATE'].map((op) => `CREATE TRIGGER ${ind}_${op.toLowerCase()} AFTER ${op} ON ${ind} BEGIN UPDATE ${gen} SET token = random() >> 11; END;`).join('\n      ')}`);
    const put = db.$client.prepare(`INSERT INTO ${ind}(individual_id, category, sketch) VALUES (?, ?, ?)`);
    const stored = db.$client.prepare(`SELECT individual_id AS id, category, embedding FROM ${blobs(ind)}`).all() as {
      id: number;
      category: string;
      embedding: Buffer;
    }[];
    for (const r of stored) put.run(r.id, r.category, sketch(decodeVector(r.embedding)));
  });
}

/** The dimension of the stored vectors, read from the table definition; null when the embedder has no table. */
export function storedDimension(db: Db, embedder: string): number | null {
  const row = stmt(db, `SELECT sql FROM sqlite_master WHERE name = ?`).get(detectionTable(embedder)) as
    { sql: string } | undefined;
  const m = row?.sql.match(/float\[(\d+)\]/);
  return m ? Number(m[1]) : null;
}

// The in-memory sketches per connection and individuals table, with the generation token they are true to.
const sketchSets = new WeakMap<Database.Database, Map<string, { token: number; set: SketchSet }>>();

function readToken(db: Db, table: string): number {
  return (stmt(db, `SELECT token FROM ${generation(table)}`).get() as { token: number }).token;
}

/** The connection's sketches of the table, (re)loaded when the table changed since the copy was made. */
function loadedSketches(db: Db, table: string): SketchSet {
  let sets = sketchSets.get(db.$client);
  if (!sets) sketchSets.set(db.$client, (sets = new Map()));
  const token = readToken(db, table);
  const have = sets.get(table);
  if (have?.token === token) return have.set;
  const rows = stmt(db, `SELECT individual_id AS id, category, sketch FROM ${table}`).all() as {
    id: number;
    category: string;
    sketch: Buffer;
  }[];
  const set = new SketchSet();
  for (const r of rows) set.put(r.id, r.category, sketchWords(r.sketch));
  sets.set(table, { token, set });
  return set;
}

/**
 * Runs a write to an individuals table and applies it to the connection's in-memory copy, if there is one and it was
 * current; a copy that was not (another connection wrote meanwhile) is dropped and reloads at the next query.
 */
function writeIndividuals(db: Db, table: string, write: () => void, apply: (set: SketchSet) => void): void {
  const have = sketchSets.get(db.$client)?.get(table);
  const current = have !== undefined && have.token === readToken(db, table);
  write();
  if (!have) return;
  if (!current) {
    sketchSets.get(db.$client)!.delete(table);
    return;
  }
  apply(have.set);
  have.token = readToken(db, table);
}

function deleteRows(db: Db, table: string, key: string, ids: Iterable<number>): void {
  if (!tableExists(db, table)) return;
  const present = stmt(db, `SELECT 1 FROM ${blobs(table)} WHERE ${key} = ?`);
  const delVec = stmt(db, `DELETE FROM ${table} WHERE ${key} = ?`);
  const delBlob = stmt(db, `DELETE FROM ${blobs(table)} WHERE ${key} = ?`);
  for (const id of ids) {
    // The companion says whether the row exists; a vec0 delete of a missing row still walks the table.
    if (!present.get(id)) continue;
    delVec.run(BigInt(id));
    delBlob.run(id);
  }
}

function readVectors(db: Db, table: string, key: string, ids: Iterable<number>): Map<number, Float32Array> {
  const out = new Map<number, Float32Array>();
  if (!tableExists(db, blobs(table))) return out;
  const get = stmt(db, `SELECT embedding FROM ${blobs(table)} WHERE ${key} = ?`);
  for (const id of ids) {
    const row = get.get(id) as { embedding: Buffer } | undefined;
    if (row) out.set(id, decodeVector(row.embedding));
  }
  return out;
}

export function putDetectionEmbeddings(
  db: Db,
  embedder: string,
  rows: { detectionId: number; vector: Float32Array }[],
): void {
  const t = detectionTable(embedder);
  deleteRows(
    db,
    t,
    'detection_id',
    rows.map((r) => r.detectionId),
  );
  const ins = stmt(db, `INSERT INTO ${t}(detection_id, embedding) VALUES (?, ?)`);
  const insBlob = stmt(db, `INSERT INTO ${blobs(t)}(detection_id, embedding) VALUES (?, ?)`);
  for (const r of rows) {
    const blob = encodeVector(r.vector);
    ins.run(BigInt(r.detectionId), blob);
    insBlob.run(r.detectionId, blob);
  }
}

export function deleteDetectionEmbeddings(db: Db, embedder: string, detectionIds: number[]): void {
  deleteRows(db, detectionTable(embedder), 'detection_id', detectionIds);
}

export function getDetectionEmbeddings(db: Db, embedder: string, detectionIds: number[]): Map<number, Float32Array> {
  return readVectors(db, detectionTable(embedder), 'detection_id', detectionIds);
}

export function putIndividualEmbedding(
  db: Db,
  embedder: string,
  individualId: number,
  category: string,
  vector: Float32Array,
): void {
  const t = individualTable(embedder);
  const bits = sketch(vector);
  writeIndividuals(
    db,
    t,
    () => {
      stmt(db, `INSERT OR REPLACE INTO ${t}(individual_id, category, sketch) VALUES (?, ?, ?)`).run(
        individualId,
        category,
        bits,
      );
      stmt(db, `INSERT OR REPLACE INTO ${blobs(t)}(individual_id, category, embedding) VALUES (?, ?, ?)`).run(
        individualId,
        category,
        encodeVector(vector),
      );
    },
    (set) => set.put(individualId, category, sketchWords(bits)),
  );
}

export function deleteIndividualEmbedding(db: Db, embedder: string, individualId: number): void {
  forgetIn(db, individualTable(embedder), [individualId]);
}

function forgetIn(db: Db, table: string, individualIds: number[]): void {
  if (!tableExists(db, generation(table))) return;
  writeIndividuals(
    db,
    table,
    () => deleteRows(db, table, 'individual_id', individualIds),
    (set) => individualIds.forEach((id) => set.remove(id)),
  );
}

/** Removes individuals from the vector tables of every embedder (they were deleted). */
export function forgetIndividuals(db: Db, individualIds: number[]): void {
  const tables = stmt(
    db,
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'vec_individual_*_generation'`,
  ).all() as { name: string }[];
  for (const { name } of tables) forgetIn(db, name.slice(0, -'_generation'.length), individualIds);
}

/** k nearest individuals: sketch scan for a candidate pool, then exact cosine re-ranking. Ties break by id. */
export function knnIndividuals(db: Db, embedder: string, query: Float32Array, options: KnnOptions): Neighbour[] {
  const t = individualTable(embedder);
  if (!tableExists(db, generation(t))) {
    if (!tableExists(db, blobs(t))) return [];
    ensureIndividualIndex(db, embedder, query.length);
  }
  const exclude = options.exclude ?? new Set<number>();
  const coarseK = Math.max(options.coarseK ?? options.k * DEFAULT_COARSE_FACTOR, MIN_COARSE_K) + exclude.size;
  const pool = loadedSketches(db, t).nearest(sketchWords(sketch(query)), coarseK, options.category);
  return rerankIndividuals(
    db,
    embedder,
    query,
    pool.filter((id) => !exclude.has(id)),
    options.k,
  );
}

/** The k of the given individuals nearest to the query by exact cosine distance, computed in SQL. Ties break by id. */
export function rerankIndividuals(
  db: Db,
  embedder: string,
  query: Float32Array,
  ids: number[],
  k: number,
): Neighbour[] {
  const t = blobs(individualTable(embedder));
  return stmt(
    db,
    `SELECT individual_id AS id, vec_distance_cosine(embedding, ?) AS distance FROM ${t}
     WHERE individual_id IN (SELECT value FROM json_each(?)) ORDER BY distance, id LIMIT ?`,
  ).all(encodeVector(query), JSON.stringify(ids), k) as Neighbour[];
}

/** Exact KNN by a full scan of the stored floats: the reference the sketch search is measured against. */
export function exactKnnIndividuals(db: Db, embedder: string, query: Float32Array, options: KnnOptions): Neighbour[] {
  const t = blobs(individualTable(embedder));
  if (!tableExists(db, t)) return [];
  const exclude = options.exclude ?? new Set<number>();
  const filter = options.category === undefined ? '' : 'WHERE category = ?';
  const params: unknown[] = [encodeVector(query)];
  if (options.category !== undefined) params.push(options.category);
  params.push(options.k + exclude.size);
  const rows = stmt(
    db,
    `SELECT individual_id AS id, vec_distance_cosine(embedding, ?) AS distance FROM ${t} ${filter} ORDER BY distance, id LIMIT ?`,
  ).all(...params) as Neighbour[];
  return rows.filter((r) => !exclude.has(r.id)).slice(0, options.k);
}
