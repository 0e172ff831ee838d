// Trail-camera clips for the tests, made at test time from the fixture bursts with the shipped ffmpeg: each burst's
// frames become a clip at 1 frame per second (an MJPEG AVI, as cheap cameras write, or an H.264 MP4), with the
// burst's first capture time as the container's creation time. Plus a truncated copy and a zero-byte file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ffmpegPath } from '../core/photos/video/tools';
import { deerGroundTruth, deerImagesDir } from './fixtures';

export interface BurstClip {
  file: string;
  camera: string;
  event: number;
  /** The burst's photos, in frame order. */
  photos: string[];
  /** Camera-local wall-clock time of the first frame ("2015-02-03T18:57:01"). */
  start: string;
}

export function burstFrames(camera: string, event: number): { photos: string[]; start: string } {
  const frames = deerGroundTruth()
    .filter((g) => g.camera === camera && g.event === event)
    .sort((a, b) => a.frame - b.frame);
  if (frames.length === 0) throw new Error(`no fixture burst ${camera} event ${event}`);
  const start = frames[0]!.dateTimeOriginal.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');
  return { photos: frames.map((f) => path.join(deerImagesDir(), f.file)), start };
}

/** Makes `<dir>/<name>` from a burst; the container (avi/mp4) follows the name's extension. */
export function makeBurstClip(dir: string, name: string, camera: string, event: number): BurstClip {
  const { photos, start } = burstFrames(camera, event);
  const list = path.join(dir, `${name}.frames.txt`);
  fs.writeFileSync(list, photos.map((p) => `file '${p}'\nduration 1\n`).join('') + `file '${photos.at(-1)}'\n`);
  const file = path.join(dir, name);
  const codec = name.endsWith('.avi')
    ? ['-c:v', 'mjpeg', '-q:v', '3']
    : ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
  execFileSync(
    ffmpegPath(),
    [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list],
      ...[
        '-vf',
        'scale=1024:-2,fps=2',
        ...codec,
        '-metadata',
        `creation_time=${start}`,
        '-metadata',
        `date=${start.replace('T', ' ')}`,
        file,
      ],
    ],
    { stdio: 'pipe' },
  );
  fs.rmSync(list);
  return { file, camera, event, photos, start };
}

/** A copy cut short, as an SD card pulled mid-write leaves it. */
export function truncatedCopy(source: string, target: string, keep = 0.4): string {
  const bytes = fs.readFileSync(source);
  fs.writeFileSync(target, bytes.subarray(0, Math.floor(bytes.length * keep)));
  return target;
}
