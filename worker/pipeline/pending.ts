// Which photos a processing run takes: imported ones, and processed photos whose boxes come from another detector
// than the library's setting (switching the detector re-detects them; boxes imported from another tool, `import:*`,
// are kept); with `retryFailed`, failed photos that still have a file, a few times at most. A clip is never decoded
// as a photo: its sampled frames are (worker/video/sampleClips.ts).
import type { Db } from '../../core/db/open';

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
  const where = [
    "(state = 'imported')",
    "(state IN ('detected','embedded','done') AND (detector IS NULL OR (detector != ? AND detector NOT LIKE 'import:%')))",
  ];
  const params: (string | number)[] = [options.detector];
  if (options.retryFailed) {
    where.push("(state = 'failed' AND sha256 IS NOT NULL AND attempts < ?)");
    params.push(MAX_ATTEMPTS);
  }
  let sql = `SELECT id, path, in_place AS inPlace, file_name AS fileName FROM images WHERE path IS NOT NULL AND media_type != 'clip' AND (${where.join(' OR ')})`;
  if (options.imageIds) {
    sql = `SELECT id, path, in_place AS inPlace, file_name AS fileName FROM images WHERE path IS NOT NULL AND id IN (SELECT value FROM json_each(?))`;
    params.splice(0, params.length, JSON.stringify(options.imageIds));
  }
  const rows = db.$client.prepare(`${sql} ORDER BY id`).all(...params) as (Omit<PendingImage, 'inPlace'> & {
    inPlace: number;
  })[];
  return rows.map((r) => ({ ...r, inPlace: r.inPlace === 1 }));
}
