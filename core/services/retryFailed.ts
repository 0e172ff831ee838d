// Retry for the Failed filter. A failed photo the library holds a copy of goes back to waiting for processing; a file
// the import refused (not a photo, unreadable, truncated and dropped) is imported again from where it came from, so
// the import judges it afresh (a card put back, a file replaced). What cannot be retried is named, not dropped.
import fs from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { moveImage } from '../db/images';
import { inTransaction, type Db } from '../db/open';
import { images } from '../db/schema';

export interface RetryPlan {
  /** Photos set back to waiting for processing. */
  reprocess: number;
  /** Source files to import again (their failed rows are removed so the import records them afresh). */
  reimport: string[];
  /** Source files that are gone: their rows stay, with their reason. */
  missing: string[];
}

/** Prepares the retry of the given failed files (all of them when `ids` is absent) in one transaction. */
export function prepareRetry(db: Db, ids?: readonly number[]): RetryPlan {
  return inTransaction(db, () => {
    const failed = eq(images.state, 'failed');
    const chosen = ids ? inArray(images.id, sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`) : undefined;
    const rows = db
      .select({ id: images.id, path: images.path, sourcePath: images.sourcePath })
      .from(images)
      .where(and(failed, chosen))
      .all();
    const plan: RetryPlan = { reprocess: 0, reimport: [], missing: [] };
    for (const row of rows) {
      if (row.path !== null) {
        moveImage(db, row.id, 'imported', { from: ['failed'], attempts: 0 });
        plan.reprocess++;
      } else if (fs.existsSync(row.sourcePath)) {
        db.delete(images).where(eq(images.id, row.id)).run();
        plan.reimport.push(row.sourcePath);
      } else plan.missing.push(row.sourcePath);
    }
    return plan;
  });
}
