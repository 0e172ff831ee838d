// thumper check finds a deleted photo and a damaged one, --repair marks them missing and failed with the reason, and
// importing the card again puts the deleted one back (not a duplicate).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import { checkLibrary } from '../../core/library/check';
import { openLibrary, type Library } from '../../core/library/library';
import { libraryStats } from '../../core/queries/stats';
import { makeSyntheticCard } from '../../testing/synth';
import { importPhotos } from './importPhotos';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-check-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const importCard = (library: Library, dir: string) =>
  importPhotos(library, { sources: [dir] }, new ProgressTracker(0, () => undefined), new JobControl());

const rowOf = (library: Library, id: number) =>
  library.db.$client.prepare('SELECT state, error, path FROM images WHERE id = ?').get(id) as {
    state: string;
    error: string | null;
    path: string;
  };

describe('thumper check and restoring a lost photo', () => {
  it('finds a deleted and a changed photo, repairs what it can, and a re-import restores the deleted one', async () => {
    const card = makeSyntheticCard(path.join(work, 'card'), 6);
    const library = openLibrary(path.join(work, 'lib'), { create: true });
    try {
      expect((await importCard(library, card.dir)).imported).toBe(6);
      expect(await checkLibrary(library)).toMatchObject({ photos: 6, problems: [], remaining: 0 });

      const [gone, damaged] = library.db.$client.prepare('SELECT id, path FROM images ORDER BY id LIMIT 2').all() as {
        id: number;
        path: string;
      }[];
      fs.rmSync(path.join(library.root, gone!.path));
      fs.appendFileSync(path.join(library.root, damaged!.path), 'x');
      fs.writeFileSync(path.join(library.photosDir, 'stray.jpg'), 'not ours');
      fs.mkdirSync(path.join(library.root, 'tmp', '999999-dead'), { recursive: true });

      const found = await checkLibrary(library);
      expect(found.problems.map((p) => p.kind).sort()).toEqual(['changed', 'missing', 'orphan', 'temp']);
      expect(found.remaining).toBe(4);
      expect(rowOf(library, gone!.id).state).not.toBe('missing'); // a plain check changes nothing

      const repaired = await checkLibrary(library, { repair: true });
      expect(repaired.remaining).toBe(1); // the stray file is reported, never deleted
      expect(fs.existsSync(path.join(library.photosDir, 'stray.jpg'))).toBe(true);
      expect(fs.existsSync(path.join(library.root, 'tmp', '999999-dead'))).toBe(false);
      expect(rowOf(library, gone!.id)).toMatchObject({
        state: 'missing',
        error: expect.stringMatching(/^the file .* is no longer there; import its card again/),
      });
      expect(libraryStats(library.db).images).toMatchObject({ missing: 1, failed: 1 });
      expect(rowOf(library, damaged!.id)).toMatchObject({
        state: 'failed',
        error: expect.stringMatching(/^changed: /),
      });

      const again = await importCard(library, card.dir);
      expect(again).toMatchObject({ imported: 1, duplicates: 5, failed: 0 });
      expect(rowOf(library, gone!.id)).toMatchObject({ state: 'imported', error: null, path: gone!.path });
      expect(fs.existsSync(path.join(library.root, gone!.path))).toBe(true);
      fs.rmSync(path.join(library.photosDir, 'stray.jpg'));
      expect((await checkLibrary(library)).remaining).toBe(0);
    } finally {
      library.close();
    }
  });
});
