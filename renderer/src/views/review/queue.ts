// The review queue's cursor logic, pure: which suggestion is shown after a decision, the next/previous candidate
// of the same query individual, the next/previous pair, and where the shown pair stands in the queue.
import type { Suggestion } from '../../../../core/contract/entities';
import { humanDuration } from '../../../../core/contract/humanDuration';

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

/**
 * The pair to show: the current one while it is open; when an edit re-made the suggestions (a sex/age change
 * supersedes and recomputes them under new ids), the same two individuals if they are still paired; else the next.
 */
export function currentPair(
  items: Suggestion[],
  decidedIds: ReadonlySet<number>,
  currentId: number | null,
  last: { individualId: number; candidateId: number } | null,
): Suggestion | null {
  const open = (s: Suggestion) => !decidedIds.has(s.id);
  const same = items.find((s) => s.id === currentId && open(s));
  if (same) return same;
  const again =
    currentId !== null && !items.some((s) => s.id === currentId) && last
      ? items.find((s) => open(s) && s.individualId === last.individualId && s.candidateId === last.candidateId)
      : undefined;
  return again ?? nextAfterDecision(items, decidedIds, currentId);
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

/** The first undecided pair of the next (or previous) query individual, wrapping around; null if there is none. */
export function otherPair(
  items: Suggestion[],
  decidedIds: ReadonlySet<number>,
  current: Suggestion,
  step: 1 | -1,
): Suggestion | null {
  const open = items.filter((s) => !decidedIds.has(s.id));
  const at = open.findIndex((s) => s.id === current.id);
  for (let i = 1; i < open.length; i++) {
    const s = open[(at + step * i + open.length * i) % open.length]!;
    if (s.individualId !== current.individualId) {
      // Stepping back lands on the first candidate of that individual, as stepping forward does.
      return open.find((o) => o.individualId === s.individualId)!;
    }
  }
  return null;
}

export interface QueuePosition {
  /** 1-based place of the candidate among the undecided candidates of the same query individual, and their count. */
  candidate: number;
  candidates: number;
  /** 1-based place of the pair among the undecided pairs, and how many are waiting in all. */
  pair: number;
  pairs: number;
}

/**
 * Where the shown pair stands, counted over what is still undecided, so the place never exceeds the count whatever
 * was decided or navigated. `total` is the server's count of pending pairs (the page may hold fewer); decisions
 * made here that the server has not reflected yet are taken off it.
 */
export function queuePosition(
  items: Suggestion[],
  decidedIds: ReadonlySet<number>,
  current: Suggestion,
  total: number,
): QueuePosition {
  const open = items.filter((s) => !decidedIds.has(s.id));
  const same = open.filter((s) => s.individualId === current.individualId);
  const decidedHere = items.filter((s) => decidedIds.has(s.id)).length;
  return {
    candidate: same.findIndex((s) => s.id === current.id) + 1,
    candidates: same.length,
    pair: open.findIndex((s) => s.id === current.id) + 1,
    pairs: Math.max(open.length, total - decidedHere),
  };
}

export function formatGap(seconds: number | null): string {
  return seconds === null ? 'unknown' : humanDuration(seconds);
}
