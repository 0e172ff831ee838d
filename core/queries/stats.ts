// Library totals: the one place that counts, for the CLI, the dashboard and the tests.
import { and, count, countDistinct, eq, exists, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { DEER } from '../contract';
import { PROCESSED_IMAGE_STATES } from '../db/imageStates';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
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
  images: { total: number; done: number; failed: number; missing: number; pending: number; empty: number };
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

const ofCategory = (category: Category) => countWhere(eq(detections.category, category));

// Every count has one shape: prepared once per connection (the dashboard asks every 2 s while a job runs).
const statements = preparedOnce((db) => {
  const byState = (where?: SQL) =>
    db.select({ state: images.state, n: count() }).from(images).where(where).groupBy(images.state).prepare();
  const countOf = (table: SQLiteTable, where?: SQL) => db.select({ n: count() }).from(table).where(where).prepare();
  const hasBox = db
    .select({ one: sql`1` })
    .from(detections)
    .where(and(eq(detections.imageId, images.id), countedBox));
  return {
    states: byState(),
    frameStates: byState(isNotNull(images.clipId)),
    boxedImages: db
      .select({ n: countDistinct(detections.imageId) })
      .from(detections)
      .where(countedBox)
      .prepare(),
    boxedFrames: db
      .select({ frames: countDistinct(images.id), clips: countDistinct(images.clipId) })
      .from(images)
      .innerJoin(detections, eq(detections.imageId, images.id))
      .where(and(isNotNull(images.clipId), countedBox))
      .prepare(),
    boxedUnprocessed: countOf(images, and(inArray(images.state, UNPROCESSED), isNull(images.clipId), exists(hasBox))),
    cameras: countOf(cameras),
    videosSkipped: db
      .select({ n: countDistinct(skippedFiles.sourcePath) })
      .from(skippedFiles)
      .prepare(),
    sequences: countOf(sequences),
    tracklets: countOf(tracklets),
    individuals: countOf(individuals, and(isNull(individuals.mergedInto), eq(individuals.species, DEER))),
    suggestionsPending: countOf(suggestions, eq(suggestions.state, 'pending')),
    boxes: db
      .select({
        total: count(),
        animal: ofCategory('animal'),
        person: ofCategory('person'),
        vehicle: ofCategory('vehicle'),
      })
      .from(detections)
      .where(countedBox)
      .prepare(),
  };
});

export function libraryStats(db: Db): LibraryStats {
  const q = statements(db);
  const n = (statement: { get(): { n: number } | undefined }) => statement.get()!.n;
  // States from the images_state index alone, less the clips' sampled frames (few, from the images_clip index):
  // a clip counts once, as a photo does.
  const states = new Map(q.states.all().map((r) => [r.state, r.n]));
  for (const r of q.frameStates.all()) states.set(r.state, states.get(r.state)! - r.n);
  const total = [...states.values()].reduce((sum, k) => sum + k, 0);
  const done = states.get('done') ?? 0;
  const failed = states.get('failed') ?? 0;
  const missing = states.get('missing') ?? 0;
  // Empty = processed photos without a counted box. Not a probe per photo: the photos with counted boxes are counted
  // in one ordered pass over their covering index, less the few of them not processed (those states are rare).
  const processed = PROCESSED_IMAGE_STATES.reduce((sum, state) => sum + (states.get(state) ?? 0), 0);
  // A clip is boxed when one of its frames is: its boxed frames count once, as the clip.
  const boxedFrames = q.boxedFrames.get()!;
  const boxed = n(q.boxedImages) - boxedFrames.frames + boxedFrames.clips;
  const empty = processed - (boxed - n(q.boxedUnprocessed));
  const provider = lastProvider(db);
  return {
    images: { total, done, failed, missing, pending: total - done - failed - missing, empty },
    cameras: n(q.cameras),
    videosSkipped: n(q.videosSkipped),
    sequences: n(q.sequences),
    tracklets: n(q.tracklets),
    individuals: n(q.individuals),
    suggestionsPending: n(q.suggestionsPending),
    detections: q.boxes.get()!,
    provider: provider?.provider ?? null,
    providerNote: provider?.note ?? null,
  };
}
