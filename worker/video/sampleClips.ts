// The clip stage of processing: each imported clip's frames are sampled (the first, then N per second), written as
// JPEGs under cache/frames/<clip id>/ and recorded as frame rows that the photo pipeline detects, embeds, tracks and
// matches like photos. Frames are derived data: re-sampling a clip replaces them. A clip that cannot be decoded fails
// with its reason and the rest go on.
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { failImage, moveImage } from '../../core/db/images';
import { inTransaction } from '../../core/db/open';
import { images } from '../../core/db/schema';
import { JobCancelledError, type JobControl } from '../../core/jobs/control';
import type { ProgressTracker } from '../../core/jobs/progress';
import { photoAbsolutePath, type Library } from '../../core/library/library';
import { addMillis } from '../../core/photos/video/clipTime';
import { getSetting } from '../../core/library/settings';
import { sampleFrames } from './sampleFrames';

export interface ClipSampleSummary {
  clips: number;
  frames: number;
  failed: number;
}

/** A frame's capture time: the clip's start plus the frame's offset (fractions of a second kept). */
export const frameTime = addMillis;

export const framePath = (clipId: number, frameMs: number) =>
  path.join('cache', 'frames', String(clipId), `${String(frameMs).padStart(9, '0')}.jpg`);

type ClipRow = typeof images.$inferSelect;

/** Frames the sampler takes from a clip: the first, then one every 1/perSecond seconds before its end. */
export const expectedFrames = (durationMs: number | null, perSecond: number) =>
  Math.max(1, Math.ceil(((durationMs ?? 0) / 1000) * perSecond - 1e-9));

async function sampleClip(
  library: Library,
  clip: ClipRow,
  perSecond: number,
  control: JobControl,
  progress: ProgressTracker,
): Promise<number> {
  const file = photoAbsolutePath(library, clip);
  if (!file) throw new Error('the clip file is not in the library');
  const dir = path.join(library.root, 'cache', 'frames', String(clip.id));
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const rows: (typeof images.$inferInsert)[] = [];
  const expected = expectedFrames(clip.durationMs, perSecond);
  progress.clipSampled(clip.fileName, 0, expected);
  for await (const frame of sampleFrames(file, { perSecond })) {
    await control.checkpoint();
    const rel = framePath(clip.id, frame.timeMs);
    await fs.writeFile(path.join(library.root, rel), frame.jpeg);
    const meta = await sharp(frame.jpeg).metadata();
    rows.push({
      // Frames are identified by their clip and time: two frames of a still scene may have equal bytes.
      sha256: `${clip.sha256}@${frame.timeMs}`,
      path: rel,
      fileName: `${clip.fileName} @ ${(frame.timeMs / 1000).toFixed(1)} s`,
      sourcePath: clip.sourcePath,
      // The clip is what was imported: frames stay out of the import's counts.
      importId: null,
      cameraId: clip.cameraId,
      takenAt: frameTime(clip.takenAt, frame.timeMs),
      takenAtSource: clip.takenAtSource,
      timeNote: clip.timeNote,
      width: meta.width ?? null,
      height: meta.height ?? null,
      orientation: 1,
      bytes: frame.jpeg.length,
      state: 'imported',
      mediaType: 'frame',
      clipId: clip.id,
      frameMs: frame.timeMs,
    });
    progress.clipSampled(clip.fileName, rows.length, expected);
  }
  if (rows.length === 0) throw new Error('no frame could be decoded');
  const { db } = library;
  inTransaction(db, () => {
    db.delete(images)
      .where(and(eq(images.clipId, clip.id), eq(images.mediaType, 'frame')))
      .run();
    for (let i = 0; i < rows.length; i += 50)
      db.insert(images)
        .values(rows.slice(i, i + 50))
        .run();
    moveImage(db, clip.id, 'done', { from: ['imported'] });
  });
  return rows.length;
}

/**
 * Samples every clip still waiting (state imported). A failed clip counts under the decode stage; the clip being
 * sampled shows its own progress (frames sampled of those expected), as a long clip takes minutes.
 */
export async function sampleClips(
  library: Library,
  progress: ProgressTracker,
  control: JobControl,
): Promise<ClipSampleSummary> {
  const { db } = library;
  const perSecond = getSetting(db, 'clipFramesPerSecond');
  const clips = db
    .select()
    .from(images)
    .where(and(eq(images.mediaType, 'clip'), eq(images.state, 'imported')))
    .orderBy(images.id)
    .all();
  const summary: ClipSampleSummary = { clips: clips.length, frames: 0, failed: 0 };
  for (const clip of clips) {
    await control.checkpoint();
    try {
      summary.frames += await sampleClip(library, clip, perSecond, control, progress);
    } catch (err) {
      if (err instanceof JobCancelledError) throw err;
      summary.failed++;
      const reason = `frames could not be sampled: ${(err as Error).message}`;
      failImage(db, clip.id, reason);
      progress.fail('decode', { file: clip.fileName, reason });
    } finally {
      progress.clipDone();
    }
  }
  return summary;
}
