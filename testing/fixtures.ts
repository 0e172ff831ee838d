// Where tests and benchmarks find the real models and photos: THUMPER_MODELS_DIR / THUMPER_FIXTURES_DIR, else the
// shared/ folder beside the checkout. A missing folder is an error that says what to set.
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/paths';

function resolveDir(envVar: string, fallback: string, what: string): string {
  // Without ../shared, the test setup fetches the assets into .cache/test-assets/ (testAssets.ts).
  const cached = path.join(PACKAGE_ROOT, '.cache', 'test-assets', path.basename(fallback));
  const dir = process.env[envVar] ?? (!fs.existsSync(fallback) && fs.existsSync(cached) ? cached : fallback);
  if (!fs.existsSync(dir)) {
    throw new Error(`${what} not found at ${dir}: set ${envVar} to the folder that holds them`);
  }
  return dir;
}

export function modelsDir(): string {
  return resolveDir('THUMPER_MODELS_DIR', path.join(PACKAGE_ROOT, '..', 'shared', 'models'), 'the test models');
}

export function fixturesDir(): string {
  return resolveDir('THUMPER_FIXTURES_DIR', path.join(PACKAGE_ROOT, '..', 'shared', 'fixtures'), 'the fixture photos');
}

export const deerImagesDir = () => path.join(fixturesDir(), 'trailcam-deer', 'images');
export const otherSpeciesDir = () => path.join(fixturesDir(), 'other-species');

export interface GroundTruthBox {
  class: string;
  cx: number;
  cy: number;
  w: number;
  h: number;
}

export interface GroundTruthImage {
  file: string;
  sha256: string;
  camera: string;
  serial: string;
  event: number;
  frame: number;
  framesInEvent: number;
  dateTimeOriginal: string;
  boxes: GroundTruthBox[];
  width: number;
  height: number;
}

export function deerGroundTruth(): GroundTruthImage[] {
  const file = path.join(fixturesDir(), 'trailcam-deer', 'ground-truth.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { images: GroundTruthImage[] }).images;
}
