// The sex/age keys: b buck, d doe, f fawn, u unknown, the same in the viewer, a profile and the review desk.
import type { SexAgeClass } from '../../../core/contract/entities';

export const SEX_AGE_KEYS: Record<string, SexAgeClass> = { b: 'buck', d: 'doe', f: 'fawn', u: 'unknown' };

export function sexAgeOfKey(key: string): SexAgeClass | null {
  return SEX_AGE_KEYS[key] ?? null;
}

/** "buck", or "sex/age unknown" when nothing is known yet. */
export function sexAgeText(sexAge: string | null): string {
  return sexAge && sexAge !== 'unknown' ? sexAge : 'sex/age unknown';
}
