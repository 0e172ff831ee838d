import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { parseMegadetector } from '../interop/megadetectorFormat';
import { deerImagesDir, modelsDir } from '../../testing/fixtures';
import { mdFilePath } from './megadetector';

describe('thumper import -> process -> export --format megadetector', () => {
  it('writes MegaDetector 1.6 with photos-relative paths, normalised boxes and failures', async () => {
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-card-'));
    for (const f of ['deer-img10.JPG', 'deer-img1.jpg'])
      fs.copyFileSync(path.join(deerImagesDir(), f), path.join(src, f));
    const bytes = fs.readFileSync(path.join(deerImagesDir(), 'deer-img100.JPG'));
    fs.writeFileSync(path.join(src, 'cut.jpg'), bytes.subarray(0, bytes.length / 3));
    const lib = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-lib-')), 'lib');
    const out = path.join(lib, '..', 'md.json');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        await main([
          'import',
          src,
          '--library',
          lib,
          '--create',
          '--models',
          modelsDir(),
          '--provider',
          'cpu',
          '--json',
        ]),
      ).toBe(0);
      const imported = JSON.parse(String(stdout.mock.calls.at(-1)![0]));
      expect(imported.processing).toMatchObject({ processed: 2, provider: 'cpu', detector: 'yolox_nano_416' });
      // Resumable: a second run finds nothing left; a failed photo is retried only when asked.
      expect(await main(['process', '--library', lib, '--models', modelsDir(), '--provider', 'cpu', '--json'])).toBe(0);
      expect(JSON.parse(String(stdout.mock.calls.at(-1)![0]))).toMatchObject({ processed: 0, failed: 0 });
      expect(await main(['process', '--library', lib, '--provider', 'gpu'])).toBe(2);
      expect(await main(['export', '--library', lib, '--format', 'megadetector', '--out', out])).toBe(0);
      expect(await main(['export', '--library', lib, '--format', 'nope', '--out', out])).toBe(2);
      expect(await main(['stats', '--library', lib, '--json'])).toBe(0);
      const stats = JSON.parse(String(stdout.mock.calls.at(-1)![0]));
      expect(stats).toMatchObject({ provider: 'cpu', images: { total: 3, failed: 1 } });
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }

    const md = parseMegadetector(fs.readFileSync(out, 'utf8'));
    expect(md.info.format_version).toBe('1.6');
    expect(md.detection_categories).toEqual({ 1: 'animal', 2: 'person', 3: 'vehicle' });
    const byName = new Map(md.images.map((i) => [path.posix.basename(i.file), i]));
    expect(byName.get('cut.jpg')).toMatchObject({ detections: null, failure: expect.stringMatching(/truncated/) });
    const deer = byName.get('deer-img10.JPG')!;
    expect(deer.file).toMatch(/^[^/].*\/deer-img10\.JPG$/);
    expect(fs.existsSync(path.join(lib, 'photos', deer.file))).toBe(true);
    const animal = deer.detections!.find((d) => d.category === '1')!;
    // The hand-drawn box of this photo: cx 0.607, cy 0.630, w 0.352, h 0.391.
    expect(animal.bbox[0]).toBeCloseTo(0.607 - 0.352 / 2, 1);
    expect(animal.bbox[1]).toBeCloseTo(0.63 - 0.391 / 2, 1);
    for (const v of animal.bbox) expect(v).toBeGreaterThanOrEqual(0);
    expect(animal.bbox[0] + animal.bbox[2]).toBeLessThanOrEqual(1);
  }, 120_000);

  it('writes in-place photos with their absolute path', () => {
    const library = { root: '/lib', photosDir: '/lib/photos' };
    expect(mdFilePath(library, { path: 'photos/cam/2014-06-19/a.jpg', inPlace: false, fileName: 'a.jpg' })).toBe(
      'cam/2014-06-19/a.jpg',
    );
    expect(mdFilePath(library, { path: '/card/DCIM/a.jpg', inPlace: true, fileName: 'a.jpg' })).toBe(
      '/card/DCIM/a.jpg',
    );
  });
});
