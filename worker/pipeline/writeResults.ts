// Results go to the database in batched transactions (per-photo writes were the old system's bottleneck). For each
// photo, one transaction replaces its machine-made boxes, stores the new ones, runs the later stages' writes and
// advances its state, so a photo is never half-processed and a rerun never duplicates boxes.
import { failImage, moveImage } from '../../core/db/images';
import { inTransaction, type Db } from '../../core/db/open';
import type { ImageState } from '../../core/db/schema';
import { inheritTracklets, trackedBoxes } from '../../core/reid/keepBoxes';
import type { Detection } from '../detect/detector';
import type { StageOutput } from './stages';

export type PhotoResult =
  | {
      kind: 'done';
      imageId: number;
      detector: string;
      detections: Detection[];
      state: ImageState;
      outputs: StageOutput[];
    }
  | { kind: 'failed'; imageId: number; reason: string };

export function writeResults(db: Db, results: readonly PhotoResult[]): void {
  if (results.length === 0) return;
  // Hot path: the box writes are prepared once per batch and run for every box of every photo.
  const c = db.$client;
  // Boxes drawn or confirmed by a person, and boxes imported from another tool, survive a re-detection.
  const clear = c.prepare(
    "DELETE FROM detections WHERE image_id = ? AND model != 'human' AND model NOT LIKE 'import:%' AND reviewed = 0",
  );
  const insert = c.prepare(
    `INSERT INTO detections (image_id, model, raw_label, category, sex_age, confidence, x, y, w, h, duplicate)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  inTransaction(db, () => {
    for (const r of results) {
      if (r.kind === 'failed') {
        failImage(db, r.imageId, r.reason);
        continue;
      }
      // A new box that is an old one again keeps its tracklet, and so its individual.
      const tracked = trackedBoxes(db, r.imageId);
      clear.run(r.imageId);
      const ids = r.detections.map((d) =>
        Number(
          insert.run(
            r.imageId,
            r.detector,
            d.rawLabel,
            d.category,
            d.sexAge,
            d.confidence,
            d.x,
            d.y,
            d.w,
            d.h,
            d.duplicate ? 1 : 0,
          ).lastInsertRowid,
        ),
      );
      inheritTracklets(db, r.imageId, tracked);
      for (const o of r.outputs) o.write?.(db, ids);
      moveImage(db, r.imageId, r.state, { detector: r.detector });
    }
  });
}
