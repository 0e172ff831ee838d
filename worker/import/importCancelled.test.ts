import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { JobCancelledError, JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import { openLibrary } from '../../core/library/library';
import { deerImagesDir } from '../../testing/fixtures';
import { importPhotos } from './importPhotos';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-cancel-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('records a cancelled import as cancelled, not failed', async () => {
  const library = openLibrary(dir, { create: true });
  try {
    const control = new JobControl();
    control.cancel();
    await expect(
      importPhotos(library, { sources: [deerImagesDir()] }, new ProgressTracker(1, () => undefined), control),
    ).rejects.toBeInstanceOf(JobCancelledError);
    expect(library.db.query.imports.findMany({ columns: { status: true } }).sync()).toEqual([{ status: 'cancelled' }]);
  } finally {
    library.close();
  }
});
