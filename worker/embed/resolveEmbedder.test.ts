import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../core/library/library';
import { setSetting } from '../../core/library/settings';
import { addModel } from '../../core/models/add';
import { inspectOnnx } from '../models/inspect';
import { resolveModelsFolder } from '../../core/models/folder';
import { modelsDir } from '../../testing/fixtures';
import { embedStage } from './pipelineStage';
import { resolveEmbedder } from './resolveEmbedder';

let scratch = '';
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the embed stage and user-added embedders', () => {
  it('finds an embedder the user added to the models folder, as the detector stage does', async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-user-embedder-'));
    const folder = resolveModelsFolder(path.join(scratch, 'models'));
    await addModel(path.join(modelsDir(), 'reid', 'osnet_x0_25_msmt17.onnx'), {
      folder,
      inspect: inspectOnnx,
      family: 'osnet',
      id: 'my_osnet',
    });
    expect(resolveEmbedder('my_osnet', folder)).toMatchObject({ entry: { id: 'my_osnet', dimensions: 512 } });
    expect(fs.existsSync(resolveEmbedder('my_osnet', folder).file)).toBe(true);
    expect(() => resolveEmbedder('nobody_s_model', folder)).toThrow(/unknown model "nobody_s_model"/);

    const library = openLibrary(path.join(scratch, 'library'), { create: true });
    try {
      setSetting(library.db, 'embedder', 'my_osnet');
      const stage = await embedStage({ library, models: folder, provider: 'cpu', threads: 1 });
      expect(stage.name).toBe('embed');
      await stage.close?.();
    } finally {
      library.close();
    }
  });
});
