// The auto-accept threshold from decisions alone (pure): the lowest score at which, on the pairs people decided,
// accepting everything scoring at least that much would have been right at least `precision` of the time.

export interface Decided {
  score: number;
  accepted: boolean;
}

export interface ThresholdProposal {
  threshold: number;
  /** Accepted / all decisions scoring >= threshold. */
  precision: number;
  acceptedAbove: number;
  rejectedAbove: number;
  /** Share of all accepted pairs the threshold would have accepted automatically. */
  recall: number;
}

export function proposeThreshold(decisions: readonly Decided[], targetPrecision: number): ThresholdProposal | null {
  const sorted = [...decisions].sort((a, b) => b.score - a.score);
  const totalAccepted = sorted.filter((d) => d.accepted).length;
  let accepted = 0;
  let rejected = 0;
  let best: ThresholdProposal | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i]!;
    if (d.accepted) accepted++;
    else rejected++;
    // Cut only between distinct scores: a threshold takes every pair at its score or it takes none of them.
    if (i + 1 < sorted.length && sorted[i + 1]!.score === d.score) continue;
    const precision = accepted / (accepted + rejected);
    if (accepted > 0 && precision >= targetPrecision) {
      best = {
        threshold: d.score,
        precision,
        acceptedAbove: accepted,
        rejectedAbove: rejected,
        recall: accepted / totalAccepted,
      };
    }
  }
  return best;
}

export interface HistogramBin {
  from: number;
  to: number;
  accepted: number;
  rejected: number;
}

/** Both score distributions over the same `bins` equal-width bins spanning the decided scores. */
export function scoreHistogram(decisions: readonly Decided[], bins: number): HistogramBin[] {
  if (decisions.length === 0) return [];
  const scores = decisions.map((d) => d.score);
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const out = Array.from({ length: bins }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    accepted: 0,
    rejected: 0,
  }));
  for (const d of decisions) {
    const bin = out[Math.min(bins - 1, Math.floor((d.score - lo) / width))]!;
    if (d.accepted) bin.accepted++;
    else bin.rejected++;
  }
  return out;
}
