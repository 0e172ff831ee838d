import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelsDir } from '../../testing/fixtures';
import { tinyYolov5Model } from '../../../worker/models/testing/tinyYolov5';
import { main } from '../main';

/** Runs the CLI in-process and returns its exit code and what it wrote. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('thumper models', () => {
  it('lists the catalog models installed in a folder, and the upgrade guides', async () => {
    const { code, out } = await cli('models', 'list', '--models', modelsDir(), '--json');
    expect(code).toBe(0);
    const listed = JSON.parse(out) as { models: { entry: { id: string }; status: string }[]; guides: { id: string }[] };
    expect(listed.models.map((m) => [m.entry.id, m.status])).toEqual([
      ['yolox_nano_416', 'installed'],
      ['yolov8n_int8_640', 'installed'],
      ['mobilenetv2_gem', 'installed'],
      ['osnet_x0_25', 'installed'],
    ]);
    expect(listed.guides.map((g) => g.id)).toContain('megadetector');
  });

  it('adds a model with labels from a file and shows the class mapping', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-cli-models-'));
    const model = path.join(dir, 'deer.onnx');
    fs.writeFileSync(model, tinyYolov5Model({ size: 320, rows: [[10, 10, 5, 5, 0.9, 0.8, 0.1, 0.1]] }));
    fs.writeFileSync(path.join(dir, 'labels.txt'), 'doe\nfawn\nbuck\n');
    const added = await cli('models', 'add', model, '--labels', path.join(dir, 'labels.txt'), '--models', path.join(dir, 'models'));
    expect(added.code).toBe(0);
    expect(added.err).toContain('added deer (detector, yolov5, input 320x320)');
    expect(added.err).toContain('buck -> animal (buck)');
    const listed = await cli('models', 'list', '--models', path.join(dir, 'models'));
    expect(listed.out).toMatch(/deer\s+detector\s+yolov5\s+installed\s+added by you/);
    expect(listed.out).toMatch(/yolox_nano_416\s+detector\s+yolox\s+missing/);
  });

  it('explains a wrong sub-command or family', async () => {
    expect((await cli('models', 'fetch')).code).toBe(2);
    expect((await cli('models', 'add', 'x.onnx', '--family', 'yolov9')).err).toMatch(/--family must be one of/);
    expect((await cli('models', 'frobnicate')).err).toMatch(/expected list, fetch <id> or add/);
  });
});
