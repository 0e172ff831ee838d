// A photo's processing state machine. A photo is created 'imported' (or 'failed' when its file could not be read),
// then the pipeline moves it on: detection stores its boxes ('detected'), embedding gives them vectors ('embedded'),
// tracking and matching its sequence finish it ('done'). Changes step it back so the stages run again: a new box or a
// new detector ('detected'), a new embedder or a changed sequence ('embedded'). Any stage may fail it, and a retry
// that succeeds takes it on again (or a person's retry starts it over as 'imported'). A photo whose file is gone from
// the library is 'missing' (`check --repair`) until its card is imported again, which restores the file and starts it
// over. Every state change goes through core/db/images.ts, which refuses a move this table does not allow.
import { IMAGE_STATES, type ImageState } from '../contract/entities';

export { IMAGE_STATES, type ImageState };

/** The states a photo may move to from each state. */
export const IMAGE_TRANSITIONS = {
  // Detection stores boxes; when the embed stage runs in the same pass the photo leaves it embedded. A video clip is
  // done once its frames are sampled (the frames are the photos that go through the pipeline).
  imported: ['detected', 'embedded', 'done', 'failed', 'missing'],
  // Re-detection (another detector) stays 'detected'.
  detected: ['detected', 'embedded', 'failed', 'missing'],
  // Re-embedding (another embedder) stays 'embedded'; tracking and matching its sequence finish it.
  embedded: ['detected', 'embedded', 'done', 'failed', 'missing'],
  // A new box or detector, a new embedder or a changed sequence reopen it.
  done: ['detected', 'embedded', 'failed', 'missing'],
  // A retry that succeeds goes on; a retry that fails again counts another attempt; a person's retry starts it over.
  failed: ['imported', 'detected', 'embedded', 'failed', 'missing'],
  // Its file is back (the card imported again): processed again from the start.
  missing: ['imported'],
} as const satisfies Record<ImageState, readonly ImageState[]>;

/** The states a photo is created in. */
export const INITIAL_IMAGE_STATES = ['imported', 'failed'] as const satisfies readonly ImageState[];

/** Photos with boxes from a detector (whatever came after). */
export const PROCESSED_IMAGE_STATES = ['detected', 'embedded', 'done'] as const satisfies readonly ImageState[];

export class ImageStateError extends Error {}

export const canMove = (from: ImageState, to: ImageState): boolean =>
  (IMAGE_TRANSITIONS[from] as readonly ImageState[]).includes(to);

/** The states from which a photo may move to `to`. */
export const sourcesOf = (to: ImageState): ImageState[] => IMAGE_STATES.filter((from) => canMove(from, to));

/**
 * The states a move to `to` applies to: `from` when given (every one of them must be allowed to move there), else
 * every state that may. Throws for a move the table forbids: a programming error, never a user's.
 */
export function movableFrom(to: ImageState, from?: readonly ImageState[]): ImageState[] {
  if (from === undefined) return sourcesOf(to);
  const refused = from.filter((s) => !canMove(s, to));
  if (refused.length > 0) throw new ImageStateError(`a photo cannot go from '${refused.join("', '")}' to '${to}'`);
  return [...from];
}
