import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../../core/contract/entities';
import { formatGap, nextAfterDecision, otherCandidate } from './queue';

const s = (id: number, individualId: number): Suggestion => ({ id, individualId }) as Suggestion;
const items = [s(1, 10), s(2, 10), s(3, 11), s(4, 10)];

describe('review queue', () => {
  it('moves on to the next undecided suggestion after a decision', () => {
    expect(nextAfterDecision(items, new Set([1]), 1)?.id).toBe(2);
    expect(nextAfterDecision(items, new Set([4]), 4)?.id).toBe(1);
    expect(nextAfterDecision(items, new Set([1, 2, 3, 4]), 2)).toBeNull();
    expect(nextAfterDecision(items, new Set(), null)?.id).toBe(1);
  });

  it('cycles through the candidates of the same query individual', () => {
    expect(otherCandidate(items, new Set(), items[0]!, 1)?.id).toBe(2);
    expect(otherCandidate(items, new Set([2]), items[0]!, 1)?.id).toBe(4);
    expect(otherCandidate(items, new Set(), items[0]!, -1)?.id).toBe(4);
    expect(otherCandidate(items, new Set(), items[2]!, 1)).toBeNull();
  });

  it('formats time gaps for people', () => {
    expect(formatGap(null)).toBe('unknown');
    expect(formatGap(45)).toBe('45 s');
    expect(formatGap(600)).toBe('10 min');
    expect(formatGap(36_000)).toBe('10 h');
    expect(formatGap(10 * 86_400)).toBe('10 days');
    expect(formatGap(2 * 365.25 * 86_400)).toBe('2.0 years');
  });
});
