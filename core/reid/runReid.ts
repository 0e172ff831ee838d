// Sequence -> track -> match over a library, the part of the pipeline after embedding. Resumable: a sequence is
// processed when all its photos are embedded, in one transaction that also moves them to 'done', so a crash leaves
// each sequence either untouched or finished; rerunning picks up exactly the sequences still 'embedded'.
import { moveSequenceImages } from '../db/images';
import { inTransaction, type Db } from '../db/open';
import { getSettings } from '../library/settings';
import { matchTracklets } from './match';
import { DEFAULT_SUGGEST_OPTIONS, type SuggestOptions } from './suggest';
import { syncSequences } from './syncSequences';
import { trackSequence } from './trackSequence';
import { DEFAULT_TRACK_OPTIONS, type TrackOptions } from './tracklets';

export interface ReidOptions {
  embedder?: string;
  gapSeconds?: number;
  track?: TrackOptions;
  suggest?: SuggestOptions;
  /** Called after each sequence (progress). */
  onSequence?: (done: number, total: number) => void;
  /** Awaited between sequences: where a job pauses or is cancelled (JobControl.checkpoint). */
  checkpoint?: () => Promise<void>;
}

export interface ReidSummary {
  sequencesCreated: number;
  sequencesRemoved: number;
  sequencesProcessed: number;
  tracklets: number;
  individualsCreated: number;
  autoAccepted: number;
  suggestions: number;
}

/** Sequences whose photos are all embedded (or done) and at least one still waits for tracking. */
function readySequences(db: Db): number[] {
  // Raw SQL, a hot path: one set-based query over every sequence after each batch of photos.
  return (
    db.$client
      .prepare(
        `SELECT s.id FROM sequences s
         WHERE EXISTS (SELECT 1 FROM images i WHERE i.sequence_id = s.id AND i.state = 'embedded')
           AND NOT EXISTS (SELECT 1 FROM images i WHERE i.sequence_id = s.id AND i.state NOT IN ('embedded', 'done'))
         ORDER BY s.camera_id IS NULL, s.camera_id, s.start IS NULL, s.start, s.id`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
}

export async function runReid(db: Db, options: ReidOptions = {}): Promise<ReidSummary> {
  const settings = getSettings(db);
  const embedder = options.embedder ?? settings.embedder;
  const sync = inTransaction(db, () => syncSequences(db, options.gapSeconds ?? settings.sequenceGapSeconds, embedder));
  const summary: ReidSummary = {
    sequencesCreated: sync.created.length,
    sequencesRemoved: sync.removed.length,
    sequencesProcessed: 0,
    tracklets: 0,
    individualsCreated: 0,
    autoAccepted: 0,
    suggestions: 0,
  };
  const ready = readySequences(db);
  for (const sequenceId of ready) {
    await options.checkpoint?.();
    inTransaction(db, () => {
      summary.tracklets += trackSequence(
        db,
        embedder,
        sequenceId,
        options.track ?? DEFAULT_TRACK_OPTIONS,
        options.suggest,
      ).created.length;
      const m = matchTracklets(db, embedder, [sequenceId], options.suggest ?? DEFAULT_SUGGEST_OPTIONS);
      summary.individualsCreated += m.individualsCreated.length;
      summary.autoAccepted += m.autoAccepted;
      summary.suggestions += m.suggestions;
      moveSequenceImages(db, sequenceId, ['embedded'], 'done');
    });
    summary.sequencesProcessed++;
    options.onSequence?.(summary.sequencesProcessed, ready.length);
  }
  return summary;
}
