import { describe, expect, it } from 'vitest';
import { withFinished, withProgress } from './tasks';

describe('tasks store', () => {
  it('follows a task through progress to its end, in either order of events', () => {
    let t = withProgress({}, { taskId: 1, kind: 'models.fetch', step: 'download x', done: 10, total: 100 });
    t = withProgress(t, { taskId: 1, kind: 'models.fetch', step: 'download x', done: 50, total: 100 });
    expect(t[1]).toMatchObject({ status: 'running', done: 50, total: 100 });
    t = withFinished(t, { taskId: 1, kind: 'models.fetch', status: 'done', summary: 'installed x', error: null });
    // A late progress event does not reopen it.
    t = withProgress(t, { taskId: 1, kind: 'models.fetch', step: 'download x', done: 60, total: 100 });
    expect(t[1]).toMatchObject({ status: 'done', done: 50, summary: 'installed x' });
    // A task can finish before any progress was seen (a quick export).
    t = withFinished(t, {
      taskId: 2,
      kind: 'export',
      status: 'failed',
      summary: null,
      error: 'no UTC offset for camera A',
    });
    expect(t[2]).toMatchObject({ status: 'failed', step: null, error: 'no UTC offset for camera A' });
    expect(t[1]!.status).toBe('done');
  });
});
