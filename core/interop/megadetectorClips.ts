// A clip's entry in MegaDetector's video convention (one entry for the clip, each box with its frame_number) becomes
// one entry per sampled frame of the clip, as the frames are where a clip's boxes live. A frame is matched by its
// number at the clip's rate; boxes on frames this library did not sample have nowhere to go and are reported.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { images } from '../db/schema';
import { frameNumber } from '../exports/megadetectorVideo';
import type { MegadetectorImage } from './megadetectorFormat';

export interface FrameEntries {
  frames: { entry: MegadetectorImage; imageId: number }[];
  /** "<file> frame <n>" for boxes on frames that were not sampled here. */
  unmatched: string[];
}

/** Null when the image is not a clip (a photo's entry is used as it is). */
export function clipFrameEntries(db: Db, imageId: number, entry: MegadetectorImage): FrameEntries | null {
  const clip = db
    .select({ mediaType: images.mediaType, frameRate: images.frameRate })
    .from(images)
    .where(eq(images.id, imageId))
    .get();
  if (clip?.mediaType !== 'clip') return null;
  const rate = clip.frameRate ?? entry.frame_rate ?? null;
  const sampled = db
    .select({ id: images.id, frameMs: images.frameMs })
    .from(images)
    .where(and(eq(images.clipId, imageId), eq(images.mediaType, 'frame'), isNotNull(images.frameMs)))
    .all();
  const byNumber = new Map(rate && rate > 0 ? sampled.map((f) => [frameNumber(f.frameMs!, rate), f.id]) : []);
  const boxes = new Map<number, NonNullable<MegadetectorImage['detections']>>();
  const unmatched = new Set<number>();
  for (const d of entry.detections ?? []) {
    const frameId = d.frame_number === undefined ? undefined : byNumber.get(d.frame_number);
    if (frameId === undefined) unmatched.add(d.frame_number ?? -1);
    else boxes.set(frameId, [...(boxes.get(frameId) ?? []), d]);
  }
  // A frame the file says was processed and holds no box there is empty; a frame it does not mention keeps its boxes.
  const processed = new Set(entry.frames_processed ?? []);
  const frames = [...byNumber]
    .filter(([n, id]) => processed.has(n) || boxes.has(id))
    .map(([, id]) => ({ entry: { ...entry, detections: boxes.get(id) ?? [] }, imageId: id }));
  return {
    frames,
    unmatched: [...unmatched].map((n) =>
      n < 0 ? `${entry.file} (a box without frame_number)` : `${entry.file} frame ${n}`,
    ),
  };
}
