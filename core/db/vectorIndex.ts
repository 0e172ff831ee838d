// The vectors repository: embeddings in SQLite, per embedder ("vector space": dimensions differ between models).
// - Detections' vectors: detection_vectors, one float32 blob per (detection, embedder). Re-ranking, tracking and
//   tracklet means read them by id (a point lookup in a plain table costs microseconds).
// - An individual's vector is stored once, in individuals.embedding (derived by core/individuals). The index over
//   them is individual_sketches: a 1-bit sketch (core/reid/sketch.ts) and the category per individual and embedder,
//   mirrored in memory per connection (SketchSet). A KNN scans the sketches by hamming distance for a generous
//   candidate pool, then re-ranks the pool by exact cosine distance in SQL (sqlite-vec's vec_distance_cosine over
//   individuals.embedding). 100,000 x 1280-d on disk (bench/knn.ts, 2 busy cores): p50 ~13 ms, p95 ~38 ms,
//   recall@10 1.0 against the exact scan, which takes over a second; a vec0 bit-vector KNN was slower and its cost
//   grows with the pool asked for.
// - vector_spaces: each embedder's dimension, and a generation token that triggers (migration 0003) set to a random
//   value on every change to its sketches, whoever makes it (another process, a raw DELETE in a test): a query
//   finding a token other than the one its copy was made at reloads the copy (~2 s per 100,000 rows on a busy
//   machine), and this module's own writes update the copy in place. Memory: 64 bytes of sketch per individual
//   (6.4 MB per 100,000) plus an id map, per connection that queries.
// The tables come from migration 0003; prepareVectorStore, run by openDatabase right after the migrations, moves a
// library made with the earlier per-embedder tables (a vec0 table per embedder, never queried by MATCH, plus blob
// copies) into them, once. Statements here are raw SQL on purpose: this is the re-identification hot path.
import type Database from 'better-sqlite3';
import type { Db } from './open';
import { inTransaction } from './transaction';
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

interface SketchRow {
  id: number;
  category: string;
  sketch: Buffer;
}

const DEFAULT_COARSE_FACTOR = 8;
const MIN_COARSE_K = 100;

/**
 * The key an embedder's vectors are stored under ("mobilenetv2_gem" -> "mobilenetv2_gem", "osnet-x0.25" ->
 * "osnet_x0_25"): the same as the earlier per-embedder table names, so their contents move over unchanged.
 */
export function embedderKey(embedder: string): string {
  const s = embedder.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (s === '') throw new Error(`embedder id "${embedder}" cannot name a vector space`);
  return s;
}

// Prepared statements per connection: preparing costs more than the lookups they serve.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.$client.prepare(sql)));
  return s;
}

/** The dimension of the embedder's stored vectors; null when it has none. */
export function storedDimension(db: Db, embedder: string): number | null {
  const row = stmt(db, 'SELECT dim FROM vector_spaces WHERE embedder = ?').get(embedderKey(embedder)) as
    { dim: number } | undefined;
  return row?.dim ?? null;
}

/** Registers the embedder's vector space. A space of another dimension is an error, not silently reused. */
export function ensureVectorTables(db: Db, embedder: string, dim: number): void {
  const have = storedDimension(db, embedder);
  if (have !== null && have !== dim) {
    throw new Error(`vectors of embedder "${embedder}" are ${have}-d in this library but the model gives ${dim}-d`);
  }
  if (have === null)
    stmt(db, 'INSERT INTO vector_spaces (embedder, dim) VALUES (?, ?)').run(embedderKey(embedder), dim);
  refreshSketches(db, embedderKey(embedder), dim);
}

/**
 * Sketches of another kind (made with another sketch length) are rebuilt from the individuals' vectors (seconds per
 * 100,000). `key`: an embedderKey.
 */
function refreshSketches(db: Db, key: string, dim: number): void {
  const stored = stmt(db, 'SELECT length(sketch) AS bytes FROM individual_sketches WHERE embedder = ? LIMIT 1').get(
    key,
  ) as { bytes: number } | undefined;
  if (stored !== undefined && stored.bytes !== sketch(new Float32Array(dim)).length) rebuildSketches(db, key, dim);
}

/** Recomputes every sketch of the embedder from its individuals' vectors. */
export function rebuildSketches(db: Db, key: string, dim: number): void {
  inTransaction(db, () => {
    const rows = stmt(
      db,
      `SELECT s.individual_id AS id, s.category, i.embedding FROM individual_sketches s
       JOIN individuals i ON i.id = s.individual_id AND length(i.embedding) = ? WHERE s.embedder = ?`,
    ).all(dim * 4, key) as { id: number; category: string; embedding: Buffer }[];
    stmt(db, 'DELETE FROM individual_sketches WHERE embedder = ?').run(key);
    const put = stmt(
      db,
      'INSERT INTO individual_sketches (embedder, individual_id, category, sketch) VALUES (?, ?, ?, ?)',
    );
    for (const r of rows) put.run(key, r.id, r.category, sketch(decodeVector(r.embedding)));
  });
}

// The in-memory sketches per connection and embedder, with the generation token they are true to.
const sketchSets = new WeakMap<Database.Database, Map<string, { token: number; set: SketchSet }>>();

function readToken(db: Db, key: string): number | null {
  const row = stmt(db, 'SELECT generation FROM vector_spaces WHERE embedder = ?').get(key) as
    { generation: number } | undefined;
  return row?.generation ?? null;
}

/** The connection's sketches of the embedder, (re)loaded when they changed since the copy was made. */
function loadedSketches(db: Db, key: string, token: number): SketchSet {
  let sets = sketchSets.get(db.$client);
  if (!sets) sketchSets.set(db.$client, (sets = new Map()));
  const have = sets.get(key);
  if (have?.token === token) return have.set;
  const rows = stmt(db, 'SELECT individual_id AS id, category, sketch FROM individual_sketches WHERE embedder = ?').all(
    key,
  ) as SketchRow[];
  const set = new SketchSet();
  for (const r of rows) set.put(r.id, r.category, sketchWords(r.sketch));
  sets.set(key, { token, set });
  return set;
}

/**
 * Runs a write to an embedder's sketches and applies it to the connection's in-memory copy, if there is one and it
 * was current; a copy that was not (another connection wrote meanwhile) is dropped and reloads at the next query.
 */
function writeSketches(db: Db, key: string, write: () => void, apply: (set: SketchSet) => void): void {
  const have = sketchSets.get(db.$client)?.get(key);
  const current = have !== undefined && have.token === readToken(db, key);
  write();
  if (!have) return;
  if (!current) {
    sketchSets.get(db.$client)!.delete(key);
    return;
  }
  apply(have.set);
  have.token = readToken(db, key) ?? have.token;
}

export function putDetectionEmbeddings(
  db: Db,
  embedder: string,
  rows: { detectionId: number; vector: Float32Array }[],
): void {
  const put = stmt(db, 'INSERT OR REPLACE INTO detection_vectors (detection_id, embedder, embedding) VALUES (?, ?, ?)');
  const key = embedderKey(embedder);
  for (const r of rows) put.run(r.detectionId, key, encodeVector(r.vector));
}

export function deleteDetectionEmbeddings(db: Db, embedder: string, detectionIds: number[]): void {
  const del = stmt(db, 'DELETE FROM detection_vectors WHERE detection_id = ? AND embedder = ?');
  const key = embedderKey(embedder);
  for (const id of detectionIds) del.run(id, key);
}

export function getDetectionEmbeddings(db: Db, embedder: string, detectionIds: number[]): Map<number, Float32Array> {
  const get = stmt(db, 'SELECT embedding FROM detection_vectors WHERE detection_id = ? AND embedder = ?');
  const key = embedderKey(embedder);
  const out = new Map<number, Float32Array>();
  for (const id of detectionIds) {
    const row = get.get(id, key) as { embedding: Buffer } | undefined;
    if (row) out.set(id, decodeVector(row.embedding));
  }
  return out;
}

/** Indexes an individual whose vector (individuals.embedding) is `vector`, in the embedder's sketches. */
export function indexIndividual(
  db: Db,
  embedder: string,
  individualId: number,
  category: string,
  vector: Float32Array,
) {
  const key = embedderKey(embedder);
  const bits = sketch(vector);
  writeSketches(
    db,
    key,
    () =>
      stmt(
        db,
        'INSERT OR REPLACE INTO individual_sketches (embedder, individual_id, category, sketch) VALUES (?, ?, ?, ?)',
      ).run(key, individualId, category, bits),
    (set) => set.put(individualId, category, sketchWords(bits)),
  );
}

/** Takes individuals out of the embedder's index (merged, deleted, or left without a vector). */
export function unindexIndividuals(db: Db, embedder: string, individualIds: readonly number[]): void {
  const key = embedderKey(embedder);
  const del = stmt(db, 'DELETE FROM individual_sketches WHERE embedder = ? AND individual_id = ?');
  writeSketches(
    db,
    key,
    () => individualIds.forEach((id) => del.run(key, id)),
    (set) => individualIds.forEach((id) => set.remove(id)),
  );
}

/** Empties the individual indexes of every embedder but this one (individuals' vectors are now this one's). */
export function unindexOtherEmbedders(db: Db, embedder: string): void {
  const key = embedderKey(embedder);
  const others = stmt(db, 'SELECT embedder FROM vector_spaces WHERE embedder != ?').all(key) as { embedder: string }[];
  for (const other of others) {
    const ids = (
      stmt(db, 'SELECT individual_id AS id FROM individual_sketches WHERE embedder = ?').all(other.embedder) as {
        id: number;
      }[]
    ).map((r) => r.id);
    unindexIndividuals(db, other.embedder, ids);
  }
}

/** Removes individuals from the index of every embedder (they were deleted). */
export function forgetIndividuals(db: Db, individualIds: number[]): void {
  const keys = stmt(db, 'SELECT embedder FROM vector_spaces').all() as { embedder: string }[];
  for (const { embedder } of keys) unindexIndividuals(db, embedder, individualIds);
}

/** k nearest individuals: sketch scan for a candidate pool, then exact cosine re-ranking. Ties break by id. */
export function knnIndividuals(db: Db, embedder: string, query: Float32Array, options: KnnOptions): Neighbour[] {
  const key = embedderKey(embedder);
  const token = readToken(db, key);
  if (token === null) return [];
  const exclude = options.exclude ?? new Set<number>();
  const coarseK = Math.max(options.coarseK ?? options.k * DEFAULT_COARSE_FACTOR, MIN_COARSE_K) + exclude.size;
  const pool = loadedSketches(db, key, token).nearest(sketchWords(sketch(query)), coarseK, options.category);
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
  return stmt(
    db,
    `SELECT s.individual_id AS id, vec_distance_cosine(i.embedding, ?) AS distance
     FROM individual_sketches s JOIN individuals i ON i.id = s.individual_id AND length(i.embedding) = ?
     WHERE s.embedder = ? AND s.individual_id IN (SELECT value FROM json_each(?)) ORDER BY distance, id LIMIT ?`,
  ).all(encodeVector(query), query.length * 4, embedderKey(embedder), JSON.stringify(ids), k) as Neighbour[];
}

/** Exact KNN by a full scan of the indexed individuals' vectors: the reference the sketch search is measured against. */
export function exactKnnIndividuals(db: Db, embedder: string, query: Float32Array, options: KnnOptions): Neighbour[] {
  const exclude = options.exclude ?? new Set<number>();
  const filter = options.category === undefined ? '' : 'AND s.category = ?';
  const params: unknown[] = [encodeVector(query), query.length * 4, embedderKey(embedder)];
  if (options.category !== undefined) params.push(options.category);
  params.push(options.k + exclude.size);
  const rows = stmt(
    db,
    `SELECT s.individual_id AS id, vec_distance_cosine(i.embedding, ?) AS distance
     FROM individual_sketches s JOIN individuals i ON i.id = s.individual_id AND length(i.embedding) = ?
     WHERE s.embedder = ? ${filter} ORDER BY distance, id LIMIT ?`,
  ).all(...params) as Neighbour[];
  return rows.filter((r) => !exclude.has(r.id)).slice(0, options.k);
}
