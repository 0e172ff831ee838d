// Undo and redo across imports: what a later import or processing run may have changed under a journalled edit, and
// how to say it. Suggestions are the pipeline's proposals, rebuilt by every matching run: a decision's suggestion row
// being replaced is no reason to refuse undoing the decision itself (its individuals, tracks and boxes). Anything else
// changed since is refused, in words that say what changed.
import type { JournalledTable, StoredRow } from './rows';

/** Rows the pipeline rebuilds on its own: a change there does not block undoing the person's edit. */
export const rebuiltByPipeline = (table: JournalledTable) => table === 'suggestions';

const WHAT: Record<JournalledTable, string> = {
  individuals: 'an individual',
  tracklets: 'a track of one animal across a visit',
  detections: 'a box on a photo',
  suggestions: 'a suggestion',
  images: 'a photo',
};

const COLUMN_WORDS: Record<string, string> = {
  individual_id: 'individual',
  name: 'name',
  sex_age: 'sex/age',
  category: 'category',
  state: 'state',
  merged_into: 'merge',
  tracklet_id: 'track',
};

/** One sentence: which edit cannot be undone (or redone), what changed since and that nothing was written. */
export function describeConflict(
  kind: string,
  verb: 'undo' | 'redo',
  table: JournalledTable,
  current: StoredRow | null,
  expected: StoredRow | null,
): string {
  const what = WHAT[table];
  let how: string;
  if (current === null) how = `${what} it changed no longer exists (a later import or processing run removed it)`;
  else if (expected === null) how = `${what} it would remove has been changed since`;
  else {
    const changed = Object.keys(expected).filter((c) => JSON.stringify(current[c]) !== JSON.stringify(expected[c]));
    const names = changed.map((c) => COLUMN_WORDS[c] ?? c.replace(/_/g, ' '));
    how = `the ${names.join(', ')} of ${what} it changed ${names.length === 1 ? 'was' : 'were'} changed again since (by a later edit, import or processing run)`;
  }
  return `Cannot ${verb} "${kind}": ${how}; ${verb === 'undo' ? 'undoing' : 'redoing'} it would overwrite that. Nothing was changed.`;
}
