// Corrections of a single detection: its category, its sex/age class, "not an animal at all", and boxes a person
// draws where the detector missed one.
import { eq, sql } from 'drizzle-orm';
import { getImageState, moveImage } from '../db/images';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { detections, images, tracklets, type Category } from '../db/schema';
import { detachDetections, IndividualsError, splitDetections } from '../individuals';
import { runEdit, type EditResult } from './journal';
import { membersChanged, refreshTrackletEmbeddings, trackletsOf } from './maintenance';

export interface DetectionCorrection {
  detectionId: number;
  category?: Category;
  sexAge?: string | null;
  falsePositive?: boolean;
}

// Prepared once per connection: every correction reads it.
const detectionStatement = preparedOnce((db) =>
  db
    .select({
      category: detections.category,
      falsePositive: detections.falsePositive,
      sequenceId: images.sequenceId,
      individualId: tracklets.individualId,
    })
    .from(detections)
    .innerJoin(images, eq(images.id, detections.imageId))
    .leftJoin(tracklets, eq(tracklets.id, detections.trackletId))
    .where(eq(detections.id, sql.placeholder('id')))
    .prepare(),
);

function readDetection(db: Db, id: number) {
  const row = detectionStatement(db).get({ id });
  if (!row) throw new IndividualsError(`detection ${id} does not exist`);
  return row;
}

/**
 * Applies a correction. A detection marked false leaves its individual; one whose category changes leaves it for a
 * new individual of the new category (a person is not part of a deer); one unmarked again joins a new individual.
 * Any of these marks the detection reviewed (exported as a human classification).
 */
export function correctDetection(db: Db, args: DetectionCorrection): EditResult {
  return runEdit(db, 'correctDetection', args, () => {
    const id = args.detectionId;
    const was = readDetection(db, id);
    const changed = new Set<number>(was.individualId === null ? [] : [was.individualId]);
    const recategorised = args.category !== undefined && args.category !== was.category;
    const nowFalse = args.falsePositive ?? was.falsePositive;
    const before = trackletsOf(db, [id]);
    if (recategorised || nowFalse) for (const i of detachDetections(db, [id])) changed.add(i);
    db.update(detections)
      .set({
        ...(args.category !== undefined ? { category: args.category } : {}),
        ...(args.sexAge !== undefined ? { sexAge: args.sexAge } : {}),
        falsePositive: nowFalse,
        reviewed: true,
      })
      .where(eq(detections.id, id))
      .run();
    const orphan = !nowFalse && trackletsOf(db, [id]).length === 0 && was.sequenceId !== null;
    if (orphan) for (const i of splitDetections(db, [id]).changed) changed.add(i);
    if (recategorised || nowFalse !== was.falsePositive || orphan) {
      refreshTrackletEmbeddings(db, [...before, ...trackletsOf(db, [id])]);
      membersChanged(db, changed);
    }
    return [...changed];
  });
}

export interface HandDrawnBox {
  imageId: number;
  /** Normalised box in the displayed (oriented) photo, as detector boxes are. */
  x: number;
  y: number;
  w: number;
  h: number;
  category: Category;
  sexAge?: string | null;
}

/**
 * Adds a box the detector missed. It joins the pipeline like any other: the photo goes back to 'detected', so the
 * embed stage computes its vector and crop and the track and match stages place it (a new individual, or suggestions
 * for the review queue). Returns the new detection's id with the edit result.
 */
export function addBox(db: Db, args: HandDrawnBox): EditResult & { detectionId: number } {
  const inside =
    [args.x, args.y, args.w, args.h].every((v) => v >= 0 && v <= 1) &&
    args.w > 0 &&
    args.h > 0 &&
    args.x + args.w <= 1 &&
    args.y + args.h <= 1;
  if (!inside)
    throw new IndividualsError('a box must lie inside the photo (normalised 0-1 coordinates, positive size)');
  let detectionId = 0;
  const result = runEdit(db, 'addBox', args, () => {
    if (getImageState(db, args.imageId) === null) throw new IndividualsError(`photo ${args.imageId} does not exist`);
    detectionId = db
      .insert(detections)
      .values({
        imageId: args.imageId,
        model: 'human',
        rawLabel: 'human',
        category: args.category,
        sexAge: args.sexAge ?? null,
        confidence: 1,
        x: args.x,
        y: args.y,
        w: args.w,
        h: args.h,
        reviewed: true,
      })
      .returning({ id: detections.id })
      .get().id;
    // Photos not yet embedded will embed the new box anyway; later ones step back so the embed stage runs again.
    moveImage(db, args.imageId, 'detected', { from: ['embedded', 'done'] });
    return [];
  });
  return { ...result, detectionId };
}
