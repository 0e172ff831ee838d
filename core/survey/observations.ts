// What a survey is computed from: one row per kept deer detection, with the class it counts as.
import type { ByClass, DeerClass } from '../contract/survey';
import { groupBy } from '../util/groupBy';

export interface Observation {
  detectionId: number;
  individualId: number | null;
  individualName: string | null;
  /** The individual's own class (for unique bucks); null without an individual. */
  individualClass: DeerClass | null;
  class: DeerClass;
  cameraId: number | null;
  camera: string;
  /** The trigger sequence: observations of one visit are not independent. Null: a visit of its own. */
  visitId: number | null;
  /** Camera-local wall-clock time ("2024-10-03T05:12:44"), or null when unknown. */
  takenAt: string | null;
  /** How well this detection shows the animal (larger and surer is better), for the report's photos. */
  quality: number;
}

export const emptyByClass = (): ByClass => ({ buck: 0, doe: 0, fawn: 0, unknown: 0 });

export function countByClass(observations: Iterable<Observation>): ByClass {
  const counts = emptyByClass();
  for (const o of observations) counts[o.class]++;
  return counts;
}

/** Deer individuals classed buck that were seen (any of their observations) in these observations. */
export function uniqueBucks(observations: Iterable<Observation>): Set<number> {
  const bucks = new Set<number>();
  for (const o of observations) if (o.individualId !== null && o.individualClass === 'buck') bucks.add(o.individualId);
  return bucks;
}

/** Observations grouped by visit; an observation without a sequence is its own visit. */
export function visits(observations: readonly Observation[]): Observation[][] {
  return [...groupBy(observations, (o) => (o.visitId === null ? `d${o.detectionId}` : `s${o.visitId}`)).values()];
}
