// A re-detection replaces a photo's machine-made boxes with new rows. So that it does not undo who is who, a new box
// that is the same box as an old one (same category, IoU >= SAME_BOX_IOU) takes the old box's place in its tracklet,
// and with it its individual (Immich keeps people's face assignments across re-detection the same way). Pairs are
// chosen by an optimal assignment over IoU (assignment.ts); boxes with no successor simply leave their tracklet.
import type { Db } from '../db/open';
import { assignMinCost } from './assignment';
import { iou, type Box } from './tracklets';

export const SAME_BOX_IOU = 0.5;

export interface TrackedBox extends Box {
  category: string;
  trackletId: number;
}

/** The photo's boxes that are in a tracklet; read them before the re-detection deletes rows. */
export function trackedBoxes(db: Db, imageId: number): TrackedBox[] {
  return db.$client
    .prepare(
      'SELECT x, y, w, h, category, tracklet_id AS trackletId FROM detections WHERE image_id = ? AND tracklet_id IS NOT NULL ORDER BY id',
    )
    .all(imageId) as TrackedBox[];
}

/**
 * After the new boxes are stored: successors of the old tracked boxes rejoin their tracklets. A tracklet left empty
 * stays until the track stage re-tracks the photo's sequence (its photo is back before 'embedded'), which prunes it
 * and brings its individual up to date.
 */
export function inheritTracklets(db: Db, imageId: number, before: readonly TrackedBox[]): void {
  const c = db.$client;
  const still = new Set(
    (
      c
        .prepare('SELECT tracklet_id AS t FROM detections WHERE image_id = ? AND tracklet_id IS NOT NULL')
        .all(imageId) as { t: number }[]
    ).map((r) => r.t),
  );
  // Boxes that survived as rows (drawn or reviewed by a person) kept their tracklet already.
  const lost = before.filter((b) => !still.has(b.trackletId));
  if (lost.length === 0) return;
  const fresh = c
    .prepare(
      'SELECT id, x, y, w, h, category FROM detections WHERE image_id = ? AND tracklet_id IS NULL AND NOT duplicate AND NOT false_positive ORDER BY id',
    )
    .all(imageId) as (Box & { id: number; category: string })[];
  const cost = lost.map((o) =>
    fresh.map((n) => {
      const overlap = n.category === o.category ? iou(o, n) : 0;
      return overlap >= SAME_BOX_IOU ? -overlap : Infinity;
    }),
  );
  const link = c.prepare('UPDATE detections SET tracklet_id = ? WHERE id = ?');
  assignMinCost(cost).forEach((j, i) => {
    if (j >= 0) link.run(lost[i]!.trackletId, fresh[j]!.id);
  });
}
