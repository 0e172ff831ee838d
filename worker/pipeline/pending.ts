// Which photos a processing run takes: imported ones by default; with `redetect`, processed photos whose boxes
// come from another detector; with `retryFailed`, failed photos that still have a file, a few times at most.
import type { Db } from '../../core/db/open';

export interface PendingImage {
  id: number;
  path: string;
  inPlace: boolean;
  fileName: string;
}

export interface PendingOptions {
  detector: string;
  redetect?: boolean;
  retryFailed?: boolean;
  /** Only these photos (any state but without a file); re-runs them even if already processed by this detector. */
  imageIds?: readonly number[];
}

export const MAX_ATTEMPTS = 3;

export function selectPending(db: Db, options: PendingOptions): PendingImage[] {
  const where = ["(state = 'imported')"];
  const params: (string | number)[] = [];
  if (options.redetect) {
    where.push("(state IN ('detected','embedded','done') AND (detector IS NULL OR detector != ?))");
    params.push(options.detector);
  }
  if (options.retryFailed) {
    where.push('(state = \'failed\' AND sha256 IS NOT NULL AND attempts < ?)');
    params.push(MAX_ATTEMPTS);
  }
  let sql = `SELECT id, path, in_place AS inPlace, file_name AS fileName FROM images WHERE path IS NOT NULL AND (${where.join(' OR ')})`;
  if (options.imageIds) {
    sql = `SELECT id, path, in_place AS inPlace, file_name AS fileName FROM images WHERE path IS NOT NULL AND id IN (SELECT value FROM json_each(?))`;
    params.splice(0, params.length, JSON.stringify(options.imageIds));
  }
  const rows = db.$client.prepare(`${sql} ORDER BY id`).all(...params) as (Omit<PendingImage, 'inPlace'> & { inPlace: number })[];
  return rows.map((r) => ({ ...r, inPlace: r.inPlace === 1 }));
}
