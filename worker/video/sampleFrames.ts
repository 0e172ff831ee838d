// Frames of a clip for the pipeline: the first frame, then one every 1/perSecond seconds, decoded by the shipped
// ffmpeg and streamed one JPEG at a time (ffmpeg is paused while a frame waits), so memory stays bounded whatever the
// clip's length. Each frame carries its time in the clip, read from ffmpeg's showinfo.
import { spawn } from 'node:child_process';
import { ClipError } from '../../core/photos/video/probe';
import { ffmpegPath } from '../../core/photos/video/tools';

export interface SampledFrame {
  index: number;
  timeMs: number;
  jpeg: Buffer;
}

export interface SampleOptions {
  /** Frames per second after the first (default 1). */
  perSecond?: number;
  signal?: AbortSignal;
}

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);

/** Splits a stream of concatenated JPEGs (ffmpeg's image2pipe) into whole images; returns the unfinished rest. */
export function splitJpegs(buffer: Buffer, onImage: (jpeg: Buffer) => void): Buffer {
  let start = buffer.indexOf(SOI);
  while (start >= 0) {
    // Inside a JPEG's entropy-coded data 0xFF is stuffed (FF00), so FFD9 only ends an image.
    const end = buffer.indexOf(EOI, start + 2);
    if (end < 0) return buffer.subarray(start);
    onImage(buffer.subarray(start, end + 2));
    start = buffer.indexOf(SOI, end + 2);
  }
  return Buffer.alloc(0);
}

export async function* sampleFrames(file: string, options: SampleOptions = {}): AsyncGenerator<SampledFrame> {
  const every = 1 / (options.perSecond ?? 1);
  const child = spawn(
    ffmpegPath(),
    [
      ...['-hide_banner', '-nostdin', '-loglevel', 'info', '-i', file],
      ...['-vf', `select='eq(n\\,0)+gte(t-prev_selected_t\\,${every})',showinfo`, '-vsync', '0'],
      ...['-f', 'image2pipe', '-vcodec', 'mjpeg', '-q:v', '2', '-'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal },
  );
  const times: number[] = [];
  const images: Buffer[] = [];
  let rest: Buffer = Buffer.alloc(0);
  let pending = '';
  let log = '';
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  child.stdout.on('data', (chunk: Buffer) => {
    rest = splitJpegs(rest.length ? Buffer.concat([rest, chunk]) : chunk, (jpeg) => images.push(Buffer.from(jpeg)));
    if (images.length > 1) child.stdout.pause();
    notify();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    log = (log + text).slice(-4096);
    const lines = (pending + text).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const time = /showinfo.*? pts_time:\s*([\d.]+)/.exec(line);
      if (time) times.push(Number(time[1]));
    }
    notify();
  });
  let exit: { code: number | null; error?: Error } | null = null;
  child.on('error', (error) => ((exit = { code: null, error }), notify()));
  child.on('close', (code) => ((exit = exit ?? { code }), notify()));

  let index = 0;
  try {
    for (;;) {
      if (images.length > 0 && times.length > index) {
        const jpeg = images.shift()!;
        if (images.length <= 1) child.stdout.resume();
        yield { index, timeMs: Math.round(times[index]! * 1000), jpeg };
        index++;
        continue;
      }
      if (exit && images.length === 0) break;
      if (exit && times.length <= index) {
        // Output without a time: ffmpeg ended before logging it; the frame's time is unknown, so it is left out.
        break;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    if (!exit) child.kill('SIGKILL');
  }
  const ended = exit as { code: number | null; error?: Error } | null;
  if (ended?.error && !options.signal?.aborted) throw new ClipError(`ffmpeg could not run: ${ended.error.message}`);
  if (ended?.code && index === 0) {
    const why =
      log
        .split('\n')
        .reverse()
        .find((l) => /error|invalid|corrupt/i.test(l)) ?? `ffmpeg exited with ${ended.code}`;
    throw new ClipError(`no frame could be decoded (${why.trim()})`);
  }
}
