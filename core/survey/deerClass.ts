// A deer observation's class for a survey: the detection's own sex/age when set (by the detector's class or by a
// person), otherwise its individual's. buck = male and not a fawn, doe = female and not a fawn, fawn = age fawn.
import type { DeerClass } from '../contract/survey';
import { parseSexAge } from '../exports/sexAge';

function classOf(sex: string | null, lifeStage: string | null): DeerClass {
  if (lifeStage === 'juvenile') return 'fawn';
  if (sex === 'male') return 'buck';
  if (sex === 'female') return 'doe';
  return 'unknown';
}

/** An individual's class from its sex ("male", "female") and age class ("adult", "yearling", "fawn"). */
export function individualClass(sex: string | null, ageClass: string | null): DeerClass {
  const parsed = parseSexAge(sex, ageClass);
  return classOf(parsed.sex, parsed.lifeStage);
}

/** A detection's class: its own words ("buck", "doe", "fawn", "unknown") win when present. */
export function observationClass(detectionSexAge: string | null, individual: DeerClass | null): DeerClass {
  if (detectionSexAge !== null && detectionSexAge !== '') {
    const parsed = parseSexAge(detectionSexAge);
    return classOf(parsed.sex, parsed.lifeStage);
  }
  return individual ?? 'unknown';
}
