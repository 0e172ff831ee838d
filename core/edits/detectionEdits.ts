// Corrections of a single detection: its category, its sex/age class, "not an animal at all", and boxes a person
// draws where the detector missed one.
import { getImageState, moveImage } from '../db/images';
import type { Db } from '../db/open';
import type { Category } from '../db/schema';
import { detachDetections, IndividualsError, splitDetections } from '../individuals';
import { runEdit, type EditResult } from './journal';
import { membersChanged, refreshTrackletEmbeddings, trackletsOf } from './maintenance';

export interface DetectionCorrection {
  detectionId: number;
  category?: Category;
  sexAge?: string | null;
  falsePositive?: boolean;
}

interface DetectionRow {
  category: Category;
  falsePositive: number;
  sequenceId: number | null;
  individualId: number | null;
}

function readDetection(db: Db, id: number): DetectionRow {
  const row = db.$client
    .prepare(
      `SELECT d.category, d.false_positive AS falsePositive, i.sequence_id AS sequenceId, t.individual_id AS individualId
       FROM detections d JOIN images i ON i.id = d.image_id LEFT JOIN tracklets t ON t.id = d.tracklet_id WHERE d.id = ?`,
    )
    .get(id) as DetectionRow | undefined;
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
    const c = db.$client;
    const changed = new Set<number>(was.individualId === null ? [] : [was.individualId]);
    const recategorised = args.category !== undefined && args.category !== was.category;
    const nowFalse = args.falsePositive ?? !!was.falsePositive;
    const before = trackletsOf(db, [id]);
    if (recategorised || nowFalse) for (const i of detachDetections(db, [id])) changed.add(i);
    c.prepare(
      `UPDATE detections SET category = coalesce(?, category), sex_age = CASE WHEN ? THEN ? ELSE sex_age END,
         false_positive = ?, reviewed = 1 WHERE id = ?`,
    ).run(args.category ?? null, args.sexAge !== undefined ? 1 : 0, args.sexAge ?? null, nowFalse ? 1 : 0, id);
    const orphan = !nowFalse && trackletsOf(db, [id]).length === 0 && was.sequenceId !== null;
    if (orphan) for (const i of splitDetections(db, [id]).changed) changed.add(i);
    if (recategorised || nowFalse !== !!was.falsePositive || orphan) {
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
    detectionId = Number(
      db.$client
        .prepare(
          `INSERT INTO detections (image_id, model, raw_label, category, sex_age, confidence, x, y, w, h, reviewed)
           VALUES (?, 'human', 'human', ?, ?, 1, ?, ?, ?, ?, 1)`,
        )
        .run(args.imageId, args.category, args.sexAge ?? null, args.x, args.y, args.w, args.h).lastInsertRowid,
    );
    // Photos not yet embedded will embed the new box anyway; later ones step back so the embed stage runs again.
    moveImage(db, args.imageId, 'detected', { from: ['embedded', 'done'] });
    return [];
  });
  return { ...result, detectionId };
}
