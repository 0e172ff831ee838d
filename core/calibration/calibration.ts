// Calibration of auto-accept for the current embedder, from the suggestions people accepted or rejected (scores of
// different embedders are not comparable, so only the current one's decisions count). A threshold is proposed only
// once there are enough decisions of both kinds; auto-accept stays off until the user switches it on.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { suggestions } from '../db/schema';
import { IndividualsError } from '../individuals/errors';
import { getSettings, setSetting } from '../library/settings';
import { proposeThreshold, scoreHistogram, type Decided, type HistogramBin, type ThresholdProposal } from './threshold';

export const CALIBRATION = {
  /** Decisions of each kind needed before a threshold is proposed. */
  minimumEach: 20,
  targetPrecision: 0.99,
  bins: 20,
};

export interface Calibration {
  embedder: string;
  accepted: number;
  rejected: number;
  /** Why there is no proposal yet, for the settings screen; null when there is one. */
  waitingFor: string | null;
  proposal: ThresholdProposal | null;
  histogram: HistogramBin[];
  targetPrecision: number;
  autoAccept: boolean;
  autoAcceptThreshold: number | null;
  /** The embedder the threshold was calibrated for; auto-accept only acts while it is the current one. */
  autoAcceptEmbedder: string | null;
}

function decisions(db: Db, embedder: string): Decided[] {
  return db
    .select({ score: suggestions.score, state: suggestions.state })
    .from(suggestions)
    .where(and(eq(suggestions.embedder, embedder), inArray(suggestions.state, ['accepted', 'rejected'])))
    .all()
    .map((r) => ({ score: r.score, accepted: r.state === 'accepted' }));
}

export function calibration(db: Db): Calibration {
  const settings = getSettings(db);
  const decided = decisions(db, settings.embedder);
  const accepted = decided.filter((d) => d.accepted).length;
  const rejected = decided.length - accepted;
  const missing = [
    accepted < CALIBRATION.minimumEach ? `${CALIBRATION.minimumEach - accepted} more accepted` : '',
    rejected < CALIBRATION.minimumEach ? `${CALIBRATION.minimumEach - rejected} more rejected` : '',
  ].filter((m) => m !== '');
  const proposal = missing.length === 0 ? proposeThreshold(decided, CALIBRATION.targetPrecision) : null;
  const waitingFor =
    missing.length > 0
      ? `${missing.join(' and ')} suggestions`
      : proposal === null
        ? `no score reaches ${CALIBRATION.targetPrecision * 100}% precision yet`
        : null;
  return {
    embedder: settings.embedder,
    accepted,
    rejected,
    waitingFor,
    proposal,
    histogram: scoreHistogram(decided, CALIBRATION.bins),
    targetPrecision: CALIBRATION.targetPrecision,
    autoAccept: settings.autoAccept,
    autoAcceptThreshold: settings.autoAcceptThreshold,
    autoAcceptEmbedder: settings.autoAcceptEmbedder,
  };
}

/**
 * Switches auto-accept on (at `threshold`, or the proposed one) or off. Switching on without enough decisions to
 * calibrate is refused: an uncalibrated threshold is how the system this replaces never matched anything right.
 */
export function setAutoAccept(db: Db, enabled: boolean, threshold?: number): Calibration {
  if (!enabled) {
    setSetting(db, 'autoAccept', false);
    return calibration(db);
  }
  const current = calibration(db);
  if (current.proposal === null)
    throw new IndividualsError(`auto-accept cannot be calibrated yet: ${current.waitingFor}`);
  setSetting(db, 'autoAcceptThreshold', threshold ?? current.proposal.threshold);
  setSetting(db, 'autoAcceptEmbedder', current.embedder);
  setSetting(db, 'autoAccept', true);
  return calibration(db);
}
