// The survey's uncertainty: a percentile bootstrap over independent visits. Photos of one visit show the same animals
// seconds apart, so the visit, not the photo, is the unit that is resampled.
import { seededRandom } from '../util/seededRandom';
import { jacobsonEstimate } from './jacobson';
import { countByClass, uniqueBucks, type Observation } from './observations';

export const BOOTSTRAP_RESAMPLES = 1000;
const SEED = 1997;

export interface BootstrapInterval {
  total: [number, number] | null;
  method: string;
}

function percentile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** 95% interval of the estimated total deer; seeded, so the same survey always gives the same interval. */
export function bootstrapTotal(visits: readonly Observation[][], resamples = BOOTSTRAP_RESAMPLES): BootstrapInterval {
  if (visits.length < 2) {
    return {
      total: null,
      method: `No interval: a bootstrap needs at least 2 independent visits (${visits.length} here).`,
    };
  }
  const random = seededRandom(SEED);
  const totals: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample: Observation[] = [];
    for (let i = 0; i < visits.length; i++) sample.push(...visits[Math.floor(random() * visits.length)]!);
    const estimate = jacobsonEstimate(countByClass(sample), uniqueBucks(sample).size);
    if (estimate) totals.push(estimate.total);
  }
  const withoutBucks = resamples - totals.length;
  const basis =
    `percentile bootstrap: ${resamples.toLocaleString('en-US')} resamples of the ${visits.length} independent visits ` +
    `(trigger sequences), 95% interval of the estimated total`;
  if (totals.length < resamples / 2) {
    return { total: null, method: `No interval: most resamples (${withoutBucks}) had no buck observation (${basis}).` };
  }
  totals.sort((a, b) => a - b);
  const dropped = withoutBucks > 0 ? `; ${withoutBucks} resamples without a buck observation left out` : '';
  return {
    total: [percentile(totals, 0.025), percentile(totals, 0.975)],
    method: `${basis[0]!.toUpperCase()}${basis.slice(1)}${dropped}.`,
  };
}
