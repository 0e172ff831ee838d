// Embeddings in sqlite-vec: two vec0 tables per embedder (dimensions differ between models, so each model gets its
// own tables, named after its id): one row per detection, one per individual. Individuals also carry a 1-bit sketch
// of their vector: a KNN scans the sketches (hamming, cheap) for a generous candidate pool and re-ranks that pool by
// exact cosine distance, which keeps a query over 100,000 x 1280-d well under 50 ms where an exact scan is not.
import type { Db } from '../db/open';
import { decodeVector, encodeVector } from '../individuals/embedding';

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

function tableExists(db: Db, name: string): boolean {
  return db.$client.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(name) !== undefined;
}

/** Creates the embedder's tables when missing. A table made for another dimension is an error, not silently reused. */
export function ensureVectorTables(db: Db, embedder: string, dim: number): void {
  const det = detectionTable(embedder);
  const ind = individualTable(embedder);
  if (tableExists(db, det)) {
    const have = storedDimension(db, embedder);
    if (have !== null && have !== dim) {
      throw new Error(`vectors of embedder "${embedder}" are ${have}-d in this library but the model gives ${dim}-d`);
    }
  }
  db.$client.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${det} USING vec0(
      detection_id integer primary key, embedding float[${dim}] distance_metric=cosine)`);
  db.$client.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${ind} USING vec0(
      individual_id integer primary key, category text partition key,
      embedding float[${dim}] distance_metric=cosine, sketch bit[${dim}])`);
}

/** The dimension of the stored vectors, read from the table definition; null when the embedder has no table. */
export function storedDimension(db: Db, embedder: string): number | null {
  const row = db.$client.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(detectionTable(embedder)) as { sql: string } | undefined;
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

export function putDetectionEmbeddings(db: Db, embedder: string, rows: { detectionId: number; vector: Float32Array }[]): void {
  const t = detectionTable(embedder);
  const del = db.$client.prepare(`DELETE FROM ${t} WHERE detection_id = ?`);
  const ins = db.$client.prepare(`INSERT INTO ${t}(detection_id, embedding) VALUES (?, ?)`);
  for (const r of rows) {
    del.run(BigInt(r.detectionId));
    ins.run(BigInt(r.detectionId), encodeVector(r.vector));
  }
}

export function deleteDetectionEmbeddings(db: Db, embedder: string, detectionIds: number[]): void {
  if (!tableExists(db, detectionTable(embedder))) return;
  const del = db.$client.prepare(`DELETE FROM ${detectionTable(embedder)} WHERE detection_id = ?`);
  for (const id of detectionIds) del.run(BigInt(id));
}

export function getDetectionEmbeddings(db: Db, embedder: string, detectionIds: number[]): Map<number, Float32Array> {
  const out = new Map<number, Float32Array>();
  if (!tableExists(db, detectionTable(embedder))) return out;
  const get = db.$client.prepare(`SELECT embedding FROM ${detectionTable(embedder)} WHERE detection_id = ?`);
  for (const id of detectionIds) {
    const row = get.get(BigInt(id)) as { embedding: Buffer } | undefined;
    if (row) out.set(id, decodeVector(row.embedding));
  }
  return out;
}

export function putIndividualEmbedding(db: Db, embedder: string, individualId: number, category: string, vector: Float32Array): void {
  const t = individualTable(embedder);
  db.$client.prepare(`DELETE FROM ${t} WHERE individual_id = ?`).run(BigInt(individualId));
  db.$client
    .prepare(`INSERT INTO ${t}(individual_id, category, embedding, sketch) VALUES (?, ?, ?, vec_bit(?))`)
    .run(BigInt(individualId), category, encodeVector(vector), sketch(vector));
}

export function deleteIndividualEmbedding(db: Db, embedder: string, individualId: number): void {
  if (!tableExists(db, individualTable(embedder))) return;
  db.$client.prepare(`DELETE FROM ${individualTable(embedder)} WHERE individual_id = ?`).run(BigInt(individualId));
}

/** Removes individuals from the vector tables of every embedder (they were deleted). */
export function forgetIndividuals(db: Db, individualIds: number[]): void {
  const tables = db.$client.prepare(`SELECT name FROM sqlite_master WHERE name GLOB 'vec_individual_*' AND sql LIKE '%USING vec0%'`).all() as { name: string }[];
  for (const { name } of tables) {
    const del = db.$client.prepare(`DELETE FROM ${name} WHERE individual_id = ?`);
    for (const id of individualIds) del.run(BigInt(id));
  }
}

export function getIndividualEmbedding(db: Db, embedder: string, individualId: number): Float32Array | null {
  if (!tableExists(db, individualTable(embedder))) return null;
  const row = db.$client
    .prepare(`SELECT embedding FROM ${individualTable(embedder)} WHERE individual_id = ?`)
    .get(BigInt(individualId)) as { embedding: Buffer } | undefined;
  return row ? decodeVector(row.embedding) : null;
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
  const pool = db.$client
    .prepare(`SELECT individual_id AS id FROM ${t} WHERE sketch MATCH vec_bit(?) AND k = ? ${filter}`)
    .all(...params) as { id: number }[];
  const ids = pool.map((r) => r.id).filter((id) => !exclude.has(id));
  if (ids.length === 0) return [];
  const exact = db.$client
    .prepare(
      `SELECT individual_id AS id, vec_distance_cosine(embedding, ?) AS distance FROM ${t}
       WHERE individual_id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(encodeVector(query), ...ids.map((id) => BigInt(id))) as Neighbour[];
  return exact.sort((a, b) => a.distance - b.distance || a.id - b.id).slice(0, options.k);
}

/** Exact KNN by a full scan: the reference the sketch search is measured against. */
export function exactKnnIndividuals(db: Db, embedder: string, query: Float32Array, options: KnnOptions): Neighbour[] {
  const t = individualTable(embedder);
  if (!tableExists(db, t)) return [];
  const exclude = options.exclude ?? new Set<number>();
  const filter = options.category === undefined ? '' : 'AND category = ?';
  const params: unknown[] = [encodeVector(query), options.k + exclude.size];
  if (options.category !== undefined) params.push(options.category);
  const rows = db.$client
    .prepare(`SELECT individual_id AS id, distance FROM ${t} WHERE embedding MATCH ? AND k = ? ${filter}`)
    .all(...params) as Neighbour[];
  return rows.filter((r) => !exclude.has(r.id)).sort((a, b) => a.distance - b.distance || a.id - b.id).slice(0, options.k);
}
