// The Jacobson et al. (1997) estimate from camera-survey photos (Wildlife Society Bulletin 25:547-556):
//   bucks = unique antlered bucks, does = bucks x (doe obs / buck obs), fawns = does x (fawn obs / doe obs).
import type { ByClass } from '../contract/survey';

export interface Ratios {
  buckToDoe: number | null;
  fawnToDoe: number | null;
}

export interface Estimate {
  bucks: number;
  does: number;
  fawns: number;
  total: number;
}

/** A ratio is null when its denominator is 0. */
export function ratios(observations: ByClass): Ratios {
  const perDoe = (n: number) => (observations.doe > 0 ? n / observations.doe : null);
  return { buckToDoe: perDoe(observations.buck), fawnToDoe: perDoe(observations.fawn) };
}

/** Null without buck observations (nothing to scale from). With no doe observed, does are 0 and so are fawns. */
export function jacobsonEstimate(observations: ByClass, uniqueBucks: number): Estimate | null {
  if (observations.buck === 0) return null;
  const does = uniqueBucks * (observations.doe / observations.buck);
  const fawns = observations.doe > 0 ? does * (observations.fawn / observations.doe) : 0;
  return { bucks: uniqueBucks, does, fawns, total: uniqueBucks + does + fawns };
}
