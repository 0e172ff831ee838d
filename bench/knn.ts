// KNN benchmark for the individual vectors: 100,000 x 1280-d (the default embedder's dimension) stored on disk in a
// library database, k = 10, with and without a category filter. Prints p50/p95 latency of the sketch search with
// exact re-ranking (what suggestions use) and its recall@10 against an exact full scan.
//   npm run build && npm run bench:knn [-- count=100000 queries=200 exactQueries=10]
// The vectors are synthetic but shaped like the embedder's: non-negative (post-ReLU), sparse-ish, L2-normalised,
// in clusters (many sightings of few animals), so recall is measured on structure, not on uniform noise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inTransaction } from '../core/db/open';
import { openLibrary } from '../core/library/library';
import { ensureVectorTables, exactKnnIndividuals, knnIndividuals, putIndividualEmbedding } from '../core/reid/vectorIndex';
import { l2normalize } from '../core/reid/vectorMath';

const DIM = 1280;
const EMBEDDER = 'bench_knn';
/** About twenty sightings per animal. */
const PER_CLUSTER = 20;

function argument(name: string, fallback: number): number {
  const hit = process.argv.slice(2).find((a) => a.startsWith(`${name}=`));
  return hit ? Number(hit.slice(name.length + 1)) : fallback;
}

/** Deterministic pseudo-random numbers (the benchmark must print comparable figures between runs). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

async function main() {
  const count = argument('count', 100_000);
  const queries = argument('queries', 200);
  const exactQueries = argument('exactQueries', 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-bench-knn-'));
  const library = openLibrary(dir, { create: true });
  try {
    const rnd = random(42);
    const clusters = Math.max(1, Math.round(count / PER_CLUSTER));
    const c = centres(rnd, clusters);
    let t = Date.now();
    ensureVectorTables(library.db, EMBEDDER, DIM);
    for (let start = 0; start < count; start += 5000) {
      inTransaction(library.db, () => {
        for (let i = start; i < Math.min(count, start + 5000); i++) {
          putIndividualEmbedding(library.db, EMBEDDER, i + 1, category(i), around(c[i % clusters]!, rnd, 0.35));
        }
      });
    }
    const insertMs = Date.now() - t;
    console.log(`inserted ${count} vectors in ${(insertMs / 1000).toFixed(1)} s`);
    library.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.statSync(path.join(dir, 'thumper.db')).size;

    const qs = Array.from({ length: queries }, (_, i) => around(c[(i * 7919) % clusters]!, rnd, 0.35));
    const rows: Record<string, unknown>[] = [];
    for (const filter of [undefined, 'animal']) {
      const options = { k: 10, category: filter };
      knnIndividuals(library.db, EMBEDDER, qs[0]!, options);
      const times: number[] = [];
      for (const q of qs) {
        const s = process.hrtime.bigint();
        knnIndividuals(library.db, EMBEDDER, q, options);
        times.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      times.sort((a, b) => a - b);
      let hits = 0;
      const exactTimes: number[] = [];
      for (const q of qs.slice(0, exactQueries)) {
        const s = process.hrtime.bigint();
        const exact = new Set(exactKnnIndividuals(library.db, EMBEDDER, q, options).map((n) => n.id));
        exactTimes.push(Number(process.hrtime.bigint() - s) / 1e6);
        hits += knnIndividuals(library.db, EMBEDDER, q, options).filter((n) => exact.has(n.id)).length;
      }
      exactTimes.sort((a, b) => a - b);
      rows.push({
        filter: filter ?? 'none',
        p50Ms: +percentile(times, 50).toFixed(2),
        p95Ms: +percentile(times, 95).toFixed(2),
        recallAt10: +(hits / (10 * Math.min(exactQueries, qs.length))).toFixed(3),
        exactP50Ms: +percentile(exactTimes, 50).toFixed(1),
      });
    }
    console.log(`KNN over ${count} x ${DIM}-d individual vectors on disk (${(bytes / 2 ** 20).toFixed(0)} MiB, inserted in ${(insertMs / 1000).toFixed(1)} s), k = 10, ${queries} queries`);
    console.table(rows);
  } finally {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
