// Library totals: the one place that counts, for the CLI, the dashboard and the tests.
import type { Db } from '../db/open';
import { lastProvider } from '../models/providerRecord';

export interface LibraryStats {
  images: { total: number; done: number; failed: number; pending: number; empty: number };
  cameras: number;
  videosSkipped: number;
  /** Re-identification: sequences, tracklets, individuals (not merged away) and suggestions awaiting review. */
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

export function libraryStats(db: Db): LibraryStats {
  const c = db.$client;
  const img = c
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(state = 'done'), 0) AS done,
              coalesce(sum(state = 'failed'), 0) AS failed,
              coalesce(sum(state NOT IN ('done','failed')), 0) AS pending,
              coalesce(sum(state IN ('detected','embedded','done') AND NOT EXISTS (
                SELECT 1 FROM detections d WHERE d.image_id = images.id AND NOT d.duplicate AND NOT d.false_positive)), 0) AS empty
       FROM images`,
    )
    .get() as LibraryStats['images'];
  const cameras = (c.prepare('SELECT count(*) AS n FROM cameras').get() as { n: number }).n;
  const videosSkipped = (c.prepare('SELECT count(DISTINCT source_path) AS n FROM skipped_files').get() as { n: number }).n;
  const reid = c
    .prepare(
      `SELECT (SELECT count(*) FROM sequences) AS sequences, (SELECT count(*) FROM tracklets) AS tracklets,
              (SELECT count(*) FROM individuals WHERE merged_into IS NULL) AS individuals,
              (SELECT count(*) FROM suggestions WHERE state = 'pending') AS suggestionsPending`,
    )
    .get() as Pick<LibraryStats, 'sequences' | 'tracklets' | 'individuals' | 'suggestionsPending'>;
  const detections = c
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(category = 'animal'), 0) AS animal, coalesce(sum(category = 'person'), 0) AS person,
              coalesce(sum(category = 'vehicle'), 0) AS vehicle
       FROM detections WHERE NOT duplicate AND NOT false_positive`,
    )
    .get() as LibraryStats['detections'];
  const provider = lastProvider(db);
  return { images: img, cameras, videosSkipped, ...reid, detections, provider: provider?.provider ?? null, providerNote: provider?.note ?? null };
}
