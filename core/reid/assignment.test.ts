import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignMinCost } from './assignment';

function permutations(n: number, k: number): number[][] {
  // All injective maps from k rows into n columns, -1 allowed for "unassigned".
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (const rest of permutations(n, k - 1)) {
    for (let c = -1; c < n; c++) if (c === -1 || !rest.includes(c)) out.push([...rest, c]);
  }
  return out;
}

/** The best total over assignments that match as many rows as possible (what the tracker wants). */
function bruteForce(cost: number[][]): { matched: number; total: number } {
  const cols = cost[0]?.length ?? 0;
  let best = { matched: -1, total: Infinity };
  for (const p of permutations(cols, cost.length)) {
    if (p.some((c, r) => c >= 0 && !Number.isFinite(cost[r]![c]!))) continue;
    const matched = p.filter((c) => c >= 0).length;
    const total = p.reduce((s, c, r) => s + (c >= 0 ? cost[r]![c]! : 0), 0);
    if (matched > best.matched || (matched === best.matched && total < best.total - 1e-9)) best = { matched, total };
  }
  return best;
}

describe('assignMinCost', () => {
  it('beats greedy where greedy takes the best single pair', () => {
    // Greedy takes (0,0)=1 first and must then pay 10 for (1,1); optimal pays 2+2.
    expect(
      assignMinCost([
        [1, 2],
        [2, 10],
      ]),
    ).toEqual([1, 0]);
  });

  it('leaves forbidden pairs unassigned and handles rectangles', () => {
    expect(
      assignMinCost([
        [Infinity, Infinity],
        [0.5, Infinity],
      ]),
    ).toEqual([-1, 0]);
    expect(assignMinCost([[0.3], [0.1], [0.2]])).toEqual([-1, 0, -1]);
    expect(assignMinCost([])).toEqual([]);
    expect(assignMinCost([[], []])).toEqual([-1, -1]);
  });

  it('matches a brute-force optimum on random small matrices', () => {
    const cell = fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constant(Infinity));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(cell),
        (r, c, cells) => {
          const it = cells[Symbol.iterator]();
          const cost = Array.from({ length: r }, () => Array.from({ length: c }, () => it.next().value as number));
          const got = assignMinCost(cost);
          const used = got.filter((x) => x >= 0);
          expect(new Set(used).size).toBe(used.length);
          got.forEach((col, row) => col >= 0 && expect(Number.isFinite(cost[row]![col]!)).toBe(true));
          const best = bruteForce(cost);
          const total = got.reduce((s, col, row) => s + (col >= 0 ? cost[row]![col]! : 0), 0);
          expect(used.length).toBe(best.matched);
          // bruteForce treats totals within 1e-9 as ties, so compare to that tolerance (not a tighter one).
          expect(total).toBeCloseTo(best.total, 8);
        },
      ),
      { numRuns: 300 },
    );
  });
});
