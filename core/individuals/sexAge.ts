// Sex/age classes (buck, doe, fawn, unknown): what a detection's label or a person says, and an individual's class
// as the majority of its detections'. Two different known classes are never the same animal.
import type { SexAgeClass } from '../contract';

/** The class a detection's sex/age text names ("young buck" is a buck, "hind" a doe), or null. */
export function sexAgeClassOf(text: string | null | undefined): SexAgeClass | null {
  if (!text) return null;
  const key = text.trim().toLowerCase();
  if (/\b(buck|stag|bull|male|spike)\b/.test(key) && !/\bfemale\b/.test(key)) return 'buck';
  if (/\b(doe|hind|cow|female)\b/.test(key)) return 'doe';
  if (/\b(fawn|calf|juvenile|kid)\b/.test(key)) return 'fawn';
  if (key === 'unknown') return 'unknown';
  return null;
}

/** The most frequent known class (buck, doe, fawn) among these; null when none is known or the top ones tie. */
export function majoritySexAge(texts: readonly (string | null)[]): SexAgeClass | null {
  const votes = new Map<SexAgeClass, number>();
  for (const t of texts) {
    const c = sexAgeClassOf(t);
    if (c !== null && c !== 'unknown') votes.set(c, (votes.get(c) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return null;
  return ranked[0]![0];
}

/** Whether two individuals' classes rule out their being one animal (a buck is not a doe, nor a fawn). */
export function sexAgeExcludes(a: string | null, b: string | null): boolean {
  const ca = sexAgeClassOf(a);
  const cb = sexAgeClassOf(b);
  return ca !== null && cb !== null && ca !== 'unknown' && cb !== 'unknown' && ca !== cb;
}
