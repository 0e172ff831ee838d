import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deerImagesDir, modelsDir } from '../../testing/fixtures';
import { tinyYolov5Model } from '../../testing/models/tinyYolov5';
import { runCli as cli } from '../../testing/cli';

/** Runs the CLI in-process and returns its exit code and what it wrote. */
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
    const added = await cli(
      'models',
      'add',
      model,
      '--labels',
      path.join(dir, 'labels.txt'),
      '--models',
      path.join(dir, 'models'),
    );
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
    expect((await cli('models', 'frobnicate')).err).toMatch(/expected list, status, use, fetch <id> or add/);
  });

  it("records the library's model with `use`; without its file, processing stops once with how to get it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-cli-use-'));
    const card = path.join(dir, 'card');
    fs.mkdirSync(card);
    fs.copyFileSync(path.join(deerImagesDir(), 'deer-img1.jpg'), path.join(card, 'a.jpg'));
    const lib = path.join(dir, 'lib');
    const empty = path.join(dir, 'no-models');
    expect((await cli('import', card, '--library', lib, '--create', '--no-process')).code).toBe(0);

    expect((await cli('models', 'use', '--library', lib, '--detector', 'osnet_x0_25')).err).toMatch(
      /"osnet_x0_25" is an embedder, not a detector/,
    );
    expect((await cli('models', 'use', '--library', lib)).code).toBe(2);

    const used = await cli('models', 'use', '--library', lib, '--detector', 'yolov8n_int8_640', '--models', empty);
    expect(used.code).toBe(1);
    expect(used.err).toContain("the library's detector is now yolov8n_int8_640 (was yolox_nano_416)");
    expect(used.err).toMatch(
      /detector model "yolov8n_int8_640" is not installed: download it with `thumper models fetch yolov8n_int8_640`/,
    );
    expect(used.err.match(/not installed/g)).toHaveLength(2);

    const status = await cli('models', 'status', '--library', lib, '--models', empty, '--json');
    expect(status.code).toBe(1);
    const parsed = JSON.parse(status.out) as {
      ready: boolean;
      roles: { role: string; id: string; status: string; fetchable: boolean }[];
    };
    expect(parsed.ready).toBe(false);
    expect(parsed.roles.map((r) => [r.role, r.id, r.status, r.fetchable])).toEqual([
      ['detector', 'yolov8n_int8_640', 'missing', true],
      ['embedder', 'mobilenetv2_gem', 'missing', true],
    ]);
    expect((await cli('models', 'status', '--library', lib, '--models', modelsDir())).code).toBe(0);
    const images = await cli('images', '--library', lib, '--json');
    expect(images.out).toContain('"imported"');
  });
});
