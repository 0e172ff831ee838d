// Changing the sequence gap regroups the library's photos at once (sequences are recomputed, tracks and matches
// redone for the sequences that changed), so what the user sees follows the setting.
import type { Db } from '../db/open';
import { setSetting } from '../library/settings';
import { runReid, type ReidSummary } from './runReid';

export function setSequenceGap(db: Db, seconds: number): Promise<ReidSummary> {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new RangeError(`a sequence gap is a number of seconds >= 0, not ${seconds}`);
  setSetting(db, 'sequenceGapSeconds', seconds);
  return runReid(db);
}
