// The detection pipeline's acceptance test: real photos, real models, the real export. A broken decoder, a wrong
// letterbox or a box mapped with the wrong axis cannot reach these figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { megadetectorExport, type MdFile } from '../../core/exports/megadetector';
import { parseMegadetector } from '../../core/interop/megadetectorFormat';
import { JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import { openLibrary, type Library } from '../../core/library/library';
import { setSetting } from '../../core/library/settings';
import { libraryStats } from '../../core/queries/stats';
import { deerGroundTruth, deerImagesDir, modelsDir, otherSpeciesDir } from '../../testing/fixtures';
import { matchBoxes } from '../detect/matchBoxes';
import { importPhotos } from '../import/importPhotos';
import { processImages } from './processImages';

const run = (library: Library, options: Parameters<typeof processImages>[1] = {}) =>
  processImages(
    library,
    { models: modelsDir(), provider: 'cpu', ...options },
    new ProgressTracker(1, () => {}),
    new JobControl(),
  );

/** Animal boxes of the export against the hand-drawn deer boxes, photo by photo (matched by file name). */
function score(md: MdFile) {
  const truth = new Map(
    deerGroundTruth().map((g) => [
      g.file,
      g.boxes.map((b) => ({ x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h })),
    ]),
  );
  let matched = 0;
  let unmatched = 0;
  for (const image of md.images) {
    const gt = truth.get(path.posix.basename(image.file));
    if (!gt) throw new Error(`export has ${image.file}, which is not a fixture photo`);
    const animals = (image.detections ?? [])
      .filter((d) => d.category === '1')
      .sort((a, b) => b.conf - a.conf)
      .map((d) => ({ x: d.bbox[0], y: d.bbox[1], w: d.bbox[2], h: d.bbox[3] }));
    const r = matchBoxes(animals, gt);
    matched += r.matched;
    unmatched += r.unmatched;
  }
  const total = [...truth.values()].reduce((n, boxes) => n + boxes.length, 0);
  const result = { recall: matched / total, matched, total, unmatched, detector: md.info.detector };
  console.info(`deer fixtures: ${JSON.stringify(result)}`);
  return result;
}

describe('detection on the 78 trailcam-deer photos, through the MegaDetector export', () => {
  let library: Library;
  beforeAll(async () => {
    library = openLibrary(fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-deer-')), { create: true });
    await importPhotos(library, { sources: [deerImagesDir()] }, new ProgressTracker(1, () => {}), new JobControl());
  });
  afterAll(() => library.close());

  it('YOLOX-nano at its default threshold finds >= 55% of the deer with <= 30 false animal boxes', async () => {
    const summary = await run(library);
    expect(summary).toMatchObject({ detector: 'yolox_nano_416', processed: 78, failed: 0 });
    const md = megadetectorExport(library);
    // The export is a valid MegaDetector file by the importer's own reading of the format.
    parseMegadetector(JSON.stringify(md));
    expect(md.images).toHaveLength(78);
    for (const image of md.images) expect(fs.existsSync(path.join(library.photosDir, image.file))).toBe(true);
    const s = score(md);
    expect(s.total).toBe(82);
    expect(s.recall).toBeGreaterThanOrEqual(0.55);
    expect(s.unmatched).toBeLessThanOrEqual(30);
    const stats = libraryStats(library.db);
    expect(stats.provider).toBe('cpu');
    expect(stats.detections.animal).toBe(
      md.images.flatMap((i) => i.detections ?? []).filter((d) => d.category === '1').length,
    );
  }, 240_000);

  it('YOLOv8n int8 at its default threshold finds >= 60% of the deer with <= 30 false animal boxes', async () => {
    setSetting(library.db, 'detector', 'yolov8n_int8_640');
    const summary = await run(library, {});
    expect(summary).toMatchObject({ detector: 'yolov8n_int8_640', processed: 78, failed: 0 });
    const s = score(megadetectorExport(library));
    expect(s.recall).toBeGreaterThanOrEqual(0.6);
    expect(s.unmatched).toBeLessThanOrEqual(30);
  }, 240_000);
});

describe('the other-species photos', () => {
  it('run through without failures, odd sizes and missing EXIF included', async () => {
    const library = openLibrary(fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-other-')), { create: true });
    try {
      const imported = await importPhotos(
        library,
        { sources: [otherSpeciesDir()], camera: 'mixed' },
        new ProgressTracker(1, () => {}),
        new JobControl(),
      );
      const summary = await run(library);
      expect(summary.failures).toEqual([]);
      expect(summary.processed).toBe(imported.imported);
      expect(summary.processed).toBeGreaterThanOrEqual(16);
      expect(summary.detections.animal).toBeGreaterThan(0);
      const md = megadetectorExport(library);
      expect(md.images.every((i) => Array.isArray(i.detections) && !i.failure)).toBe(true);
    } finally {
      library.close();
    }
  }, 120_000);
});
