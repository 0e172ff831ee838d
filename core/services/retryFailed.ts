// Retry for the Failed filter. A failed photo the library holds a copy of goes back to waiting for processing; a file
// the import refused (not a photo, unreadable, truncated and dropped) is imported again from where it came from, so
// the import judges it afresh (a card put back, a file replaced). What cannot be retried is named, not dropped.
import fs from 'node:fs';
import { inTransaction, type Db } from '../db/open';

export interface RetryPlan {
  /** Photos set back to waiting for processing. */
  reprocess: number;
  /** Source files to import again (their failed rows are removed so the import records them afresh). */
  reimport: string[];
  /** Source files that are gone: their rows stay, with their reason. */
  missing: string[];
}

interface FailedRow {
  id: number;
  path: string | null;
  sourcePath: string;
}

/** Prepares the retry of the given failed files (all of them when `ids` is absent) in one transaction. */
export function prepareRetry(db: Db, ids?: readonly number[]): RetryPlan {
  return inTransaction(db, () => {
    const c = db.$client;
    const rows = (
      ids
        ? c
            .prepare(
              `SELECT id, path, source_path AS sourcePath FROM images
               WHERE state = 'failed' AND id IN (SELECT value FROM json_each(?))`,
            )
            .all(JSON.stringify(ids))
        : c.prepare(`SELECT id, path, source_path AS sourcePath FROM images WHERE state = 'failed'`).all()
    ) as FailedRow[];
    const plan: RetryPlan = { reprocess: 0, reimport: [], missing: [] };
    const reset = c.prepare(`UPDATE images SET state = 'imported', error = NULL, attempts = 0 WHERE id = ?`);
    const drop = c.prepare('DELETE FROM images WHERE id = ?');
    for (const row of rows) {
      if (row.path !== null) {
        reset.run(row.id);
        plan.reprocess++;
      } else if (fs.existsSync(row.sourcePath)) {
        drop.run(row.id);
        plan.reimport.push(row.sourcePath);
      } else plan.missing.push(row.sourcePath);
    }
    return plan;
  });
}
