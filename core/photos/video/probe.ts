// What a clip is, read by ffprobe without decoding it: duration, size, codec, frame rate and its tags (creation time,
// make, model). A clip that cannot be read fails with a reason a person understands, never a raw ffprobe dump.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { ffprobePath } from './tools';

export const VIDEO_EXTENSIONS = ['.mp4', '.mov', '.avi', '.m4v'] as const;
/** Codecs trail cameras write that the shipped ffmpeg decodes. */
export const SUPPORTED_CODECS = ['h264', 'hevc', 'mjpeg', 'mpeg4'] as const;
/** Longer than any trigger clip: sampling it would take minutes and it is most likely not a trail-camera clip. */
export const MAX_CLIP_SECONDS = 30 * 60;

export interface ClipInfo {
  durationSeconds: number;
  width: number;
  height: number;
  codec: string;
  fps: number;
  /** The container's creation_time tag as written (camera-local wall-clock on trail cameras), or null. */
  creationTime: string | null;
  make: string | null;
  model: string | null;
}

export class ClipError extends Error {}

interface ProbeJson {
  streams?: {
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    r_frame_rate?: string;
    duration?: string;
    tags?: Record<string, string>;
  }[];
  format?: { duration?: string; tags?: Record<string, string> };
}

function rate(text: string | undefined): number {
  const [n, d] = (text ?? '0/1').split('/').map(Number);
  return d ? n! / d : 0;
}

function tag(tags: Record<string, string> | undefined, ...names: string[]): string | null {
  if (!tags) return null;
  const lower = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
  for (const n of names) {
    const v = lower.get(n)?.trim();
    if (v) return v;
  }
  return null;
}

function runProbe(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      ffprobePath(),
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      { maxBuffer: 8 << 20, timeout: 30_000 },
      (err, stdout, stderr) => (err ? reject(new ClipError(firstLine(stderr) || err.message)) : resolve(stdout)),
    );
  });
}

const firstLine = (text: string) =>
  text
    .split('\n')
    .find((l) => l.trim())
    ?.replace(/^.*?: /, '') ?? '';

export async function probeClip(file: string): Promise<ClipInfo> {
  const size = fs.statSync(file).size;
  if (size === 0) throw new ClipError('empty file (0 bytes)');
  let json: ProbeJson;
  try {
    json = JSON.parse(await runProbe(file)) as ProbeJson;
  } catch (err) {
    const why = (err as Error).message;
    throw new ClipError(
      /moov atom not found|Invalid data|end of file/i.test(why)
        ? `truncated or damaged clip (${why})`
        : `not a readable clip (${why})`,
    );
  }
  const video = json.streams?.find((s) => s.codec_type === 'video');
  if (!video) throw new ClipError('the file holds no video stream');
  const codec = video.codec_name ?? 'unknown';
  if (!(SUPPORTED_CODECS as readonly string[]).includes(codec))
    throw new ClipError(`unsupported video codec "${codec}" (supported: ${SUPPORTED_CODECS.join(', ')})`);
  const durationSeconds = Number(json.format?.duration ?? video.duration ?? NaN);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0)
    throw new ClipError('truncated or damaged clip (no duration)');
  if (durationSeconds > MAX_CLIP_SECONDS)
    throw new ClipError(
      `the clip lasts ${Math.round(durationSeconds / 60)} minutes, longer than a trail-camera clip (${MAX_CLIP_SECONDS / 60} at most)`,
    );
  return {
    durationSeconds,
    width: video.width ?? 0,
    height: video.height ?? 0,
    codec,
    fps: rate(video.avg_frame_rate) || rate(video.r_frame_rate),
    creationTime: tag(json.format?.tags, 'creation_time', 'date') ?? tag(video.tags, 'creation_time'),
    make: tag(json.format?.tags, 'make', 'com.apple.quicktime.make'),
    model: tag(json.format?.tags, 'model', 'com.apple.quicktime.model'),
  };
}
