// What MegaDetector's validate_batch_results checks beyond our own parser: confidences and boxes are floats (a
// hand-drawn box's confidence 1 written 1.0), the conservative threshold is not above the typical one, and the
// completion time has MegaDetector's format.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBox } from '../edits';
import { importMegadetector } from '../interop/megadetectorImport';
import { parseMegadetector } from '../interop/megadetectorFormat';
import { deerImagesDir } from '../../testing/fixtures';
import { groundTruthMegadetector, importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';
import { megadetectorExport, megadetectorJson } from './megadetector';

let t: TestLibrary;

beforeAll(async () => {
  t = await importFixturePhotos(1);
  const md = path.join(t.dir, 'md.json');
  fs.writeFileSync(md, JSON.stringify(groundTruthMegadetector(t.truth)));
  await importMegadetector(t.library, md, { root: deerImagesDir() });
});
afterAll(() => t.library.close());

describe('MegaDetector export as validate_batch_results wants it', () => {
  it('writes a hand-drawn box with confidence 1.0 and every box coordinate as a float', () => {
    const image = t.library.db.$client.prepare('SELECT id FROM images ORDER BY id LIMIT 1').get() as { id: number };
    addBox(t.library.db, { imageId: image.id, x: 0, y: 0.5, w: 0.5, h: 0.5, category: 'animal' });
    const md = megadetectorExport(t.library, new Date('2026-12-03T19:30:05.123Z'));
    const text = megadetectorJson(md);
    expect(text).toContain('"conf": 1.0');
    expect(text).not.toMatch(/"conf": \d+[,\n]/);
    expect(text).toMatch(/\[\n\s+0\.0,\n\s+0\.5,\n\s+0\.5,\n\s+0\.5\n\s+\]/);
    expect(text).not.toMatch(/"(typical|conservative)_detection_threshold": \d+[,\n]/);
    // Same data as JSON.stringify would give, only the number spelling differs.
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(md)));
    expect(parseMegadetector(text).images.length).toBe(md.images.length);
  });

  it('keeps the conservative threshold at or below the typical one and dates it as MegaDetector does', () => {
    const md = megadetectorExport(t.library, new Date('2026-12-03T19:30:05.123Z'));
    const { typical_detection_threshold: typical, conservative_detection_threshold: conservative } =
      md.info.detector_metadata;
    expect(conservative).toBeLessThanOrEqual(typical);
    expect(conservative).toBeGreaterThan(0);
    expect(md.info.detection_completion_time).toBe('2026-12-03 19:30:05');
  });
});
