import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobControl } from '../jobs/control';
import { ProgressTracker } from '../jobs/progress';
import { openLibrary, type Library } from '../library/library';
import { deerImagesDir } from '../../testing/fixtures';
import { importPhotos } from '../../worker/import/importPhotos';
import { prepareRetry } from './retryFailed';

let work: string;
let library: Library;
const failed = () =>
  library.db.$client
    .prepare("SELECT id, file_name AS fileName, path FROM images WHERE state = 'failed' ORDER BY file_name")
    .all() as { id: number; fileName: string; path: string | null }[];

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-retry-'));
  const card = path.join(work, 'card');
  fs.mkdirSync(card);
  const photo = fs.readdirSync(deerImagesDir()).find((f) => /\.jpe?g$/i.test(f))!;
  fs.copyFileSync(path.join(deerImagesDir(), photo), path.join(card, photo));
  fs.writeFileSync(path.join(card, 'gone.jpg'), 'a text file');
  fs.writeFileSync(path.join(card, 'notes.jpg'), 'battery low');
  library = openLibrary(path.join(work, 'lib'), { create: true });
  await importPhotos(library, { sources: [card] }, new ProgressTracker(0, () => undefined), new JobControl());
  fs.rmSync(path.join(card, 'gone.jpg'));
  // A photo the library holds that failed later (in detection, say).
  library.db.$client
    .prepare("UPDATE images SET state = 'failed', error = 'decode failed', attempts = 3 WHERE path IS NOT NULL")
    .run();
});

afterAll(() => {
  library.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('prepareRetry', () => {
  it('sends held photos back to processing, re-imports refused files from their source, and names the ones gone', () => {
    expect(failed().map((f) => f.fileName)).toHaveLength(3);
    const plan = prepareRetry(library.db);
    expect(plan.reprocess).toBe(1);
    expect(plan.reimport.map((p) => path.basename(p))).toEqual(['notes.jpg']);
    expect(plan.missing.map((p) => path.basename(p))).toEqual(['gone.jpg']);
    // The refused file's row makes way for the new import; the one whose source is gone keeps its reason.
    expect(failed().map((f) => f.fileName)).toEqual(['gone.jpg']);
    const held = library.db.$client
      .prepare('SELECT state, error, attempts FROM images WHERE path IS NOT NULL')
      .get() as { state: string; error: string | null; attempts: number };
    expect(held).toEqual({ state: 'imported', error: null, attempts: 0 });
  });
});
