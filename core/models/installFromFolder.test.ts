import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelsDir } from '../../testing/fixtures';
import { installFromFolder } from './installFromFolder';

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-models-folder-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('installFromFolder', () => {
  it('installs the catalog models it finds (flat or in their sub-folders), checks their bytes, refuses a stranger', async () => {
    const stick = path.join(work, 'stick');
    fs.mkdirSync(stick);
    // The detector lies flat on the stick; a file named like the embedder holds other bytes.
    fs.copyFileSync(
      path.join(modelsDir(), 'detectors', 'yolox_nano_416.onnx'),
      path.join(stick, 'yolox_nano_416.onnx'),
    );
    fs.writeFileSync(path.join(stick, 'mobilenetv2-12-int8-gem-embed.onnx'), 'not a model');
    const folder = { dir: path.join(work, 'models'), from: 'default' as const };
    const result = await installFromFolder(stick, folder);
    expect(result.installed).toEqual(['yolox_nano_416']);
    expect(fs.existsSync(path.join(folder.dir, 'detectors', 'yolox_nano_416.onnx'))).toBe(true);
    expect(result.refused).toEqual([
      {
        file: path.join(stick, 'mobilenetv2-12-int8-gem-embed.onnx'),
        reason: expect.stringMatching(/checksum differs/),
      },
    ]);
    expect((await installFromFolder(stick, folder)).alreadyInstalled).toEqual(['yolox_nano_416']);
    await expect(installFromFolder(path.join(work, 'nope'), folder)).rejects.toThrow(
      'is not a folder on this computer',
    );
  });
});
