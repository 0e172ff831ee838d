// Embeddings in sqlite-vec, per embedder (dimensions differ between models, so each model gets its own tables, named
// after its id):
// - detections: a vec0 table of float vectors (cosine), for similarity search over crops;
// - individuals: a vec0 table of 1-bit sketches, partitioned by category. A KNN scans the sketches (hamming, cheap)
//   for a generous candidate pool and re-ranks that pool by exact cosine distance, which keeps a query over
//   100,000 x 1280-d within tens of milliseconds where an exact scan takes hundreds (bench/knn.ts).
// Each vec0 table has a plain companion table (<table>_blobs) holding the float vectors by id: a point lookup in a
// vec0 table costs milliseconds (it walks its chunks), one in an ordinary table microseconds, and re-ranking,
// tracking and tracklet means all read vectors by id. Floats are kept out of the individuals' vec0 table because
// they make its inserts and scans several times slower.
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { decodeVector, encodeVector } from '../individuals/embedding';
import { cosine } from './vectorMath';

export interface Neighbour {
  id: number;
  /** Cosine distance (1 - cosine similarity), exact. */
  distance: number;
}

export interface KnnOptions {
  k: number;
  category?: string;
  /** Candidates fetched by the sketch scan before exact re-ranking; more is slower and closer to exact. */
  coarseK?: number;
  /** Individual ids that must not be returned (the query itself, known exclusions). */
  exclude?: ReadonlySet<number>;
}

const DEFAULT_COARSE_FACTOR = 8;
const MIN_COARSE_K = 64;

/** A safe SQL identifier from an embedder id ("mobilenetv2_gem" -> "mobilenetv2_gem", "osnet-x0.25" -> "osnet_x0_25"). */
function tableSuffix(embedder: string): string {
  const s = embedder.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (s === '') throw new Error(`embedder id "${embedder}" cannot name a table`);
  return s;
}

export const detectionTable = (embedder: string) => `vec_detection_${tableSuffix(embedder)}`;
export const individualTable = (embedder: string) => `vec_individual_${tableSuffix(embedder)}`;
const blobs = (table: string) => `${table}_blobs`;

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
  const ind = individualTable(embedder);
  db.$client.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS ${det} USING vec0(detection_id integer primary key, embedding float[${dim}] distance_metric=cosine);
    CREATE TABLE IF NOT EXISTS ${blobs(det)} (detection_id INTEGER PRIMARY KEY, embedding BLOB NOT NULL);
    CREATE VIRTUAL TABLE IF NOT EXISTS ${ind} USING vec0(individual_id integer primary key, category text partition key, sketch bit[${dim}]);
    CREATE TABLE IF NOT EXISTS ${blobs(ind)} (individual_id INTEGER PRIMARY KEY, category TEXT NOT NULL, embedding BLOB NOT NULL);`);
}

/** The dimension of the stored vectors, read from the table definition; null when the embedder has no table. */
export function storedDimension(db: Db, embedder: string): number | null {
  const row = stmt(db, `SELECT sql FROM sqlite_master WHERE name = ?`).get(detectionTable(embedder)) as { sql: string } | undefined;
  const m = row?.sql.match(/float\[(\d+)\]/);
  return m ? Number(m[1]) : null;
}

/**
 * 1-bit sketch: a bit is set where the component is above the vector's own mean. Embeddings after a ReLU (such as
 * GeM-pooled MobileNet features) are all positive, so the usual sign quantisation would set every bit; thresholding
 * at the vector's mean keeps the "which channels stand out" pattern without any library-wide statistics.
 */
export function sketch(v: Float32Array): Buffer {
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  const out = Buffer.alloc(Math.ceil(v.length / 8));
  for (let i = 0; i < v.length; i++) if (v[i]! > mean) out[i >> 3]! |= 1 << (i & 7);
  return out;
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

export function putDetectionEmbeddings(db: Db, embedder: string, rows: { detectionId: number; vector: Float32Array }[]): void {
  const t = detectionTable(embedder);
  deleteRows(db, t, 'detection_id', rows.map((r) => r.detectionId));
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

export function putIndividualEmbedding(db: Db, embedder: string, individualId: number, category: string, vector: Float32Array): void {
  const t = individualTable(embedder);
  deleteRows(db, t, 'individual_id', [individualId]);
  stmt(db, `INSERT INTO ${t}(individual_id, category, sketch) VALUES (?, ?, vec_bit(?))`).run(BigInt(individualId), category, sketch(vector));
  stmt(db, `INSERT INTO ${blobs(t)}(individual_id, category, embedding) VALUES (?, ?, ?)`).run(individualId, category, encodeVector(vector));
}

export function deleteIndividualEmbedding(db: Db, embedder: string, individualId: number): void {
  deleteRows(db, individualTable(embedder), 'individual_id', [individualId]);
}

/** Removes individuals from the vector tables of every embedder (they were deleted). */
export function forgetIndividuals(db: Db, individualIds: number[]): void {
  const tables = stmt(db, `SELECT name FROM sqlite_master WHERE name GLOB 'vec_individual_*' AND sql LIKE '%USING vec0%'`).all() as { name: string }[];
  for (const { name } of tables) deleteRows(db, name, 'individual_id', individualIds);
}

/** k nearest individuals: sketch scan for a candidate pool, then exact cosine re-ranking. Ties break by id. */
export function knnIndividuals(db: Db, embedder: string, query: Float32Array, options: KnnOptions): Neighbour[] {
  const t = individualTable(embedder);
  if (!tableExists(db, t)) return [];
  const exclude = options.exclude ?? new Set<number>();
  const coarseK = Math.max(options.coarseK ?? options.k * DEFAULT_COARSE_FACTOR, MIN_COARSE_K) + exclude.size;
  const filter = options.category === undefined ? '' : 'AND category = ?';
  const params: unknown[] = [sketch(query), coarseK];
  if (options.category !== undefined) params.push(options.category);
  const pool = stmt(db, `SELECT individual_id AS id FROM ${t} WHERE sketch MATCH vec_bit(?) AND k = ? ${filter}`).all(...params) as { id: number }[];
  const vectors = readVectors(db, t, 'individual_id', pool.map((r) => r.id).filter((id) => !exclude.has(id)));
  return [...vectors]
    .map(([id, v]) => ({ id, distance: 1 - cosine(query, v) }))
    .sort((a, b) => a.distance - b.distance || a.id - b.id)
    .slice(0, options.k);
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
  const rows = stmt(db, `SELECT individual_id AS id, vec_distance_cosine(embedding, ?) AS distance FROM ${t} ${filter} ORDER BY distance, id LIMIT ?`).all(
    ...params,
  ) as Neighbour[];
  return rows.filter((r) => !exclude.has(r.id)).slice(0, options.k);
}
