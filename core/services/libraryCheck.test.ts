// library.check through the contract's dispatch, as the app's Library check panel calls it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forkLauncher } from '../jobs/launcher';
import { Supervisor } from '../jobs/supervisor';
import { openLibrary } from '../library/library';
import { dispatch } from './dispatch';
import { createServices } from './index';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-check-api-'));
const library = openLibrary(path.join(work, 'lib'), { create: true });
const services = createServices({
  library,
  supervisor: new Supervisor({ launcher: forkLauncher(), library }),
  host: { kind: 'serve', dropPaths: false },
});
afterAll(() => {
  services.dispose();
  library.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('library.check', () => {
  it('reports a lost photo, and repair marks it failed with the reason', async () => {
    const id = Number(
      library.db.$client
        .prepare(
          `INSERT INTO images (file_name, source_path, path, sha256, state) VALUES ('a.jpg', '/card/a.jpg', 'photos/cam/a.jpg', 'ab', 'done')`,
        )
        .run().lastInsertRowid,
    );
    const checked = await dispatch(services.handlers, 'library.check', {});
    expect(checked).toMatchObject({ ok: true, result: { photos: 1, remaining: 1, problems: [{ kind: 'missing' }] } });
    const repaired = await dispatch(services.handlers, 'library.check', { repair: true });
    expect(repaired).toMatchObject({ ok: true, result: { remaining: 0, problems: [{ repaired: true }] } });
    expect(library.db.$client.prepare('SELECT state, error FROM images WHERE id = ?').get(id)).toMatchObject({
      state: 'missing',
      error: expect.stringMatching(/^the file .*a\.jpg is no longer there/),
    });
    expect(await dispatch(services.handlers, 'library.check', { repair: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
  });
});
