// A deer observation's class for a survey: the detection's own sex/age when set (by the detector's class or by a
// person), otherwise its individual's. buck = male and not a fawn, doe = female and not a fawn, fawn = age fawn.
import type { DeerClass } from '../contract/survey';
import { sexAgeClassOf } from '../individuals/sexAge';

/**
 * An individual's class: its sex ("male", "female") and age class ("adult", "yearling", "fawn") when a person set
 * them (`thumper traits`), else its sex/age class (set by a person, or the majority of its detections).
 */
export function individualClass(sex: string | null, ageClass: string | null, sexAge: string | null = null): DeerClass {
  if (ageClass === 'fawn') return 'fawn';
  if (sex === 'male') return 'buck';
  if (sex === 'female') return 'doe';
  return sexAgeClassOf(sexAge) ?? 'unknown';
}

/** A detection's class: its own words ("buck", "hind", "fawn", "unknown") win when they name a class. */
export function observationClass(detectionSexAge: string | null, individual: DeerClass | null): DeerClass {
  return sexAgeClassOf(detectionSexAge) ?? individual ?? 'unknown';
}
