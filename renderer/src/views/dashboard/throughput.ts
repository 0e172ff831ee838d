// The job's real rate and what bounds it, and honest per-stage ETAs, from the worker's per-stage counters (done,
// total and its rate since the stage started) and the page's smoothed rates.
import type { ProgressSnapshotData } from '../../../../core/contract/entities';
import { warmedUp, type RateState } from '../../lib/eta';

type StageProgress = ProgressSnapshotData['stages'][number];
export type Stage = StageProgress['stage'];
type Rates = Partial<Record<Stage, RateState>>;

/** Stages within this fraction of the slowest one run at its pace: they are waiting on it, not bounding it. */
const SAME_PACE = 0.15;

const rateOf = (s: StageProgress, rates: Rates) => rates[s.stage]?.rate ?? (s.rate > 0 ? s.rate : null);
const running = (s: StageProgress) => s.stage !== 'scan' && s.done > 0 && s.done < s.total;

/**
 * Photos per second through the pipeline and the stage that sets it: the slowest stage that is still working.
 * A stage downstream of the slow one can only go as fast as it is fed, so among stages at the same pace the first
 * in pipeline order is the one that bounds the others. Null until a stage has a rate.
 */
export function bottleneck(stages: readonly StageProgress[], rates: Rates): { rate: number; stage: Stage } | null {
  const measured = stages
    .filter(running)
    .map((s) => ({ stage: s.stage, rate: rateOf(s, rates) }))
    .filter((s): s is { stage: Stage; rate: number } => s.rate !== null);
  if (measured.length === 0) return null;
  const slowest = Math.min(...measured.map((s) => s.rate));
  const first = measured.find((s) => s.rate <= slowest * (1 + SAME_PACE))!;
  return { rate: slowest, stage: first.stage };
}

/**
 * Per stage: whether it is finished (caught up with its total and nothing upstream still working: a stage's total
 * grows while earlier stages feed it) and the seconds left: none until the stage has warmed up (by the worker's
 * counters), and never less than an earlier stage still working, since a stage cannot finish before its photos arrive.
 */
export function stageEtas(
  stages: readonly StageProgress[],
  rates: Rates,
): Partial<Record<Stage, { finished: boolean; eta: number | null }>> {
  const out: Partial<Record<Stage, { finished: boolean; eta: number | null }>> = {};
  let upstream: number | null = 0;
  for (const s of stages) {
    if (s.stage === 'scan' || s.total === 0) continue;
    const caughtUp = s.done >= s.total;
    if (caughtUp && upstream === 0) {
      out[s.stage] = { finished: true, eta: 0 };
      continue;
    }
    const own = caughtUp ? 0 : warmedUp(s.done, s.rate) ? (rates[s.stage]?.eta ?? null) : null;
    const eta: number | null = own === null || upstream === null ? null : Math.max(own, upstream);
    out[s.stage] = { finished: false, eta };
    upstream = eta;
  }
  return out;
}
