// The clip stage on a real library: a clip made from the stag burst becomes one frame row per sampled second, with
// its JPEG under cache/frames/ and capture times that follow the clip's; an undecodable clip fails with its reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { images } from '../../core/db/schema';
import { JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import { openLibrary, type Library } from '../../core/library/library';
import { makeBurstClip, type BurstClip } from '../../testing/clips';
import { expectedFrames, frameTime, sampleClips } from './sampleClips';

let dir: string;
let library: Library;
let clip: BurstClip;

function addClip(file: string, takenAt: string | null, durationMs: number | null = null): number {
  const rel = path.relative(library.root, file);
  return library.db
    .insert(images)
    .values({
      sha256: `test-${path.basename(file)}`,
      path: rel,
      fileName: path.basename(file),
      sourcePath: file,
      takenAt,
      state: 'imported',
      mediaType: 'clip',
      durationMs,
    })
    .returning({ id: images.id })
    .get().id;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-sample-clips-'));
  library = openLibrary(path.join(dir, 'library'), { create: true });
  fs.mkdirSync(path.join(library.root, 'photos'), { recursive: true });
  clip = makeBurstClip(path.join(library.root, 'photos'), 'stag.avi', 'H6R1-01-V03', 271);
}, 120_000);

afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sampling clips', () => {
  it('records a frame per second with its JPEG and its time, and finishes the clip', async () => {
    const id = addClip(clip.file, clip.start, clip.photos.length * 1000);
    const garbage = path.join(library.root, 'photos', 'garbage.avi');
    fs.writeFileSync(garbage, 'not a clip\n'.repeat(50));
    const cut = addClip(garbage, null);
    const progress = new ProgressTracker(1, () => undefined);
    const sampled = vi.spyOn(progress, 'clipSampled');
    const summary = await sampleClips(library, progress, new JobControl());
    expect(summary).toMatchObject({ clips: 2, frames: clip.photos.length, failed: 1 });
    // Each clip shows its own progress, frame by frame, and none is shown once sampling is over.
    const n = clip.photos.length;
    expect(sampled.mock.calls.filter((c) => c[0] === 'stag.avi')).toEqual(
      Array.from({ length: n + 1 }, (_, i) => ['stag.avi', i, n]),
    );
    expect(sampled.mock.calls.filter((c) => c[0] === 'garbage.avi')).toEqual([['garbage.avi', 0, 1]]);
    expect(progress.snapshot().clip).toBeNull();

    const frames = library.db.select().from(images).where(eq(images.clipId, id)).orderBy(images.frameMs).all();
    expect(frames.map((f) => f.frameMs)).toEqual(clip.photos.map((_, i) => i * 1000));
    expect(frames.every((f) => f.mediaType === 'frame' && f.state === 'imported')).toBe(true);
    expect(frames[1]!.takenAt).toBe(frameTime(clip.start, 1000));
    for (const f of frames) expect(fs.existsSync(path.join(library.root, f.path!))).toBe(true);

    const rows = library.db.select().from(images).all();
    expect(rows.find((r) => r.id === id)).toMatchObject({ state: 'done' });
    expect(rows.find((r) => r.id === cut)).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/frames could not be sampled/),
    });
  });

  it('expects the first frame and one per interval before the end', () => {
    expect(expectedFrames(10_000, 1)).toBe(10);
    expect(expectedFrames(10_200, 1)).toBe(11);
    expect(expectedFrames(10_000, 2)).toBe(20);
    expect(expectedFrames(300, 1)).toBe(1);
    expect(expectedFrames(null, 1)).toBe(1);
  });

  it('adds the frame offset to the clip start', () => {
    expect(frameTime('2015-02-03T18:57:01', 2000)).toBe('2015-02-03T18:57:03');
    expect(frameTime('2015-02-03T18:59:59', 1500)).toBe('2015-02-03T19:00:00.500');
    expect(frameTime(null, 1000)).toBeNull();
  });
});
