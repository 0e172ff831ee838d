// MegaDetector's convention for a video (output format 1.5 and later, megadetector-output-format.md in the
// MegaDetector repository): one entry per clip whose `file` is the clip itself, with the clip's `frame_rate`,
// `frames_processed` (the numbers of the frames detection ran on) and each detection's `frame_number`. Thumper samples
// a clip by time, so a frame's number is its time at the clip's rate.
import type { DetectionRow, PhotoRow } from './libraryRows';

export interface MdBox {
  category: string;
  conf: number;
  bbox: [number, number, number, number];
}

export interface MdVideoEntry<D extends MdBox> {
  file: string;
  frame_rate: number;
  frames_processed: number[];
  detections: (D & { frame_number: number })[] | null;
  failure?: string;
}

/** A sampled frame of a clip and where its detection stands. */
export interface ClipFrame {
  frameMs: number;
  detection: 'done' | 'waiting' | 'failed';
}

// validate_batch_results accepts a negative rate only beside a failure: the rate of a clip that could not be read is
// unknown, and MegaDetector marks it so.
const UNKNOWN_RATE = -1;

export const frameNumber = (frameMs: number, frameRate: number) => Math.round((frameMs * frameRate) / 1000);

/**
 * The clip's entry, or null while its frames still wait for detection. `toBox` gives a detection's box as the
 * exporter writes it; frames whose detection failed are left out of frames_processed.
 */
export function mdVideoEntry<R extends Pick<DetectionRow, 'frameMs'>, D extends MdBox>(
  clip: Pick<PhotoRow, 'state' | 'error' | 'frameRate'>,
  file: string,
  frames: ClipFrame[],
  detections: R[],
  toBox: (d: R) => D,
): MdVideoEntry<D> | null {
  const rate = clip.frameRate !== null && clip.frameRate > 0 ? clip.frameRate : null;
  if (clip.state === 'failed' || rate === null)
    return {
      file,
      frame_rate: rate ?? UNKNOWN_RATE,
      frames_processed: [],
      detections: null,
      failure: clip.error ?? (rate === null ? 'the clip has no frame rate' : 'failed'),
    };
  if (clip.state !== 'done' || frames.length === 0 || frames.some((f) => f.detection === 'waiting')) return null;
  return {
    file,
    frame_rate: rate,
    frames_processed: frames.filter((f) => f.detection === 'done').map((f) => frameNumber(f.frameMs, rate)),
    detections: detections.map((d) => ({ ...toBox(d), frame_number: frameNumber(d.frameMs ?? 0, rate) })),
  };
}
