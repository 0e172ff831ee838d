// Test support: a small re-identification library built by hand (cameras North and South, embedded photos with
// boxes and 8-d vectors of a test embedder), for tests of sequences, tracking, matching and suggestions.
import { openDatabase } from '../core/db/open';
import { setSetting } from '../core/library/settings';
import { ensureVectorTables, putDetectionEmbeddings } from '../core/db/vectorIndex';

export const EMBEDDER = 'test_embed';

export interface HandBox {
  x: number;
  vector: Float32Array;
}

export function handLibrary(file: string) {
  const db = openDatabase(file);
  const c = db.$client;
  ensureVectorTables(db, EMBEDDER, 8);
  setSetting(db, 'embedder', EMBEDDER);
  c.prepare(`INSERT INTO cameras (id, key, name) VALUES (1, 'a', 'North'), (2, 'b', 'South')`).run();
  let photo = 0;
  const add = (camera: number, takenAt: string, boxes: HandBox[]) => {
    photo++;
    c.prepare(
      `INSERT INTO images (id, sha256, file_name, source_path, camera_id, taken_at, state) VALUES (?, ?, ?, ?, ?, ?, 'embedded')`,
    ).run(photo, `sha${photo}`, `p${photo}.jpg`, `/card/p${photo}.jpg`, camera, takenAt);
    const ids = boxes.map((b) =>
      Number(
        c
          .prepare(
            `INSERT INTO detections (image_id, model, raw_label, category, confidence, x, y, w, h) VALUES (?, 'm', 'deer', 'animal', 0.9, ?, 0.3, 0.2, 0.3)`,
          )
          .run(photo, b.x).lastInsertRowid,
      ),
    );
    putDetectionEmbeddings(
      db,
      EMBEDDER,
      ids.map((id, i) => ({ detectionId: id, vector: boxes[i]!.vector })),
    );
    return { photo, ids };
  };
  return { db, add };
}
