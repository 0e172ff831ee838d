import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { megadetectorExport } from '../exports/megadetector';
import { deerImagesDir } from '../../testing/fixtures';
import { importMegadetector } from './megadetectorImport';
import { groundTruthMegadetector, importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';

let source: TestLibrary;
let target: TestLibrary;

beforeAll(async () => {
  source = await importFixturePhotos(3);
  target = await importFixturePhotos(3);
  const md = path.join(source.dir, 'md.json');
  const truth = groundTruthMegadetector(source.truth);
  // A weak box too: the export's thresholds must not make the import drop it.
  truth.images[0]!.detections!.push({ category: '1', conf: 0.27, bbox: [0.01, 0.02, 0.1, 0.1] });
  fs.writeFileSync(md, JSON.stringify(truth));
  await importMegadetector(source.library, md, { root: deerImagesDir() });
});
afterAll(() => {
  source.library.close();
  target.library.close();
});

const byFile = (images: { file: string }[]) => [...images].sort((a, b) => a.file.localeCompare(b.file));

describe('MegaDetector JSON round trip', () => {
  it('imports an export into another library of the same photos unchanged', async () => {
    const exported = megadetectorExport(source.library);
    expect(exported.images.reduce((n, i) => n + (i.detections?.length ?? 0), 0)).toBe(
      source.truth.reduce((n, g) => n + g.boxes.length, 1),
    );
    const file = path.join(target.dir, 'from-source.json');
    fs.writeFileSync(file, JSON.stringify(exported));

    const summary = await importMegadetector(target.library, file, { root: target.library.photosDir });
    expect(summary).toMatchObject({ photos: source.truth.length, unmatched: [], failures: [] });
    expect(byFile(megadetectorExport(target.library).images)).toEqual(byFile(exported.images));
  });

  it('re-imports into the same library without changing it', async () => {
    const before = megadetectorExport(source.library);
    const file = path.join(source.dir, 'again.json');
    fs.writeFileSync(file, JSON.stringify(before));
    await importMegadetector(source.library, file, { root: source.library.photosDir });
    expect(byFile(megadetectorExport(source.library).images)).toEqual(byFile(before.images));
  });
});
