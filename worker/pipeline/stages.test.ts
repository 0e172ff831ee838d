import { describe, expect, it } from 'vitest';
import { LibraryWriteError } from '../../core/library/diskErrors';
import { runStage, type DetectedPhoto, type PhotoStage } from './stages';

const photo = {} as DetectedPhoto;
const throwing = (err: unknown): PhotoStage => ({
  name: 'thumbnails',
  run: () => Promise.reject(err),
});

describe('runStage', () => {
  it('fails the photo for what went wrong with it', async () => {
    expect(await runStage(throwing(new Error('bad crop')), photo)).toEqual({ status: 'failed', reason: 'bad crop' });
  });

  it("stops the job when the library's disk is full, naming the file it could not write", async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device'), {
      code: 'ENOSPC',
      path: '/lib/cache/thumbs/0/7.jpg.tmp',
    });
    const run = runStage(throwing(full), photo);
    await expect(run).rejects.toBeInstanceOf(LibraryWriteError);
    await expect(run).rejects.toThrow("the library's disk is full (/lib/cache/thumbs/0/7.jpg.tmp)");
  });
});
