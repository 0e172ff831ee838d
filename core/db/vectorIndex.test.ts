import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './open';
import { individuals } from './schema';
import {
  embedderKey,
  ensureVectorTables,
  exactKnnIndividuals,
  forgetIndividuals,
  getDetectionEmbeddings,
  indexIndividual,
  knnIndividuals,
  putDetectionEmbeddings,
  storedDimension,
  unindexIndividuals,
  unindexOtherEmbedders,
} from './vectorIndex';
import { encodeVector } from '../individuals/embedding';
import { l2normalize } from '../reid/vectorMath';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-vec-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Deterministic non-negative vectors (like post-ReLU features) scattered around a few cluster centres. */
function vectors(n: number, dim: number, seed = 7): Float32Array[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const centres = Array.from({ length: 8 }, () => Float32Array.from({ length: dim }, () => Math.max(0, rnd() - 0.6)));
  return Array.from({ length: n }, (_, i) =>
    l2normalize(Float32Array.from(centres[i % 8]!, (c) => Math.max(0, c + (rnd() - 0.5) * 0.3))),
  );
}

/** An individual whose vector (individuals.embedding, its one copy) is v, indexed for the embedder. */
function addIndividual(db: Db, embedder: string, id: number, category: 'animal' | 'person', v: Float32Array) {
  db.insert(individuals)
    .values({ id, name: `#${id}`, category, embedding: encodeVector(v) })
    .onConflictDoUpdate({ target: individuals.id, set: { category, embedding: encodeVector(v) } })
    .run();
  indexIndividual(db, embedder, id, category, v);
}

const tableNames = (db: Db) =>
  (
    db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]
  ).map((r) => r.name);

describe('vector index', () => {
  const db = openDatabase(path.join(dir, 'v.db'));
  const dim = 64;
  const all = vectors(400, dim);

  it('keys vectors by embedder and remembers the dimension', () => {
    expect(embedderKey('osnet-x0.25')).toBe('osnet_x0_25');
    ensureVectorTables(db, 'test_embed', dim);
    ensureVectorTables(db, 'test_embed', dim);
    expect(storedDimension(db, 'test_embed')).toBe(dim);
    expect(storedDimension(db, 'other')).toBeNull();
    expect(() => ensureVectorTables(db, 'test_embed', 32)).toThrow(/64-d in this library but the model gives 32-d/);
  });

  it('stores and replaces detection vectors, and keeps no vec0 table', () => {
    putDetectionEmbeddings(db, 'test_embed', [
      { detectionId: 1, vector: all[0]! },
      { detectionId: 2, vector: all[1]! },
    ]);
    putDetectionEmbeddings(db, 'test_embed', [{ detectionId: 2, vector: all[2]! }]);
    const got = getDetectionEmbeddings(db, 'test_embed', [1, 2, 3]);
    expect([...got.keys()]).toEqual([1, 2]);
    expect(Array.from(got.get(2)!)).toEqual(Array.from(all[2]!));
    expect(getDetectionEmbeddings(db, 'other', [1, 2]).size).toBe(0);
    expect(tableNames(db).filter((n) => n.startsWith('vec_'))).toEqual([]);
  });

  it('finds the same nearest individuals as an exact scan, per category, without excluded ids', () => {
    all.forEach((v, i) => addIndividual(db, 'test_embed', i + 1, i % 3 === 0 ? 'person' : 'animal', v));
    let hits = 0;
    let total = 0;
    for (let q = 0; q < 20; q++) {
      const query = all[q * 7]!;
      const options = { k: 10, category: 'animal', exclude: new Set([q * 7 + 1]) };
      const approx = knnIndividuals(db, 'test_embed', query, options);
      const exact = exactKnnIndividuals(db, 'test_embed', query, options);
      expect(approx).toHaveLength(10);
      for (const n of approx) expect(n.id % 3 === 1 ? 'person' : 'animal').toBe('animal');
      expect(approx.some((n) => n.id === q * 7 + 1)).toBe(false);
      // Distances are exact (re-ranked), sorted.
      for (let i = 1; i < approx.length; i++)
        expect(approx[i]!.distance).toBeGreaterThanOrEqual(approx[i - 1]!.distance);
      const exactIds = new Set(exact.map((n) => n.id));
      hits += approx.filter((n) => exactIds.has(n.id)).length;
      total += 10;
    }
    expect(hits / total).toBeGreaterThanOrEqual(0.9);
    expect(knnIndividuals(db, 'other', all[0]!, { k: 3 })).toEqual([]);
  });

  it('forgets individuals taken out of the index', () => {
    const before = knnIndividuals(db, 'test_embed', all[1]!, { k: 1 });
    expect(before[0]!.id).toBe(2);
    unindexIndividuals(db, 'test_embed', [2]);
    expect(knnIndividuals(db, 'test_embed', all[1]!, { k: 1 })[0]!.id).not.toBe(2);
    forgetIndividuals(db, [3]);
    expect(knnIndividuals(db, 'test_embed', all[2]!, { k: 1 })[0]!.id).not.toBe(3);
  });

  it('sees changes made by another connection or by plain SQL', () => {
    const other = openDatabase(path.join(dir, 'v.db'));
    try {
      expect(knnIndividuals(db, 'test_embed', all[4]!, { k: 1 })[0]!.id).toBe(5);
      other.$client
        .prepare(`DELETE FROM individual_sketches WHERE embedder = 'test_embed' AND individual_id = 5`)
        .run();
      expect(knnIndividuals(db, 'test_embed', all[4]!, { k: 1 })[0]!.id).not.toBe(5);
      indexIndividual(other, 'test_embed', 5, 'animal', all[4]!);
      // This connection writes too: its copy must notice the other write before applying its own.
      indexIndividual(db, 'test_embed', 6, 'animal', all[5]!);
      expect(knnIndividuals(db, 'test_embed', all[4]!, { k: 1 })[0]!.id).toBe(5);
    } finally {
      other.$client.close();
    }
  });

  it("rebuilds sketches of another length from the individuals' vectors", () => {
    db.$client.prepare(`UPDATE individual_sketches SET sketch = x'00' WHERE embedder = 'test_embed'`).run();
    ensureVectorTables(db, 'test_embed', dim);
    expect(db.$client.prepare(`SELECT DISTINCT length(sketch) AS bytes FROM individual_sketches`).all()).toEqual([
      { bytes: dim / 8 },
    ]);
    expect(knnIndividuals(db, 'test_embed', all[9]!, { k: 3 }).map((n) => n.id)).toContain(10);
  });

  it("empties other embedders' indexes when individuals' vectors become one embedder's", () => {
    ensureVectorTables(db, 'next_embed', dim);
    indexIndividual(db, 'next_embed', 1, 'person', all[0]!);
    expect(knnIndividuals(db, 'test_embed', all[0]!, { k: 1 })).toHaveLength(1);
    unindexOtherEmbedders(db, 'next_embed');
    expect(knnIndividuals(db, 'test_embed', all[0]!, { k: 1 })).toEqual([]);
    expect(knnIndividuals(db, 'next_embed', all[0]!, { k: 1 }).map((n) => n.id)).toEqual([1]);
  });

  it('moves a library made with per-embedder tables into the shared ones, once, keeping every vector', () => {
    const file = path.join(dir, 'old.db');
    const old = openDatabase(file);
    const c = old.$client;
    c.exec(`
      DROP TABLE vector_spaces; DROP TABLE detection_vectors; DROP TABLE individual_sketches;
      CREATE VIRTUAL TABLE vec_detection_old USING vec0(detection_id integer primary key, embedding float[${dim}] distance_metric=cosine);
      CREATE TABLE vec_detection_old_blobs (detection_id INTEGER PRIMARY KEY, embedding BLOB NOT NULL);
      CREATE TABLE vec_individual_old (individual_id INTEGER PRIMARY KEY, category TEXT NOT NULL, sketch BLOB NOT NULL);
      CREATE TABLE vec_individual_old_blobs (individual_id INTEGER PRIMARY KEY, category TEXT NOT NULL, embedding BLOB NOT NULL);
      CREATE TABLE vec_individual_old_generation (token INTEGER NOT NULL);
      CREATE VIRTUAL TABLE vec_individual_older USING vec0(individual_id integer primary key, category text partition key, sketch bit[${dim}]);
      CREATE TABLE vec_individual_older_blobs (individual_id INTEGER PRIMARY KEY, category TEXT NOT NULL, embedding BLOB NOT NULL);`);
    const det = c.prepare('INSERT INTO vec_detection_old VALUES (?, ?)');
    const detBlob = c.prepare('INSERT INTO vec_detection_old_blobs VALUES (?, ?)');
    const ind = c.prepare(`INSERT INTO individuals (id, name, category, embedding) VALUES (?, 'x', 'animal', ?)`);
    const sketchRow = c.prepare(`INSERT INTO vec_individual_old VALUES (?, 'animal', x'00')`);
    const indBlob = c.prepare(`INSERT INTO vec_individual_old_blobs VALUES (?, 'animal', ?)`);
    const olderBlob = c.prepare(`INSERT INTO vec_individual_older_blobs VALUES (?, 'animal', ?)`);
    all.slice(0, 50).forEach((v, i) => {
      det.run(BigInt(i + 1), encodeVector(v));
      detBlob.run(i + 1, encodeVector(v));
      ind.run(i + 1, encodeVector(v));
      sketchRow.run(i + 1);
      indBlob.run(i + 1, encodeVector(v));
      if (i < 20) olderBlob.run(i + 1, encodeVector(v));
    });
    c.close();

    const moved = openDatabase(file);
    try {
      expect(tableNames(moved).filter((n) => n.startsWith('vec_'))).toEqual([]);
      expect(storedDimension(moved, 'old')).toBe(dim);
      expect(storedDimension(moved, 'older')).toBe(dim);
      expect(Array.from(getDetectionEmbeddings(moved, 'old', [7]).get(7)!)).toEqual(Array.from(all[6]!));
      const sketches = moved.$client.prepare(
        'SELECT embedder, count(*) AS n, min(length(sketch)) AS bytes FROM individual_sketches GROUP BY embedder',
      );
      expect(sketches.all()).toEqual([
        { embedder: 'old', n: 50, bytes: dim / 8 },
        { embedder: 'older', n: 20, bytes: dim / 8 },
      ]);
      expect(knnIndividuals(moved, 'old', all[9]!, { k: 3 }).map((n) => n.id)).toContain(10);
      expect(knnIndividuals(moved, 'older', all[9]!, { k: 3 }).map((n) => n.id)).toContain(10);
      moved.$client.close();
      // Idempotent: opening again changes nothing.
      const again = openDatabase(file);
      expect(again.$client.prepare('SELECT count(*) AS n FROM individual_sketches').get()).toEqual({ n: 70 });
      again.$client.close();
    } finally {
      if (moved.$client.open) moved.$client.close();
    }
  });
});
