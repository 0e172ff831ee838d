// The embedding pass of a processing run for photos that need vectors without a new detection: photos left
// 'detected' (boxes imported from another tool, a crash between stages) and photos embedded by another embedder
// than the library's setting. Their boxes and user edits stay; they go back to 'embedded', so runReid re-tracks and
// re-matches them with vectors of one embedder only (each embedder has its own vector tables).
import type { JobControl } from '../../core/jobs/control';
import type { ProgressTracker } from '../../core/jobs/progress';
import { getSetting } from '../../core/library/settings';
import type { StageContext } from '../pipeline/stages';
import { Embedder } from './embedder';
import { countEmbeddingsWaiting, embedPending, type EmbedSummary } from './embedStage';
import { resolveEmbedder } from './resolveEmbedder';

export async function embedWaiting(
  ctx: StageContext,
  progress: ProgressTracker,
  control: JobControl,
): Promise<EmbedSummary> {
  const { db } = ctx.library;
  const embedderId = getSetting(db, 'embedder');
  const waiting = countEmbeddingsWaiting(db, embedderId);
  if (waiting === 0) return { images: 0, detections: 0, failed: 0 };
  const { entry, file } = resolveEmbedder(embedderId, ctx.models);
  const embedder = await Embedder.load(entry, file, { provider: ctx.provider, threads: ctx.threads });
  progress.addTotal('embed', waiting);
  try {
    return await embedPending(ctx.library, embedder, {
      onImage: () => progress.advance('embed', 1),
      checkpoint: () => control.checkpoint(),
    });
  } finally {
    await embedder.release();
    progress.flush();
  }
}
