// For the interop tests: a real library imported from a few fixture photos of two cameras, and a MegaDetector file
// holding their hand-drawn ground-truth boxes, so imports and exports run on real photos with known boxes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JobControl } from '../core/jobs/control';
import { ProgressTracker } from '../core/jobs/progress';
import { openLibrary, type Library } from '../core/library/library';
import { deerGroundTruth, deerImagesDir, type GroundTruthImage } from './fixtures';
import { importPhotos } from '../worker/import/importPhotos';
import type { MegadetectorFile } from '../core/interop/megadetectorFormat';

export interface TestLibrary {
  library: Library;
  truth: GroundTruthImage[];
  dir: string;
}

/** The first `perCamera` photos (in time order) of the first two cameras of the ground truth, imported. */
export async function importFixturePhotos(perCamera = 5, utcOffset?: string): Promise<TestLibrary> {
  const all = deerGroundTruth();
  const cameras = [...new Set(all.map((g) => g.camera))].sort().slice(0, 2);
  const truth = cameras.flatMap((camera) =>
    all
      .filter((g) => g.camera === camera)
      .sort((a, b) => a.dateTimeOriginal.localeCompare(b.dateTimeOriginal))
      .slice(0, perCamera),
  );
  return importTruth(truth, utcOffset);
}

/** These fixture photos, imported into a new library in a temporary folder. */
export async function importTruth(truth: GroundTruthImage[], utcOffset?: string): Promise<TestLibrary> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-interop-'));
  const library = openLibrary(path.join(dir, 'library'), { create: true });
  const summary = await importPhotos(
    library,
    { sources: truth.map((g) => path.join(deerImagesDir(), g.file)), utcOffset },
    new ProgressTracker(0, () => {}),
    new JobControl(),
  );
  if (summary.imported !== truth.length)
    throw new Error(`imported ${summary.imported} of ${truth.length} fixture photos`);
  return { library, truth, dir };
}

/** A MegaDetector 1.6 file with the ground-truth boxes as "animal" detections, paths relative to the fixture folder. */
export function groundTruthMegadetector(truth: readonly GroundTruthImage[]): MegadetectorFile {
  return {
    info: {
      format_version: '1.6',
      detector: 'ground-truth',
      detector_metadata: { typical_detection_threshold: 0.2, conservative_detection_threshold: 0.05 },
    },
    detection_categories: { '1': 'animal', '2': 'person', '3': 'vehicle' },
    images: truth.map((g) => ({
      file: g.file,
      detections: g.boxes.map((b, i) => ({
        category: '1',
        conf: Math.round((0.95 - i * 0.1) * 1000) / 1000,
        bbox: [b.cx - b.w / 2, b.cy - b.h / 2, b.w, b.h].map((v) => Math.round(v * 1e4) / 1e4) as [
          number,
          number,
          number,
          number,
        ],
      })),
    })),
  };
}
