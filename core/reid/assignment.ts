// Optimal one-to-one assignment (Hungarian / Kuhn-Munkres, O(n^3)) on a rectangular cost matrix. Frame-to-frame
// linking uses it rather than greedy matching: with two deer crossing, greedy takes the single best pair first and
// can force the other deer onto the wrong track, while the optimal assignment minimises the total cost. The
// matrices are tiny (animals per frame), so the cubic cost is irrelevant.

/** Infinity marks a forbidden pair. Returns, for each row, the assigned column or -1. */
export function assignMinCost(cost: number[][]): number[] {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : cost[0]!.length;
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  const n = Math.max(rows, cols);
  // Forbidden and padding cells get a cost larger than any real total, so they are only used when unavoidable
  // and are dropped afterwards.
  let finiteMax = 0;
  for (const r of cost) for (const c of r) if (Number.isFinite(c)) finiteMax = Math.max(finiteMax, Math.abs(c));
  const big = (finiteMax + 1) * (n + 1);
  const at = (i: number, j: number) => {
    const c = i < rows && j < cols ? cost[i]![j]! : big;
    return Number.isFinite(c) ? c : big;
  };
  // Standard potentials formulation, 1-based with a virtual column 0.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = at(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i < rows && j - 1 < cols && Number.isFinite(cost[i]![j - 1]!)) result[i] = j - 1;
  }
  return result;
}
