// thumper check over the derived-image cache: a JPEG of a photo no longer in the library and a WebP of an older
// version are reported and --repair removes them; the current photo's JPEG and display crops (named by detection id,
// also .jpg) are not the check's to judge as thumbnails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { images } from '../db/schema';
import { cachePath } from '../photos/cachePaths';
import { checkLibrary } from './check';
import { openLibrary } from './library';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-check-cache-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('checkLibrary over cached images', () => {
  it('reports stale and legacy WebP thumbnails and previews, and --repair removes only those', async () => {
    const library = openLibrary(path.join(work, 'lib'), { create: true });
    try {
      const id = library.db
        .insert(images)
        .values({ fileName: 'a.jpg', sourcePath: '/card/a.jpg', state: 'embedded' })
        .returning({ id: images.id })
        .get().id;
      const goneId = id + 1;
      const put = (file: string) => {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, 'x');
      };
      const current = [cachePath(library.cacheDir, 'thumbs', id), cachePath(library.cacheDir, 'previews', id)];
      const crop = path.join(library.cacheDir, 'crops', 'display', '0', `${goneId}.jpg`);
      const stale = cachePath(library.cacheDir, 'previews', goneId);
      const legacy = cachePath(library.cacheDir, 'thumbs', id).replace(/\.jpg$/, '.webp');
      for (const file of [...current, crop, stale, legacy]) put(file);

      const found = await checkLibrary(library);
      const rel = (file: string) => path.relative(library.root, file);
      expect(found.problems.map((p) => [p.kind, p.what]).sort()).toEqual(
        [
          ['cache', rel(legacy)],
          ['cache', rel(stale)],
        ].sort(),
      );
      expect(found.remaining).toBe(2);
      expect(fs.existsSync(legacy) && fs.existsSync(stale)).toBe(true); // a plain check changes nothing

      const repaired = await checkLibrary(library, { repair: true });
      expect(repaired.remaining).toBe(0);
      expect([legacy, stale].filter((f) => fs.existsSync(f))).toEqual([]);
      expect([...current, crop].filter((f) => !fs.existsSync(f))).toEqual([]);
      expect((await checkLibrary(library)).problems).toEqual([]);
    } finally {
      library.close();
    }
  });
});
