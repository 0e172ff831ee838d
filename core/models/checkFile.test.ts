import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelsDir } from '../../testing/fixtures';
import { checkModelFile } from './checkFile';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-model-file-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('a typed model file path', () => {
  it('accepts a real ONNX model file with its size', async () => {
    const file = path.join(modelsDir(), 'detectors', 'yolox_nano_416.onnx');
    expect(await checkModelFile(file)).toEqual({ problem: null, bytes: fs.statSync(file).size });
  });

  it('says what is wrong with anything else', async () => {
    fs.writeFileSync(path.join(work, 'empty.onnx'), '');
    fs.writeFileSync(path.join(work, 'notes.txt'), 'x');
    expect(await checkModelFile(path.join(work, 'missing.onnx'))).toEqual({
      problem: 'no such file on this computer',
      bytes: null,
    });
    expect((await checkModelFile(work)).problem).toMatch(/^a folder, not a model file/);
    expect(await checkModelFile(path.join(work, 'notes.txt'))).toEqual({
      problem: 'not an ONNX model (.onnx) file',
      bytes: 1,
    });
    expect(await checkModelFile(path.join(work, 'empty.onnx'))).toEqual({
      problem: 'an empty file (0 bytes)',
      bytes: 0,
    });
    expect((await checkModelFile('models/x.onnx')).problem).toMatch(/^type the full path/);
    expect((await checkModelFile(path.join(work, 'notes.txt', 'x.onnx'))).problem).toBe(
      'no such file on this computer',
    );
  });
});
