import { beforeEach, describe, expect, it } from 'vitest';
import type { ProgressSnapshotData } from '../../../core/contract/entities';
import { activeStage, useJobs } from './jobs';

function snap(jobId: number, copyDone: number, detectDone: number): ProgressSnapshotData {
  return {
    jobId,
    stages: [
      { stage: 'copy', done: copyDone, total: 100, failed: 0, rate: 0, etaSeconds: null },
      { stage: 'detect', done: detectDone, total: 100, failed: 1, rate: 0, etaSeconds: null },
    ],
    currentFile: 'DCIM/100RECNX/IMG_0001.JPG',
    provider: 'cpu',
    failures: [{ file: 'bad.jpg', reason: 'not a JPEG' }],
    paused: false,
    elapsedMs: 1000,
  };
}

describe('jobs store', () => {
  beforeEach(() => useJobs.setState({ progress: null, rates: {}, lastFinished: null, workerRestarts: [] }));

  it('smooths per-stage rates across snapshots of one job', () => {
    const { onProgress } = useJobs.getState();
    onProgress(snap(1, 0, 0), 0);
    onProgress(snap(1, 10, 5), 1000);
    onProgress(snap(1, 20, 10), 2000);
    const { rates } = useJobs.getState();
    expect(rates.copy!.rate).toBeCloseTo(10);
    expect(rates.detect!.rate).toBeCloseTo(5);
    expect(rates.copy!.eta).toBeGreaterThan(0);
  });

  it('starts afresh for a new job and clears on finish', () => {
    const { onProgress, onFinished } = useJobs.getState();
    onProgress(snap(1, 50, 50), 0);
    onProgress(snap(1, 60, 60), 1000);
    onProgress(snap(2, 0, 0), 2000);
    expect(useJobs.getState().rates.copy!.rate).toBeNull();
    onFinished({
      jobId: 2,
      status: 'done',
      error: null,
      summary: {
        importIds: [1],
        imported: 3,
        processed: 3,
        duplicates: 0,
        failed: 0,
        videos: 0,
        elapsedMs: 5,
        failures: [],
      },
    });
    expect(useJobs.getState().progress).toBeNull();
    expect(useJobs.getState().lastFinished?.jobId).toBe(2);
  });

  it('picks the furthest started stage as the active one', () => {
    expect(activeStage(snap(1, 100, 40))?.stage).toBe('detect');
    expect(activeStage(snap(1, 100, 100))?.stage).toBe('detect');
    const copying = snap(1, 10, 0);
    copying.stages[1]!.total = 0;
    expect(activeStage(copying)?.stage).toBe('copy');
  });
});
