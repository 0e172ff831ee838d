// KNN benchmark for the individual vectors: 100,000 x 1280-d (the default embedder's dimension) stored on disk in a
// library database, k = 10, with and without a category filter. Prints p50/p95 latency and recall@10 against an exact
// full scan, side by side, for:
//   - sketch scan: what suggestions use (in-memory hamming scan of 512-bit rotated sketches, exact re-rank in SQL);
//   - vec0 bit[1280] KNN: the previous coarse step (a sqlite-vec vec0 table of per-channel "above the vector's mean"
//     bits, partitioned by category, 80 candidates), with the same re-rank;
//   - exact scan: vec_distance_cosine over every stored vector.
//   npm run build && npm run bench:knn [-- count=100000 queries=200 exactQueries=10]
// The vectors are synthetic but shaped like the embedder's: non-negative (post-ReLU), sparse-ish, L2-normalised,
// in clusters (many sightings of few animals), so recall is measured on structure, not on uniform noise.
// Filtered queries come from animals of the filtered category, as suggestions do (an individual is compared with its
// own category); a last row queries the animals with people/vehicles, whose "nearest animals" are an unstructured
// crowd at nearly equal distances: the hard case for any sketch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Db, inTransaction } from '../core/db/open';
import { openLibrary } from '../core/library/library';
import {
  ensureVectorTables,
  exactKnnIndividuals,
  indexIndividual,
  knnIndividuals,
  type KnnOptions,
  type Neighbour,
  rerankIndividuals,
} from '../core/db/vectorIndex';
import { encodeVector } from '../core/individuals/embedding';
import { l2normalize } from '../core/reid/vectorMath';
import { seededRandom } from '../core/util/seededRandom';

const DIM = 1280;
const EMBEDDER = 'bench_knn';
/** About twenty sightings per animal. */
const PER_CLUSTER = 20;

function argument(name: string, fallback: number): number {
  const hit = process.argv.slice(2).find((a) => a.startsWith(`${name}=`));
  return hit ? Number(hit.slice(name.length + 1)) : fallback;
}

function centres(rnd: () => number, n: number): Float32Array[] {
  return Array.from({ length: n }, () => Float32Array.from({ length: DIM }, () => Math.max(0, rnd() - 0.55)));
}

function around(centre: Float32Array, rnd: () => number, noise: number): Float32Array {
  return l2normalize(Float32Array.from(centre, (c) => Math.max(0, c + (rnd() - 0.5) * noise)));
}

const category = (i: number) => (i % 20 === 0 ? 'person' : i % 20 === 1 ? 'vehicle' : 'animal');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const VEC0_TABLE = 'bench_vec0_sketch';

/** The previous sketch: bit i set where component i is above the vector's mean (1280 bits). */
function previousSketch(v: Float32Array): Buffer {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const out = Buffer.alloc(v.length / 8);
  v.forEach((x, i) => {
    if (x > mean) out[i >> 3]! |= 1 << (i & 7);
  });
  return out;
}
const VEC0_CANDIDATES = 80;

type Search = (q: Float32Array, options: KnnOptions) => Neighbour[];

/** The previous coarse step: a vec0 KNN over the previous sketches for 80 candidates, then the same exact re-rank. */
function vec0Search(db: Db): Search {
  const all = db.$client.prepare(
    `SELECT individual_id AS id FROM ${VEC0_TABLE} WHERE sketch MATCH vec_bit(?) AND k = ?`,
  );
  const inCategory = db.$client.prepare(
    `SELECT individual_id AS id FROM ${VEC0_TABLE} WHERE sketch MATCH vec_bit(?) AND k = ? AND category = ?`,
  );
  return (q, options) => {
    const args = [previousSketch(q), VEC0_CANDIDATES, ...(options.category === undefined ? [] : [options.category])];
    const pool = ((options.category === undefined ? all : inCategory).all(...args) as { id: number }[]).map(
      (r) => r.id,
    );
    return rerankIndividuals(db, EMBEDDER, q, pool, options.k);
  };
}

function timed(search: Search, qs: Float32Array[], options: KnnOptions): number[] {
  const times: number[] = [];
  for (const q of qs) {
    const s = process.hrtime.bigint();
    search(q, options);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

async function main() {
  const count = argument('count', 100_000);
  const queries = argument('queries', 200);
  const exactQueries = argument('exactQueries', 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-bench-knn-'));
  const library = openLibrary(dir, { create: true });
  const db = library.db;
  try {
    const rnd = seededRandom(42);
    const clusters = Math.max(20, Math.round(count / PER_CLUSTER / 20) * 20);
    const c = centres(rnd, clusters);
    let t = Date.now();
    ensureVectorTables(db, EMBEDDER, DIM);
    db.$client.exec(
      `CREATE VIRTUAL TABLE ${VEC0_TABLE} USING vec0(individual_id integer primary key, category text partition key, sketch bit[${DIM}])`,
    );
    // An individual's vector lives in its row (individuals.embedding); the index holds its sketch.
    const individualInsert = db.$client.prepare(
      `INSERT INTO individuals (id, name, category, embedding) VALUES (?, 'bench', ?, ?)`,
    );
    const vec0Insert = db.$client.prepare(
      `INSERT INTO ${VEC0_TABLE}(individual_id, category, sketch) VALUES (?, ?, vec_bit(?))`,
    );
    let vec0Ms = 0;
    for (let start = 0; start < count; start += 5000) {
      inTransaction(db, () => {
        for (let i = start; i < Math.min(count, start + 5000); i++) {
          const v = around(c[i % clusters]!, rnd, 0.35);
          individualInsert.run(i + 1, category(i), encodeVector(v));
          indexIndividual(db, EMBEDDER, i + 1, category(i), v);
          const s = Date.now();
          vec0Insert.run(BigInt(i + 1), category(i), previousSketch(v));
          vec0Ms += Date.now() - s;
        }
      });
    }
    const insertMs = Date.now() - t - vec0Ms;
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.statSync(path.join(dir, 'thumper.db')).size;

    // Clusters are one category each (clusters is a multiple of 20): queries pick clusters by category.
    const pick = (want: (cat: string) => boolean) =>
      Array.from({ length: clusters }, (_, i) => (i * 7919) % clusters)
        .filter((ci) => want(category(ci)))
        .slice(0, queries)
        .map((ci) => around(c[ci]!, rnd, 0.35));
    const anyQueries = pick(() => true);
    const animalQueries = pick((cat) => cat === 'animal');
    const otherQueries = pick((cat) => cat !== 'animal');

    const sketchScan: Search = (q, options) => knnIndividuals(db, EMBEDDER, q, options);
    t = Date.now();
    sketchScan(anyQueries[0]!, { k: 10 });
    const loadMs = Date.now() - t;
    const methods: [string, Search][] = [
      ['sketch scan (new)', sketchScan],
      ['vec0 bit[1280] KNN (previous)', vec0Search(db)],
    ];
    const rows: Record<string, unknown>[] = [];
    const cases: [string, Float32Array[], string | undefined][] = [
      ['none', anyQueries, undefined],
      ['animal', animalQueries, 'animal'],
      ['animal, queries of other categories', otherQueries, 'animal'],
    ];
    for (const [label, qs, filter] of cases) {
      const options = { k: 10, category: filter };
      const exactTimes: number[] = [];
      const exact = qs.slice(0, exactQueries).map((q) => {
        const s = process.hrtime.bigint();
        const ids = new Set(exactKnnIndividuals(db, EMBEDDER, q, options).map((n) => n.id));
        exactTimes.push(Number(process.hrtime.bigint() - s) / 1e6);
        return ids;
      });
      for (const [name, search] of methods) {
        const times = timed(search, qs, options);
        const hits = exact.reduce((n, ids, i) => n + search(qs[i]!, options).filter((r) => ids.has(r.id)).length, 0);
        rows.push({
          filter: label,
          method: name,
          p50Ms: +percentile(times, 50).toFixed(1),
          p95Ms: +percentile(times, 95).toFixed(1),
          recallAt10: +(hits / (10 * exact.length)).toFixed(3),
        });
      }
      exactTimes.sort((a, b) => a - b);
      rows.push({
        filter: label,
        method: 'exact scan',
        p50Ms: +percentile(exactTimes, 50).toFixed(1),
        p95Ms: +percentile(exactTimes, 95).toFixed(1),
        recallAt10: 1,
      });
    }
    // Suggestions ask for a pool of 40 (DEFAULT_SUGGEST_OPTIONS.appearancePool): 320 candidates to re-rank.
    const pool40 = timed(sketchScan, animalQueries, { k: 40, category: 'animal' });
    console.log(
      `KNN over ${count} x ${DIM}-d individual vectors on disk (${(bytes / 2 ** 20).toFixed(0)} MiB), k = 10, ${queries} timed and ${exactQueries} exact queries per row, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `inserted in ${(insertMs / 1000).toFixed(1)} s (+${(vec0Ms / 1000).toFixed(1)} s for the vec0 comparison table); first query loading the sketches: ${loadMs} ms`,
    );
    console.table(rows);
    console.log(
      `sketch scan, k = 40 (suggestions' pool), category animal: p50 ${percentile(pool40, 50).toFixed(1)} ms, p95 ${percentile(pool40, 95).toFixed(1)} ms`,
    );
  } finally {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
