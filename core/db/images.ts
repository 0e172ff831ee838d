// The images repository: typed reads of photo rows and every change of a photo's state (core/db/imageStates.ts says
// which moves are allowed; a move is applied only to photos in a state it may leave, so a stale caller changes
// nothing rather than breaking the state machine).
import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { anyOf } from './idList';
import type { Db } from './open';
import { movableFrom, type ImageState } from './imageStates';
import { images } from './schema';

export type ImageRow = typeof images.$inferSelect;

export interface MoveOptions {
  /** Only photos in one of these states move (default: every state the table lets move there). */
  from?: readonly ImageState[];
  /** Detector whose boxes the photo now has. */
  detector?: string | null;
  /** Embedder whose vectors the photo's boxes now have. */
  embedder?: string | null;
  /** Why the photo last failed; a photo that moves on clears it unless told otherwise. */
  error?: string | null;
  /** Processing attempts so far (a person's retry starts again at 0). */
  attempts?: number;
}

export function getImage(db: Db, imageId: number): ImageRow | undefined {
  return db.select().from(images).where(eq(images.id, imageId)).get();
}

export function getImageState(db: Db, imageId: number): ImageState | null {
  return db.select({ state: images.state }).from(images).where(eq(images.id, imageId)).get()?.state ?? null;
}

function changes(options: MoveOptions, to: ImageState) {
  return {
    state: to,
    ...(options.detector !== undefined ? { detector: options.detector } : {}),
    ...(options.embedder !== undefined ? { embedder: options.embedder } : {}),
    ...(options.attempts !== undefined ? { attempts: options.attempts } : {}),
    ...(to !== 'failed' || options.error !== undefined ? { error: options.error ?? null } : {}),
  };
}

/** Moves one photo to `to`; false when it does not exist or its state may not move there (nothing changes). */
export function moveImage(db: Db, imageId: number, to: ImageState, options: MoveOptions = {}): boolean {
  const result = db
    .update(images)
    .set(changes(options, to))
    .where(and(eq(images.id, imageId), inArray(images.state, movableFrom(to, options.from))))
    .run();
  return result.changes > 0;
}

/** Moves every photo of a sequence that is in one of `from` to `to`; returns how many moved. */
export function moveSequenceImages(db: Db, sequenceId: number, from: readonly ImageState[], to: ImageState): number {
  return db
    .update(images)
    .set({ state: to })
    .where(and(eq(images.sequenceId, sequenceId), inArray(images.state, movableFrom(to, from))))
    .run().changes;
}

/** A stage failed the photo: the reason is kept and the attempt counted (unlessFailed: only if not failed already). */
export function failImage(db: Db, imageId: number, reason: string, options: { unlessFailed?: boolean } = {}): boolean {
  const where = and(eq(images.id, imageId), inArray(images.state, movableFrom('failed')));
  return (
    db
      .update(images)
      .set({ state: 'failed', error: reason, attempts: sql`${images.attempts} + 1` })
      .where(options.unlessFailed ? and(where, ne(images.state, 'failed')) : where)
      .run().changes > 0
  );
}

/** A finished photo whose sequence changes goes back to 'embedded', so its new sequence is tracked and matched. */
function reopen(db: Db, where: SQL): void {
  db.update(images)
    .set({ state: 'embedded' })
    .where(and(where, inArray(images.state, movableFrom('embedded', ['done']))))
    .run();
}

/** Puts photos into a sequence; finished ones are reopened for tracking. */
export function setImageSequence(db: Db, imageIds: readonly number[], sequenceId: number): void {
  if (imageIds.length === 0) return;
  const ids = inArray(images.id, anyOf(imageIds));
  reopen(db, ids);
  db.update(images).set({ sequenceId }).where(ids).run();
}

/** Takes the photos of the given sequences out of them (the sequences are going); finished ones are reopened. */
export function leaveSequences(db: Db, sequenceIds: readonly number[]): void {
  if (sequenceIds.length === 0) return;
  const members = inArray(images.sequenceId, anyOf(sequenceIds));
  reopen(db, members);
  db.update(images).set({ sequenceId: null }).where(members).run();
}
