// The clip being sampled in a job's progress: frames sampled of those expected, its pace and time left, and nothing
// once the clip is over.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressSnapshotData, progressSnapshotSchema } from '../contract/entities';
import { ProgressTracker, type ProgressSnapshot } from './progress';

afterEach(() => vi.useRealTimers());

describe('clip progress', () => {
  it('reports frames sampled of those expected, with a rate and the time left', () => {
    vi.useFakeTimers({ now: 0 });
    const snapshots: ProgressSnapshot[] = [];
    const progress = new ProgressTracker(7, (s) => snapshots.push(s));
    expect(progress.snapshot().clip).toBeNull();
    progress.clipSampled('LONG0001.MP4', 0, 600);
    vi.setSystemTime(10_000);
    progress.clipSampled('LONG0001.MP4', 50, 600);
    expect(snapshots.at(-1)!.clip).toEqual({
      file: 'LONG0001.MP4',
      sampled: 50,
      expected: 600,
      rate: 5,
      etaSeconds: 110,
    });
    expect(snapshots.at(-1)!.currentFile).toBe('LONG0001.MP4');
    // What the contract carries to the dashboard keeps it.
    const data: ProgressSnapshotData = progressSnapshotSchema.parse(snapshots.at(-1));
    expect(data.clip).toMatchObject({ sampled: 50, expected: 600 });
  });

  it('never shows more done than expected, starts over for the next clip and ends with the clip', () => {
    vi.useFakeTimers({ now: 0 });
    const progress = new ProgressTracker(7, () => undefined);
    progress.clipSampled('A.AVI', 0, 10);
    vi.setSystemTime(1_000);
    progress.clipSampled('A.AVI', 11, 10);
    expect(progress.snapshot().clip).toMatchObject({ sampled: 11, expected: 11, etaSeconds: 0 });
    progress.clipSampled('B.AVI', 0, 4);
    expect(progress.snapshot().clip).toMatchObject({ file: 'B.AVI', sampled: 0, expected: 4, etaSeconds: null });
    progress.clipDone();
    expect(progress.snapshot().clip).toBeNull();
  });
});
