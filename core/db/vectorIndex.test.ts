import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import {
  deleteIndividualEmbedding,
  detectionTable,
  ensureVectorTables,
  exactKnnIndividuals,
  forgetIndividuals,
  getDetectionEmbeddings,
  individualTable,
  knnIndividuals,
  putDetectionEmbeddings,
  putIndividualEmbedding,
  storedDimension,
} from './vectorIndex';
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

describe('vector index', () => {
  const db = openDatabase(path.join(dir, 'v.db'));
  const dim = 64;
  const all = vectors(400, dim);

  it('names tables after the embedder and remembers the dimension', () => {
    expect(detectionTable('osnet-x0.25')).toBe('vec_detection_osnet_x0_25');
    ensureVectorTables(db, 'test_embed', dim);
    ensureVectorTables(db, 'test_embed', dim);
    expect(storedDimension(db, 'test_embed')).toBe(dim);
    expect(() => ensureVectorTables(db, 'test_embed', 32)).toThrow(/64-d in this library but the model gives 32-d/);
  });

  it('stores and replaces detection vectors', () => {
    putDetectionEmbeddings(db, 'test_embed', [
      { detectionId: 1, vector: all[0]! },
      { detectionId: 2, vector: all[1]! },
    ]);
    putDetectionEmbeddings(db, 'test_embed', [{ detectionId: 2, vector: all[2]! }]);
    const got = getDetectionEmbeddings(db, 'test_embed', [1, 2, 3]);
    expect([...got.keys()]).toEqual([1, 2]);
    expect(Array.from(got.get(2)!)).toEqual(Array.from(all[2]!));
  });

  it('finds the same nearest individuals as an exact scan, per category, without excluded ids', () => {
    all.forEach((v, i) => putIndividualEmbedding(db, 'test_embed', i + 1, i % 3 === 0 ? 'person' : 'animal', v));
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
  });

  it('forgets deleted individuals', () => {
    const before = knnIndividuals(db, 'test_embed', all[1]!, { k: 1 });
    expect(before[0]!.id).toBe(2);
    deleteIndividualEmbedding(db, 'test_embed', 2);
    expect(knnIndividuals(db, 'test_embed', all[1]!, { k: 1 })[0]!.id).not.toBe(2);
    forgetIndividuals(db, [3]);
    expect(knnIndividuals(db, 'test_embed', all[2]!, { k: 1 })[0]!.id).not.toBe(3);
  });

  it('sees changes made by another connection or by plain SQL', () => {
    const other = openDatabase(path.join(dir, 'v.db'));
    try {
      expect(knnIndividuals(db, 'test_embed', all[4]!, { k: 1 })[0]!.id).toBe(5);
      other.$client.prepare(`DELETE FROM ${individualTable('test_embed')} WHERE individual_id = 5`).run();
      expect(knnIndividuals(db, 'test_embed', all[4]!, { k: 1 })[0]!.id).not.toBe(5);
      putIndividualEmbedding(other, 'test_embed', 5, 'animal', all[4]!);
      // This connection writes too: its copy must notice the other write before applying its own.
      putIndividualEmbedding(db, 'test_embed', 6, 'animal', all[5]!);
      expect(knnIndividuals(db, 'test_embed', all[4]!, { k: 1 })[0]!.id).toBe(5);
    } finally {
      other.$client.close();
    }
  });

  it('moves sketches of a library made with a vec0 sketch table into the plain table', () => {
    const old = openDatabase(path.join(dir, 'old.db'));
    try {
      old.$client.exec(`
        CREATE VIRTUAL TABLE vec_individual_old USING vec0(individual_id integer primary key, category text partition key, sketch bit[${dim}]);
        CREATE TABLE vec_individual_old_blobs (individual_id INTEGER PRIMARY KEY, category TEXT NOT NULL, embedding BLOB NOT NULL);`);
      const ins = old.$client.prepare('INSERT INTO vec_individual_old_blobs VALUES (?, ?, ?)');
      all.slice(0, 50).forEach((v, i) => ins.run(i + 1, 'animal', Buffer.from(v.buffer)));
      expect(knnIndividuals(old, 'old', all[9]!, { k: 3 }).map((n) => n.id)).toContain(10);
      expect(old.$client.prepare(`SELECT count(*) AS n FROM vec_individual_old`).get()).toEqual({ n: 50 });
      // Sketches of another length (the sketch changed between versions) are rebuilt from the stored vectors.
      old.$client.prepare(`UPDATE vec_individual_old SET sketch = x'00'`).run();
      ensureVectorTables(old, 'old', dim);
      expect(old.$client.prepare(`SELECT DISTINCT length(sketch) AS bytes FROM vec_individual_old`).all()).toEqual([
        { bytes: dim / 8 },
      ]);
      expect(knnIndividuals(old, 'old', all[9]!, { k: 3 }).map((n) => n.id)).toContain(10);
    } finally {
      old.$client.close();
    }
  });
});
