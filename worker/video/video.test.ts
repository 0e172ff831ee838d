// Clips made from the fixture bursts: probed (duration, codec, creation time as camera-local wall-clock), sampled at
// 1 frame per second plus the first, and the bad ones (truncated, zero-byte, not a video) refused with a reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipCaptureTime } from '../../core/photos/video/clipTime';
import { ClipError, probeClip } from '../../core/photos/video/probe';
import { makeBurstClip, truncatedCopy, type BurstClip } from '../../testing/clips';
import { sampleFrames, splitJpegs } from './sampleFrames';

let dir: string;
let avi: BurstClip;
let mp4: BurstClip;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-clips-'));
  avi = makeBurstClip(dir, 'stag.avi', 'H6R1-01-V03', 271);
  mp4 = makeBurstClip(dir, 'doe.mp4', 'H6R1-05', 202);
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function frames(file: string, perSecond = 1) {
  const out = [];
  for await (const f of sampleFrames(file, { perSecond })) out.push(f);
  return out;
}

describe('clips', () => {
  it('probes an MJPEG AVI and an H.264 MP4', async () => {
    const a = await probeClip(avi.file);
    expect(clipCaptureTime(a.creationTime, 'stag.avi')).toMatchObject({ takenAt: avi.start });
    expect(a).toMatchObject({ codec: 'mjpeg', width: 1024 });
    expect(a.durationSeconds).toBeCloseTo(avi.photos.length, 0);
    const m = await probeClip(mp4.file);
    expect(m).toMatchObject({ codec: 'h264', width: 1024 });
    expect(clipCaptureTime(m.creationTime, 'doe.mp4')).toEqual({
      takenAt: mp4.start,
      source: 'container',
      reason: null,
    });
  });

  it('samples the first frame and then one per second, each with its time in the clip', async () => {
    const sampled = await frames(avi.file);
    expect(sampled.length).toBe(avi.photos.length);
    expect(sampled.map((f) => f.timeMs)).toEqual(avi.photos.map((_, i) => i * 1000));
    const meta = await sharp(sampled[0]!.jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1024 });
    const twice = await frames(mp4.file, 2);
    expect(twice.length).toBe(mp4.photos.length * 2);
  });

  it('refuses a zero-byte, a truncated and a non-video file with a reason', async () => {
    const empty = path.join(dir, 'empty.mp4');
    fs.writeFileSync(empty, '');
    await expect(probeClip(empty)).rejects.toThrow(new ClipError('empty file (0 bytes)'));
    const cut = truncatedCopy(mp4.file, path.join(dir, 'cut.mp4'));
    await expect(probeClip(cut)).rejects.toThrow(/truncated or damaged/);
    const text = path.join(dir, 'notes.avi');
    fs.writeFileSync(text, 'not a clip at all\n'.repeat(100));
    await expect(probeClip(text)).rejects.toThrow(ClipError);
  });

  it('takes a capture time from the container, else the name, else none with the reason', () => {
    expect(clipCaptureTime('2015-02-03T18:57:01.000000Z', 'x.avi')).toMatchObject({ takenAt: '2015-02-03T18:57:01' });
    expect(clipCaptureTime('1904-01-01T00:00:00Z', 'REC_20160203_083559.MP4')).toMatchObject({
      takenAt: '2016-02-03T08:35:59',
      source: 'filename',
    });
    expect(clipCaptureTime('Tue Feb  3 18:57:01 2015', 'x.avi')).toMatchObject({ takenAt: '2015-02-03T18:57:01' });
    expect(clipCaptureTime(null, 'CLIP0001.AVI')).toMatchObject({
      takenAt: null,
      reason: expect.stringMatching(/no creation time/),
    });
  });

  it('splits concatenated JPEGs and keeps an unfinished one for later', () => {
    const a = Buffer.from([0xff, 0xd8, 1, 2, 0xff, 0xd9]);
    const b = Buffer.from([0xff, 0xd8, 3]);
    const seen: Buffer[] = [];
    const rest = splitJpegs(Buffer.concat([a, b]), (j) => seen.push(j));
    expect(seen).toEqual([a]);
    expect(rest).toEqual(b);
  });
});
