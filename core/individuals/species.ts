// Species: every individual is "deer" or another species by name. The default detector knows no deer (COCO calls a
// deer a horse, cow, sheep or dog), so its labels are hints: the classes a deer is mistaken for count as deer, the
// COCO animals a deer is never mistaken for (bird, zebra, giraffe, elephant, bear) name their own species. A model
// with deer or species classes (a buck/doe/fawn YOLO, MegaDetector plus a classifier) names the species outright.
import { eq, sql } from 'drizzle-orm';
import { DEER } from '../contract';
import type { Db } from '../db/open';
import { individuals, settings } from '../db/schema';
import { mapLabel } from '../models/labels';

/** COCO animals that are never a deer in a trail-camera photo. */
const NOT_DEER = new Set(['bird', 'zebra', 'giraffe', 'elephant', 'bear']);
/** Labels that say "an animal" or what a COCO detector calls a deer: hints for deer (the app is for deer). */
const DEER_HINTS = new Set(['animal', 'horse', 'cow', 'sheep', 'dog', 'cat', 'mouse', 'teddy bear']);
const DEER_WORDS =
  /\b(deer|cervid|cervidae|cervus|odocoileus|capreolus|dama|alces|elk|moose|wapiti|reindeer|caribou)\b/;

/** The species a detector label names: "deer", another species, or null when it names none (a person, an object). */
export function speciesOfLabel(label: string): string | null {
  const key = label.trim().toLowerCase();
  const mapped = mapLabel(key);
  if (mapped.category !== 'animal') return null;
  if (mapped.sexAge !== null || DEER_WORDS.test(key) || DEER_HINTS.has(key)) return DEER;
  if (NOT_DEER.has(key)) return key;
  // A user's model with species classes ("coyote", "raccoon") names them.
  return key === '' ? null : key;
}

/**
 * The species of a group of detections: the confidence-weighted majority of their labels' species; a tie goes to deer.
 * Null when no label names a species (the individual keeps what it has).
 */
export function speciesOfDetections(detections: readonly { rawLabel: string; confidence: number }[]): string | null {
  const weight = new Map<string, number>();
  for (const d of detections) {
    const s = speciesOfLabel(d.rawLabel);
    if (s !== null) weight.set(s, (weight.get(s) ?? 0) + Math.max(d.confidence, 1e-3));
  }
  let best: string | null = null;
  let bestWeight = -1;
  for (const [s, w] of [...weight].sort(([a], [b]) => (a === DEER ? -1 : b === DEER ? 1 : a.localeCompare(b)))) {
    if (w > bestWeight) [best, bestWeight] = [s, w];
  }
  return best;
}

const REMEMBERED_KEY = 'otherSpecies';

/** Species names other than deer the library has used, as first written (kept in the settings table, not a setting). */
export function rememberedSpecies(db: Db): string[] {
  const list = db.select({ value: settings.value }).from(settings).where(eq(settings.key, REMEMBERED_KEY)).get()?.value;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
}

/**
 * The stored spelling of a species name: "deer" whatever its case, a remembered name in the spelling first used,
 * else the name as given (trimmed). Names compare without regard to case.
 */
export function canonicalSpecies(db: Db, name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') throw new Error('a species name cannot be empty');
  const lower = trimmed.toLowerCase();
  if (lower === DEER) return DEER;
  const inUse = db
    .select({ species: individuals.species })
    .from(individuals)
    .where(eq(sql`lower(${individuals.species})`, lower))
    .orderBy(individuals.id)
    .limit(1)
    .get();
  return rememberedSpecies(db).find((s) => s.toLowerCase() === lower) ?? inUse?.species ?? trimmed;
}

/** Adds a non-deer species name to the remembered list (outside the edit journal: undo does not forget a name). */
export function rememberSpecies(db: Db, name: string): void {
  if (name.toLowerCase() === DEER) return;
  const list = rememberedSpecies(db);
  if (list.some((s) => s.toLowerCase() === name.toLowerCase())) return;
  db.insert(settings)
    .values({ key: REMEMBERED_KEY, value: [...list, name].sort((a, b) => a.localeCompare(b)) })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
    .run();
}
