import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../core/contract/entities';
import { describeSource, pathNotToCheck } from './sourceCheck';

const preview = (more: Partial<ImportPreview>): ImportPreview => ({
  sources: ['/media/sd'],
  photos: 0,
  bytes: 0,
  cameras: [],
  from: null,
  to: null,
  unknownTime: 0,
  videos: 0,
  otherFiles: 0,
  alreadyInLibrary: 0,
  unreadable: [],
  sampled: false,
  ...more,
});

describe('a typed source, in words', () => {
  it('says what is there, or why it cannot be imported', () => {
    expect(describeSource(preview({ photos: 58, videos: 2 }))).toEqual({ ok: true, text: '58 photos, 2 clips' });
    expect(describeSource(preview({ photos: 1, alreadyInLibrary: 1, otherFiles: 3 }))).toEqual({
      ok: true,
      text: '1 photo, 0 clips, 1 already in the library, 3 other files',
    });
    expect(
      describeSource(
        preview({ unreadable: [{ file: '/media/sd', reason: 'no such file or folder on this computer' }] }),
      ),
    ).toEqual({ ok: false, text: 'no such file or folder on this computer' });
    expect(describeSource(preview({ otherFiles: 1 }))).toEqual({
      ok: false,
      text: 'no photos or clips here (1 other file)',
    });
    expect(describeSource(preview({}))).toEqual({ ok: false, text: 'no photos or clips here' });
  });

  it('does not walk a whole disk or guess where a relative path is', () => {
    expect(pathNotToCheck('/')).toMatch(/^the whole disk/);
    expect(pathNotToCheck('C:\\')).toMatch(/^the whole disk/);
    expect(pathNotToCheck('media/sd')).toMatch(/^type the full path/);
    expect(pathNotToCheck('/media/sd')).toBeNull();
    expect(pathNotToCheck('D:\\DCIM')).toBeNull();
  });
});
