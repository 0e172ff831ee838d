// Library totals: the one place that counts, for the CLI, the dashboard and the tests.
import type { Db } from '../db/open';
import { IMAGE_STATES, type ImageState } from '../db/schema';
import { lastProvider } from '../models/providerRecord';
import { COUNTED, Where } from './sqlFilter';

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

/** Photos past detection: their boxes, or the lack of them, are known. */
const PROCESSED: readonly ImageState[] = ['detected', 'embedded', 'done'];
const UNPROCESSED = IMAGE_STATES.filter((state) => !PROCESSED.includes(state));

export function libraryStats(db: Db): LibraryStats {
  const c = db.$client;
  // States from the images_state index alone, less the clips' sampled frames (few, from the images_clip index):
  // a clip counts once, as a photo does.
  const count = (sql: string) => c.prepare(sql).all() as { state: string; n: number }[];
  const states = new Map(count('SELECT state, count(*) AS n FROM images GROUP BY state').map((r) => [r.state, r.n]));
  for (const r of count('SELECT state, count(*) AS n FROM images WHERE clip_id IS NOT NULL GROUP BY state'))
    states.set(r.state, states.get(r.state)! - r.n);
  const total = [...states.values()].reduce((sum, n) => sum + n, 0);
  const done = states.get('done') ?? 0;
  const failed = states.get('failed') ?? 0;
  // Empty = processed photos without a counted box. Not a probe per photo: the photos with counted boxes are counted
  // in one ordered pass over their covering index, less the few of them not processed (those states are rare).
  const processed = PROCESSED.reduce((sum, state) => sum + (states.get(state) ?? 0), 0);
  const boxedImages = (
    c.prepare(`SELECT count(DISTINCT d.image_id) AS n FROM detections d WHERE ${COUNTED}`).get() as { n: number }
  ).n;
  // A clip is boxed when one of its frames is: its boxed frames count once, as the clip.
  const boxedFrames = c
    .prepare(
      `SELECT count(DISTINCT f.id) AS frames, count(DISTINCT f.clip_id) AS clips FROM images f
       JOIN detections d ON d.image_id = f.id WHERE f.clip_id IS NOT NULL AND ${COUNTED}`,
    )
    .get() as { frames: number; clips: number };
  const boxed = boxedImages - boxedFrames.frames + boxedFrames.clips;
  const unprocessed = new Where()
    .in('i.state', UNPROCESSED)
    .add('i.clip_id IS NULL')
    .add(`EXISTS (SELECT 1 FROM detections d WHERE d.image_id = i.id AND ${COUNTED})`);
  const boxedUnprocessed = (
    c.prepare(`SELECT count(*) AS n FROM images i ${unprocessed.sql}`).get(...unprocessed.params) as { n: number }
  ).n;
  const empty = processed - (boxed - boxedUnprocessed);
  const img: LibraryStats['images'] = { total, done, failed, pending: total - done - failed, empty };
  const cameras = (c.prepare('SELECT count(*) AS n FROM cameras').get() as { n: number }).n;
  const videosSkipped = (c.prepare('SELECT count(DISTINCT source_path) AS n FROM skipped_files').get() as { n: number })
    .n;
  const reid = c
    .prepare(
      `SELECT (SELECT count(*) FROM sequences) AS sequences, (SELECT count(*) FROM tracklets) AS tracklets,
              (SELECT count(*) FROM individuals WHERE merged_into IS NULL AND species = 'deer') AS individuals,
              (SELECT count(*) FROM suggestions WHERE state = 'pending') AS suggestionsPending`,
    )
    .get() as Pick<LibraryStats, 'sequences' | 'tracklets' | 'individuals' | 'suggestionsPending'>;
  const detections = c
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(category = 'animal'), 0) AS animal, coalesce(sum(category = 'person'), 0) AS person,
              coalesce(sum(category = 'vehicle'), 0) AS vehicle
       FROM detections d WHERE ${COUNTED}`,
    )
    .get() as LibraryStats['detections'];
  const provider = lastProvider(db);
  return {
    images: img,
    cameras,
    videosSkipped,
    ...reid,
    detections,
    provider: provider?.provider ?? null,
    providerNote: provider?.note ?? null,
  };
}
