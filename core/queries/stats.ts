// Library totals: the one place that counts, for the CLI, the dashboard and the tests.
import { and, count, countDistinct, eq, exists, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { DEER } from '../contract';
import { PROCESSED_IMAGE_STATES } from '../db/imageStates';
import type { Db } from '../db/open';
import {
  cameras,
  detections,
  IMAGE_STATES,
  images,
  individuals,
  sequences,
  skippedFiles,
  suggestions,
  tracklets,
  type Category,
  type ImageState,
} from '../db/schema';
import { lastProvider } from '../models/providerRecord';
import { countedBox, countWhere } from './sqlFilter';

export interface LibraryStats {
  images: { total: number; done: number; failed: number; pending: number; empty: number };
  cameras: number;
  videosSkipped: number;
  /** Re-identification: sequences, tracklets, deer individuals (not merged away) and suggestions awaiting review. */
  sequences: number;
  tracklets: number;
  individuals: number;
  suggestionsPending: number;
  /** Boxes that count: neither duplicates nor marked false by a person. */
  detections: { total: number; animal: number; person: number; vehicle: number };
  /** Execution provider the detector last ran on ("cuda", "cpu"); null before any processing. */
  provider: string | null;
  /** Why the models ran on the CPU when CUDA was possible or wanted. */
  providerNote: string | null;
}

const UNPROCESSED = IMAGE_STATES.filter((state) => !(PROCESSED_IMAGE_STATES as readonly ImageState[]).includes(state));

export function libraryStats(db: Db): LibraryStats {
  // States from the images_state index alone, less the clips' sampled frames (few, from the images_clip index):
  // a clip counts once, as a photo does.
  const byState = (where?: SQL) =>
    db.select({ state: images.state, n: count() }).from(images).where(where).groupBy(images.state).all();
  const states = new Map(byState().map((r) => [r.state, r.n]));
  for (const r of byState(isNotNull(images.clipId))) states.set(r.state, states.get(r.state)! - r.n);
  const total = [...states.values()].reduce((sum, n) => sum + n, 0);
  const done = states.get('done') ?? 0;
  const failed = states.get('failed') ?? 0;
  // Empty = processed photos without a counted box. Not a probe per photo: the photos with counted boxes are counted
  // in one ordered pass over their covering index, less the few of them not processed (those states are rare).
  const processed = PROCESSED_IMAGE_STATES.reduce((sum, state) => sum + (states.get(state) ?? 0), 0);
  const boxedImages = db
    .select({ n: countDistinct(detections.imageId) })
    .from(detections)
    .where(countedBox)
    .get()!.n;
  // A clip is boxed when one of its frames is: its boxed frames count once, as the clip.
  const boxedFrames = db
    .select({ frames: countDistinct(images.id), clips: countDistinct(images.clipId) })
    .from(images)
    .innerJoin(detections, eq(detections.imageId, images.id))
    .where(and(isNotNull(images.clipId), countedBox))
    .get()!;
  const boxed = boxedImages - boxedFrames.frames + boxedFrames.clips;
  const hasBox = db
    .select({ one: sql`1` })
    .from(detections)
    .where(and(eq(detections.imageId, images.id), countedBox));
  const boxedUnprocessed = db
    .select({ n: count() })
    .from(images)
    .where(and(inArray(images.state, UNPROCESSED), isNull(images.clipId), exists(hasBox)))
    .get()!.n;
  const empty = processed - (boxed - boxedUnprocessed);
  const img: LibraryStats['images'] = { total, done, failed, pending: total - done - failed, empty };
  const countOf = (table: SQLiteTable, where?: SQL) => db.select({ n: count() }).from(table).where(where).get()!.n;
  const reid = {
    sequences: countOf(sequences),
    tracklets: countOf(tracklets),
    individuals: countOf(individuals, and(isNull(individuals.mergedInto), eq(individuals.species, DEER))),
    suggestionsPending: countOf(suggestions, eq(suggestions.state, 'pending')),
  };
  const ofCategory = (category: Category) => countWhere(eq(detections.category, category));
  const boxes = db
    .select({
      total: count(),
      animal: ofCategory('animal'),
      person: ofCategory('person'),
      vehicle: ofCategory('vehicle'),
    })
    .from(detections)
    .where(countedBox)
    .get()!;
  const provider = lastProvider(db);
  return {
    images: img,
    cameras: countOf(cameras),
    videosSkipped: db
      .select({ n: countDistinct(skippedFiles.sourcePath) })
      .from(skippedFiles)
      .get()!.n,
    ...reid,
    detections: boxes,
    provider: provider?.provider ?? null,
    providerNote: provider?.note ?? null,
  };
}
