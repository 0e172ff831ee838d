import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { countedDetectionIdsOfTracklet } from './detections';
import { openDatabase } from './open';
import { detections, images } from './schema';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-detections-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("lists a tracklet's counted boxes, leaving out duplicates and false positives", () => {
  const db = openDatabase(path.join(dir, 'd.db'));
  const imageId = db
    .insert(images)
    .values({ fileName: 'a.jpg', sourcePath: '/card/a.jpg', state: 'detected' })
    .returning({ id: images.id })
    .get().id;
  const box = { imageId, model: 'md', rawLabel: 'animal', category: 'animal' as const, confidence: 0.9 };
  const at = { x: 0.1, y: 0.1, w: 0.2, h: 0.2 };
  const ids = db
    .insert(detections)
    .values([
      { ...box, ...at, trackletId: 7 },
      { ...box, ...at, trackletId: 7, duplicate: true },
      { ...box, ...at, trackletId: 7, falsePositive: true },
      { ...box, ...at, trackletId: 8 },
      { ...box, ...at, trackletId: 7 },
    ])
    .returning({ id: detections.id })
    .all()
    .map((r) => r.id);
  expect(countedDetectionIdsOfTracklet(db, 7)).toEqual([ids[0], ids[4]]);
  expect(countedDetectionIdsOfTracklet(db, 9)).toEqual([]);
  db.$client.close();
});
