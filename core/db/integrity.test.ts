import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { deleteOrphanVectors, orphanVectorCount, quickCheckProblems } from './integrity';
import { openDatabase } from './open';
import { detections, images } from './schema';
import { putDetectionEmbeddings } from './vectorIndex';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-integrity-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('counts and deletes only the vectors whose detection is gone; quick_check finds a new database whole', () => {
  const db = openDatabase(path.join(dir, 'i.db'));
  const imageId = db
    .insert(images)
    .values({ fileName: 'a.jpg', sourcePath: '/card/a.jpg', state: 'embedded' })
    .returning({ id: images.id })
    .get().id;
  const box = { imageId, model: 'md', rawLabel: 'animal', category: 'animal' as const, confidence: 0.9 };
  const [kept, gone] = [0.1, 0.5].map(
    (x) =>
      db
        .insert(detections)
        .values({ ...box, x, y: 0.1, w: 0.2, h: 0.2 })
        .returning({ id: detections.id })
        .get().id,
  );
  const vector = new Float32Array([1, 0, 0, 0]);
  putDetectionEmbeddings(db, 'e1', [
    { detectionId: kept!, vector },
    { detectionId: gone!, vector },
  ]);
  expect(orphanVectorCount(db)).toBe(0);
  db.$client.prepare('DELETE FROM detections WHERE id = ?').run(gone);
  expect(orphanVectorCount(db)).toBe(1);
  deleteOrphanVectors(db);
  expect(orphanVectorCount(db)).toBe(0);
  expect(db.$client.prepare('SELECT detection_id AS id FROM detection_vectors').all()).toEqual([{ id: kept }]);
  expect(quickCheckProblems(db)).toEqual([]);
  db.$client.close();
});
