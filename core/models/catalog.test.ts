import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsDir } from '../../testing/fixtures';
import { findDetector, findEmbedder, findModel, loadCatalog } from './catalog';
import { DEFAULT_SETTINGS } from '../library/settings';
import { modelFilePath, ModelNotFoundError, resolveModelsFolder } from './folder';

describe('model catalog', () => {
  it('has the default detector and embedder of the library settings', () => {
    expect(findDetector(DEFAULT_SETTINGS.detector).family).toBe('yolox');
    expect(findEmbedder(DEFAULT_SETTINGS.embedder).file).toBe('reid/mobilenetv2-12-int8-gem-embed.onnx');
    expect(findModel('osnet_x0_25').kind).toBe('embedder');
    expect(() => findModel('nope')).toThrow(/unknown model "nope"/);
    expect(() => findDetector('osnet_x0_25')).toThrow(/not a detector/);
  });

  it('lists files that exist in the test models folder with the sha256 the catalog gives', async () => {
    const folder = resolveModelsFolder(modelsDir());
    const { createHash } = await import('node:crypto');
    for (const m of loadCatalog().models) {
      const file = modelFilePath(m, folder);
      expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex'), m.id).toBe(m.sha256);
    }
  });
});

describe('models folder', () => {
  it('prefers --models, then THUMPER_MODELS_DIR', () => {
    const saved = process.env.THUMPER_MODELS_DIR;
    process.env.THUMPER_MODELS_DIR = '/from/env';
    try {
      expect(resolveModelsFolder('/explicit')).toEqual({ dir: '/explicit', from: '--models' });
      expect(resolveModelsFolder()).toEqual({ dir: '/from/env', from: 'THUMPER_MODELS_DIR' });
      delete process.env.THUMPER_MODELS_DIR;
      expect(resolveModelsFolder().from).toBe('default');
    } finally {
      if (saved === undefined) delete process.env.THUMPER_MODELS_DIR;
      else process.env.THUMPER_MODELS_DIR = saved;
    }
  });

  it('names the folder searched when a model is missing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-models-'));
    const folder = resolveModelsFolder(empty);
    expect(() => modelFilePath(findModel('yolox_nano_416'), folder)).toThrow(ModelNotFoundError);
    expect(() => modelFilePath(findModel('yolox_nano_416'), folder)).toThrow(
      new RegExp(`detectors/yolox_nano_416.onnx in ${empty}`),
    );
  });
});
