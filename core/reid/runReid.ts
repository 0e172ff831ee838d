// Sequence -> track -> match over a library, the part of the pipeline after embedding. Resumable: a sequence is
// processed when all its photos are embedded, in one transaction that also moves them to 'done', so a crash leaves
// each sequence either untouched or finished; rerunning picks up exactly the sequences still 'embedded'.
import { and, eq, exists, notExists, notInArray, sql, type SQL } from 'drizzle-orm';
import { moveSequenceImages } from '../db/images';
import type { ImageState } from '../db/imageStates';
import { inTransaction, type Db } from '../db/open';
import { images, sequences } from '../db/schema';
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

/** A sequence is tracked once its photos are all in these states. */
const TRACKABLE: readonly ImageState[] = ['embedded', 'done'];

/** Sequences whose photos are all embedded (or done) and at least one still waits for tracking. */
function readySequences(db: Db): number[] {
  const photosWhere = (condition: SQL) =>
    db
      .select({ one: sql`1` })
      .from(images)
      .where(and(eq(images.sequenceId, sequences.id), condition));
  return db
    .select({ id: sequences.id })
    .from(sequences)
    .where(
      and(
        exists(photosWhere(eq(images.state, 'embedded'))),
        notExists(photosWhere(notInArray(images.state, [...TRACKABLE]))),
      ),
    )
    .orderBy(
      sql`${sequences.cameraId} IS NULL`,
      sequences.cameraId,
      sql`${sequences.start} IS NULL`,
      sequences.start,
      sequences.id,
    )
    .all()
    .map((r) => r.id);
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
