// A clip a browser can play: H.264 in MP4 or MOV is served as it is; anything else (MJPEG AVI from cheap cameras,
// H.265) is converted once to H.264 MP4 in cache/clips/ on first request and kept. The conversion is a separate
// ffmpeg process, so a clip that breaks the decoder costs that request, never the host.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { probeClip } from './probe';
import { ffmpegPath } from './tools';

const PLAYABLE = new Set(['.mp4', '.mov', '.m4v']);
const decided = new Map<string, Promise<string>>();

export const playablePath = (cacheDir: string, clipId: number) =>
  path.join(cacheDir, 'clips', String(Math.floor(clipId / 1000)), `${clipId}.mp4`);

function convert(source: string, target: string): Promise<string> {
  const tmp = `${target}.${process.pid}.tmp.mp4`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  return new Promise((resolve, reject) =>
    execFile(
      ffmpegPath(),
      [
        ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', source, '-an'],
        ...['-vf', "scale='min(1280,iw)':-2", '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p'],
        ...['-movflags', '+faststart', tmp],
      ],
      { timeout: 300_000 },
      (err) => {
        if (err) {
          fs.rmSync(tmp, { force: true });
          reject(err);
        } else {
          fs.renameSync(tmp, target);
          resolve(target);
        }
      },
    ),
  );
}

/** The file to play for a clip: its original when a browser plays it, else a converted copy (made once). */
export function playableClip(cacheDir: string, clipId: number, source: string): Promise<string> {
  // A <video> asks for many byte ranges: the decision (a probe, perhaps a conversion) is made once per clip file.
  const known = decided.get(source);
  if (known) return known;
  const pending = decide(cacheDir, clipId, source).catch((err: unknown) => {
    decided.delete(source);
    throw err;
  });
  decided.set(source, pending);
  return pending;
}

async function decide(cacheDir: string, clipId: number, source: string): Promise<string> {
  if (PLAYABLE.has(path.extname(source).toLowerCase()) && (await probeClip(source)).codec === 'h264') return source;
  const target = playablePath(cacheDir, clipId);
  return fs.existsSync(target) ? target : convert(source, target);
}
