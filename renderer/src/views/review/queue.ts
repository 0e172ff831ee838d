// The review queue's cursor logic, pure: which suggestion is shown after a decision, and the next/previous candidate
// of the same query individual.
import type { Suggestion } from '../../../../core/contract/entities';

/** After deciding `decidedId`, show the next suggestion in the list that is still undecided here. */
export function nextAfterDecision(
  items: Suggestion[],
  decidedIds: ReadonlySet<number>,
  currentId: number | null,
): Suggestion | null {
  const start = Math.max(
    0,
    items.findIndex((s) => s.id === currentId),
  );
  for (let i = 0; i < items.length; i++) {
    const s = items[(start + i) % items.length]!;
    if (!decidedIds.has(s.id)) return s;
  }
  return null;
}

/** Another candidate for the same query individual, in score order, wrapping around; null if there is none. */
export function otherCandidate(
  items: Suggestion[],
  decidedIds: ReadonlySet<number>,
  current: Suggestion,
  step: 1 | -1,
): Suggestion | null {
  const same = items.filter((s) => s.individualId === current.individualId && !decidedIds.has(s.id));
  if (same.length < 2) return null;
  const at = same.findIndex((s) => s.id === current.id);
  return same[(at + step + same.length) % same.length]!;
}

export function formatGap(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  const abs = Math.abs(seconds);
  if (abs < 120) return `${Math.round(abs)} s`;
  if (abs < 7200) return `${Math.round(abs / 60)} min`;
  if (abs < 172_800) return `${Math.round(abs / 3600)} h`;
  if (abs < 60 * 86_400) return `${Math.round(abs / 86_400)} days`;
  return `${(abs / (365.25 * 86_400)).toFixed(1)} years`;
}
