import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../../core/contract/entities';
import { currentPair, formatGap, nextAfterDecision, otherCandidate, otherPair, queuePosition } from './queue';

const s = (id: number, individualId: number, rank = 1): Suggestion => ({ id, individualId, rank }) as Suggestion;
const items = [s(1, 10), s(2, 10), s(3, 11), s(4, 10)];

describe('review queue', () => {
  it('moves on to the next undecided suggestion after a decision', () => {
    expect(nextAfterDecision(items, new Set([1]), 1)?.id).toBe(2);
    expect(nextAfterDecision(items, new Set([4]), 4)?.id).toBe(1);
    expect(nextAfterDecision(items, new Set([1, 2, 3, 4]), 2)).toBeNull();
    expect(nextAfterDecision(items, new Set(), null)?.id).toBe(1);
  });

  it('keeps showing the same two individuals when their suggestion was re-made under a new id', () => {
    const pair = (id: number, individualId: number, candidateId: number) =>
      ({ id, individualId, candidateId }) as Suggestion;
    const remade = [pair(7, 10, 20), pair(8, 10, 21), pair(9, 11, 20)];
    expect(currentPair(remade, new Set(), 2, { individualId: 10, candidateId: 21 })?.id).toBe(8);
    // Decided here (not re-made): the next open one, not the same two again.
    expect(currentPair(remade, new Set([8]), 8, { individualId: 10, candidateId: 21 })?.id).toBe(9);
    expect(currentPair(remade, new Set(), 9, null)?.id).toBe(9);
  });

  it('cycles through the candidates of the same query individual', () => {
    expect(otherCandidate(items, new Set(), items[0]!, 1)?.id).toBe(2);
    expect(otherCandidate(items, new Set([2]), items[0]!, 1)?.id).toBe(4);
    expect(otherCandidate(items, new Set(), items[0]!, -1)?.id).toBe(4);
    expect(otherCandidate(items, new Set(), items[2]!, 1)).toBeNull();
  });

  it('steps to the next and previous query individual', () => {
    expect(otherPair(items, new Set(), items[0]!, 1)?.id).toBe(3);
    expect(otherPair(items, new Set(), items[2]!, 1)?.id).toBe(1);
    expect(otherPair(items, new Set(), items[2]!, -1)?.id).toBe(1);
    expect(otherPair(items, new Set([3]), items[0]!, 1)).toBeNull();
  });

  it('never shows a place beyond the count, whatever was navigated and decided ("Rank #4 of 3")', () => {
    // Three candidates of one deer with server ranks 1-4 (rank 3 went elsewhere), then another deer's pair.
    const queue = [s(1, 10, 1), s(2, 10, 2), s(4, 10, 4), s(5, 11, 1), s(6, 11, 2)];
    const decided = new Set<number>();
    let current = queue[0]!;
    const check = () => {
      const p = queuePosition(queue, decided, current, 7);
      expect(p.candidate).toBeGreaterThanOrEqual(1);
      expect(p.candidate).toBeLessThanOrEqual(p.candidates);
      expect(p.pair).toBeGreaterThanOrEqual(1);
      expect(p.pair).toBeLessThanOrEqual(p.pairs);
      return p;
    };
    const keys = ['→', '→', '←', 'n', 'n', '→', '↓', 'n', '↑', 'n'];
    for (const k of keys) {
      if (k === '→' || k === '←') current = otherCandidate(queue, decided, current, k === '→' ? 1 : -1) ?? current;
      if (k === '↓' || k === '↑') current = otherPair(queue, decided, current, k === '↓' ? 1 : -1) ?? current;
      if (k === 'n') {
        decided.add(current.id);
        const next = nextAfterDecision(queue, decided, current.id);
        if (!next) break;
        current = next;
      }
      check();
    }
    expect(queuePosition(queue, new Set([1, 2]), queue[2]!, 7)).toEqual({
      candidate: 1,
      candidates: 1,
      pair: 1,
      pairs: 5,
    });
  });

  it('formats time gaps for people', () => {
    expect(formatGap(null)).toBe('unknown');
    expect(formatGap(45)).toBe('45 s');
    expect(formatGap(600)).toBe('10 min');
    expect(formatGap(36_000)).toBe('10 h');
    expect(formatGap(10 * 86_400)).toBe('10 days');
    expect(formatGap(2 * 365.25 * 86_400)).toBe('2 years');
    expect(formatGap(0.2 * 365.25 * 86_400)).toBe('2 months');
  });
});
