// Synthetic cards for tests and benchmarks: copies of the real fixture photos whose EXIF times are shifted in
// place. Each copy therefore has distinct bytes (a distinct sha256), a distinct capture time, the real JPEG size and
// the real EXIF, and still decodes.
import fs from 'node:fs';
import path from 'node:path';
import { deerImagesDir } from './fixtures';

const EXIF_TIME = /(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/g;

/** Shifts every EXIF date-time string in the file's first 64 KB by `seconds` (same length, so offsets stay valid). */
export function shiftExifTimes(jpeg: Buffer, seconds: number): Buffer {
  const out = Buffer.from(jpeg);
  const headLength = Math.min(out.length, 65536);
  const head = out.subarray(0, headLength).toString('latin1');
  const shifted = head.replace(EXIF_TIME, (_m, y, mo, d, h, mi, s) => {
    const t = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + seconds * 1000);
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${p(t.getUTCFullYear(), 4)}:${p(t.getUTCMonth() + 1)}:${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`;
  });
  out.write(shifted, 0, 'latin1');
  return out;
}

export interface SyntheticCard {
  dir: string;
  files: string[];
  bytes: number;
}

/**
 * Writes `count` photos into `dir` in a DCIM-like layout (100RECNX, 101RECNX, ... of 500 files each), cycling
 * through the fixture deer photos; copy k of a photo is shifted by k days so bursts stay bursts.
 */
export function makeSyntheticCard(dir: string, count: number, sourceDir: string = deerImagesDir()): SyntheticCard {
  const sources = fs
    .readdirSync(sourceDir)
    .filter((f) => /\.jpe?g$/i.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(sourceDir, f)));
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const copy = Math.floor(i / sources.length);
    const data = copy === 0 ? source : shiftExifTimes(source, copy * 86_400);
    const folder = path.join(dir, 'DCIM', `${100 + Math.floor(i / 500)}RECNX`);
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `IMG_${String(i).padStart(5, '0')}.JPG`);
    fs.writeFileSync(file, data);
    files.push(file);
    bytes += data.length;
  }
  return { dir, files, bytes };
}
