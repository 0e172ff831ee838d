// A re-detection replaces a photo's machine-made boxes with new rows. So that it does not undo who is who, a new box
// that is the same box as an old one (same category, IoU >= SAME_BOX_IOU) takes the old box's place in its tracklet,
// and with it its individual (Immich keeps people's face assignments across re-detection the same way). Pairs are
// chosen by an optimal assignment over IoU (assignment.ts); boxes with no successor simply leave their tracklet.
import { and, eq, isNotNull, isNull, not, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { detections } from '../db/schema';
import { assignMinCost } from './assignment';
import { iou, type Box } from './tracklets';

export const SAME_BOX_IOU = 0.5;

export interface TrackedBox extends Box {
  category: string;
  trackletId: number;
}

const ofPhoto = eq(detections.imageId, sql.placeholder('image'));

// Prepared once per connection: the detection stage runs these for every photo it stores.
const trackedStatement = preparedOnce((db) =>
  db
    .select({
      x: detections.x,
      y: detections.y,
      w: detections.w,
      h: detections.h,
      category: detections.category,
      trackletId: detections.trackletId,
    })
    .from(detections)
    .where(and(ofPhoto, isNotNull(detections.trackletId)))
    .orderBy(detections.id)
    .prepare(),
);

const freeStatement = preparedOnce((db) =>
  db
    .select({
      id: detections.id,
      x: detections.x,
      y: detections.y,
      w: detections.w,
      h: detections.h,
      category: detections.category,
    })
    .from(detections)
    .where(and(ofPhoto, isNull(detections.trackletId), not(detections.duplicate), not(detections.falsePositive)))
    .orderBy(detections.id)
    .prepare(),
);

const linkStatement = preparedOnce((db) =>
  db
    .update(detections)
    .set({ trackletId: sql`${sql.placeholder('tracklet')}` })
    .where(eq(detections.id, sql.placeholder('id')))
    .prepare(),
);

/** The photo's boxes that are in a tracklet; read them before the re-detection deletes rows. */
export function trackedBoxes(db: Db, imageId: number): TrackedBox[] {
  return trackedStatement(db)
    .all({ image: imageId })
    .flatMap((b) => (b.trackletId === null ? [] : [{ ...b, trackletId: b.trackletId }]));
}

/**
 * After the new boxes are stored: successors of the old tracked boxes rejoin their tracklets. A tracklet left empty
 * stays until the track stage re-tracks the photo's sequence (its photo is back before 'embedded'), which prunes it
 * and brings its individual up to date.
 */
export function inheritTracklets(db: Db, imageId: number, before: readonly TrackedBox[]): void {
  const still = new Set(trackedBoxes(db, imageId).map((b) => b.trackletId));
  // Boxes that survived as rows (drawn or reviewed by a person) kept their tracklet already.
  const lost = before.filter((b) => !still.has(b.trackletId));
  if (lost.length === 0) return;
  const fresh = freeStatement(db).all({ image: imageId });
  const cost = lost.map((o) =>
    fresh.map((n) => {
      const overlap = n.category === o.category ? iou(o, n) : 0;
      return overlap >= SAME_BOX_IOU ? -overlap : Infinity;
    }),
  );
  assignMinCost(cost).forEach((j, i) => {
    if (j >= 0) linkStatement(db).run({ tracklet: lost[i]!.trackletId, id: fresh[j]!.id });
  });
}
