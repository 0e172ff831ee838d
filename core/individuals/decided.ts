// Individuals carrying a person's decisions. The pipeline never deletes or rebuilds these on its own: re-tracking a
// sequence (a new sequence gap, a re-detected photo, a box drawn by hand) keeps their tracklets as they are, and one
// left without detections stays, showing 0 sightings, until a person merges or deletes it.
import { and, isNull, not, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { editJournal, individuals } from '../db/schema';
import { PROVISIONAL_PREFIXES } from './names';

// Another species' provisional name is its own name and a number ("Zebra 2", names.ts).
const provisional = [
  ...PROVISIONAL_PREFIXES.map((p) => `(name GLOB '${p} [0-9]*' AND substr(name, ${p.length + 2}) NOT GLOB '*[^0-9]*')`),
  `(species != 'deer' AND lower(substr(name, 1, length(species) + 1)) = lower(species) || ' '
    AND length(name) > length(species) + 1 AND substr(name, length(species) + 2) NOT GLOB '*[^0-9]*')`,
].join(' OR ');

/** SQL over an `individuals` row: confirmed, renamed (no longer "Deer 17"), annotated, or given a sex or age class. */
export const DECIDED_SQL = `(confirmed OR notes != '' OR sex IS NOT NULL OR age_class IS NOT NULL OR NOT (${provisional}))`;

/**
 * Individuals a person decided about: DECIDED_SQL, or touched by an edit still in effect (merged into, split from,
 * accepted in the review queue...). Reads the edit journal's `individualIds` (core/edits/journal.ts).
 */
export function decidedIndividuals(db: Db): Set<number> {
  const rows = db
    .select({ id: individuals.id })
    .from(individuals)
    .where(and(isNull(individuals.mergedInto), sql.raw(DECIDED_SQL)))
    .union(
      db
        .select({ id: sql<number>`CAST(j.value AS INTEGER)` })
        .from(sql`${editJournal}, json_each(${editJournal.forward}, '$.individualIds') j`)
        .where(not(editJournal.undone)),
    )
    .all();
  return new Set(rows.map((r) => r.id));
}
