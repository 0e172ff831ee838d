// What a clip says about itself, in the shape the import records for a photo (size, camera, capture time), plus its
// length. The import treats clips and photos alike from here on.
import type { PhotoMetadata } from '../metadata';
import { clipCaptureTime } from './clipTime';
import { probeClip } from './probe';

export type ClipMetadata = Omit<PhotoMetadata, 'format'> & {
  format: 'clip';
  durationMs: number;
  /** Frames per second, as the container says. */
  frameRate: number;
};

/** Throws ClipError (zero-byte, truncated, unsupported codec, too long) with the reason a person reads. */
export async function readClipMetadata(file: string, fileName: string): Promise<ClipMetadata> {
  const info = await probeClip(file);
  const time = clipCaptureTime(info.creationTime, fileName);
  return {
    format: 'clip',
    width: info.width,
    height: info.height,
    orientation: 1,
    make: info.make,
    model: info.model,
    serial: null,
    offsetTimeOriginal: null,
    time: { takenAt: time.takenAt, source: time.source, note: time.reason },
    reconyx: null,
    durationMs: Math.round(info.durationSeconds * 1000),
    frameRate: info.fps,
  };
}
