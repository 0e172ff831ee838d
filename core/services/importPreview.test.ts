// The preview and the import judge a card's files by the same code: the same counts, the same reason for a file
// that is not a photo, and a clear reason for a source that does not exist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobControl } from '../jobs/control';
import { ProgressTracker } from '../jobs/progress';
import { openLibrary, type Library } from '../library/library';
import { deerImagesDir } from '../../testing/fixtures';
import { importPhotos } from '../../worker/import/importPhotos';
import { previewImport } from './importPreview';

let work: string;
let card: string;
let library: Library;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-preview-'));
  card = path.join(work, 'DCIM');
  fs.mkdirSync(card);
  const photos = fs
    .readdirSync(deerImagesDir())
    .filter((f) => /\.jpe?g$/i.test(f))
    .slice(0, 3);
  for (const f of photos) fs.copyFileSync(path.join(deerImagesDir(), f), path.join(card, f));
  fs.writeFileSync(path.join(card, 'notes.jpg'), 'battery low, swap card on Friday\n');
  fs.writeFileSync(path.join(card, 'empty.jpg'), '');
  library = openLibrary(path.join(work, 'lib'), { create: true });
});

afterAll(() => {
  library.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('previewImport', () => {
  it('counts only real photos, and its cameras add up to that count', async () => {
    const preview = await previewImport(library.db, [card]);
    expect(preview.photos).toBe(3);
    expect(preview.cameras.reduce((n, c) => n + c.photos, 0)).toBe(3);
    expect(preview.unreadable.map((u) => path.basename(u.file)).sort()).toEqual(['empty.jpg', 'notes.jpg']);
  });

  it('gives a file the same reason the import gives it', async () => {
    const preview = await previewImport(library.db, [card]);
    const summary = await importPhotos(
      library,
      { sources: [card] },
      new ProgressTracker(0, () => undefined),
      new JobControl(),
    );
    const reasons = (list: { file: string; reason: string }[]) =>
      Object.fromEntries(list.map((f) => [path.basename(f.file), f.reason]));
    expect(reasons(preview.unreadable)).toEqual(reasons(summary.failures));
    expect(reasons(preview.unreadable)['notes.jpg']).toMatch(/not a JPEG or PNG image \(looks like a text file\)/);
    expect(reasons(preview.unreadable)['empty.jpg']).toBe('empty file (0 bytes)');
  });

  it('says plainly that a typed path does not exist', async () => {
    const missing = path.join(work, 'no', 'such', 'folder');
    const preview = await previewImport(library.db, [missing]);
    expect(preview.photos).toBe(0);
    expect(preview.unreadable).toEqual([{ file: missing, reason: 'no such file or folder on this computer' }]);
  });
});
