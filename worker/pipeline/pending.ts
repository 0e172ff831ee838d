// Which photos a processing run takes: imported ones, and processed photos whose boxes come from another detector
// than the library's setting (switching the detector re-detects them; boxes imported from another tool, `import:*`,
// are kept); with `retryFailed`, failed photos that still have a file, a few times at most. A clip is never decoded
// as a photo: its sampled frames are (worker/video/sampleClips.ts).
import { and, eq, inArray, isNotNull, isNull, lt, ne, notLike, or, sql } from 'drizzle-orm';
import { anyOf } from '../../core/db/idList';
import { PROCESSED_IMAGE_STATES } from '../../core/db/imageStates';
import type { Db } from '../../core/db/open';
import { images } from '../../core/db/schema';

export interface PendingImage {
  id: number;
  path: string;
  inPlace: boolean;
  fileName: string;
}

export interface PendingOptions {
  detector: string;
  retryFailed?: boolean;
  /** Only these photos (any state but without a file); re-runs them even if already processed by this detector. */
  imageIds?: readonly number[];
}

export const MAX_ATTEMPTS = 3;

export function selectPending(db: Db, options: PendingOptions): PendingImage[] {
  const which = options.imageIds
    ? sql`${images.id} IN ${anyOf(options.imageIds)}`
    : and(
        ne(images.mediaType, 'clip'),
        or(
          eq(images.state, 'imported'),
          and(
            inArray(images.state, PROCESSED_IMAGE_STATES),
            or(
              isNull(images.detector),
              and(ne(images.detector, options.detector), notLike(images.detector, 'import:%')),
            ),
          ),
          options.retryFailed
            ? and(eq(images.state, 'failed'), isNotNull(images.sha256), lt(images.attempts, MAX_ATTEMPTS))
            : undefined,
        ),
      );
  return db
    .select({ id: images.id, path: images.path, inPlace: images.inPlace, fileName: images.fileName })
    .from(images)
    .where(and(isNotNull(images.path), which))
    .orderBy(images.id)
    .all()
    .map((r) => ({ ...r, path: r.path! }));
}
