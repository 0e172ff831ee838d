import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JobControl } from '../../core/jobs/control';
import { ProgressTracker, type ProgressSnapshot } from '../../core/jobs/progress';
import { openLibrary } from '../../core/library/library';
import { listAllImages } from '../../core/queries/images';
import { libraryStats } from '../../core/queries/stats';
import { deerGroundTruth, deerImagesDir, otherSpeciesDir } from '../../testing/fixtures';
import { shiftExifTimes } from '../../testing/synth';
import { importPhotos, type ImportOptions } from './importPhotos';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `thumper-${prefix}-`));

async function runImport(
  libDir: string,
  options: ImportOptions,
  onProgress: (p: ProgressSnapshot) => void = () => undefined,
) {
  const library = openLibrary(libDir, { create: true });
  try {
    const summary = await importPhotos(library, options, new ProgressTracker(1, onProgress), new JobControl());
    return { summary, rows: listAllImages(library.db), stats: libraryStats(library.db) };
  } finally {
    library.close();
  }
}

const exifTime = (gt: string) => gt.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');

describe('importing the fixture deer card', () => {
  const lib = tmp('lib');

  it('imports 78 photos whose takenAt equals their EXIF DateTimeOriginal, filed by camera and date', async () => {
    const { summary, rows, stats } = await runImport(lib, { sources: [deerImagesDir()] });
    expect(summary).toMatchObject({ scanned: 78, imported: 78, duplicates: 0, failed: 0 });
    expect(stats.images).toMatchObject({ total: 78, failed: 0 });
    expect(stats.cameras).toBe(6);
    const bySha = new Map(rows.map((r) => [r.sha256, r]));
    for (const gt of deerGroundTruth()) {
      const row = bySha.get(gt.sha256);
      expect(row, gt.file).toBeDefined();
      expect(row!.takenAt).toBe(exifTime(gt.dateTimeOriginal));
      expect(row!.takenAtSource).toBe('exif');
      expect(row!.camera).toBe(gt.camera);
      expect(row!.path).toBe(path.join('photos', gt.camera, exifTime(gt.dateTimeOriginal).slice(0, 10), gt.file));
      expect(fs.statSync(path.join(lib, row!.path!)).size).toBe(fs.statSync(path.join(deerImagesDir(), gt.file)).size);
      expect([row!.width, row!.height]).toEqual([gt.width, gt.height]);
    }
    expect(fs.readdirSync(path.join(lib, 'tmp'))).toEqual([]);
  });

  it('adds nothing when the same card is imported again, and reports the duplicates', async () => {
    const { summary, rows } = await runImport(lib, { sources: [deerImagesDir()] });
    expect(summary).toMatchObject({ scanned: 78, imported: 0, duplicates: 78, failed: 0 });
    expect(summary.duplicateFiles[0]!.existing).toContain(deerImagesDir());
    expect(rows).toHaveLength(78);
  });

  it('treats the same photo found in two folders as one', async () => {
    const other = tmp('two-folders');
    const files = fs.readdirSync(deerImagesDir()).slice(0, 3);
    for (const sub of ['a', 'b']) {
      fs.mkdirSync(path.join(other, sub));
      for (const f of files) fs.copyFileSync(path.join(deerImagesDir(), f), path.join(other, sub, f));
    }
    const fresh = tmp('lib2');
    const { summary, rows } = await runImport(fresh, { sources: [other] });
    expect(summary).toMatchObject({ scanned: 6, imported: 3, duplicates: 3 });
    expect(rows.map((r) => path.dirname(r.sourcePath))).toEqual([
      path.join(other, 'a'),
      path.join(other, 'a'),
      path.join(other, 'a'),
    ]);
  });
});

/** A real JPEG whose frame header claims the given size: a metadata read believes it, a decode would explode. */
function jpegClaiming(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length - 9;) {
    const marker = out.readUInt16BE(i);
    if (marker === 0xffc0 || marker === 0xffc2) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
    i += 2 + out.readUInt16BE(i + 2);
  }
  throw new Error('no frame header found');
}

describe('bad input on a card', () => {
  it('records a readable reason for each bad file and imports the rest', async () => {
    const card = tmp('badcard');
    const real = fs.readFileSync(path.join(deerImagesDir(), 'deer-img1.jpg')); // EXIF 2014:06:19 11:12:06
    const toYear = (year: number) => (Date.UTC(year, 5, 19, 11, 12, 6) - Date.UTC(2014, 5, 19, 11, 12, 6)) / 1000;
    const put = (name: string, data: Buffer | string) => {
      fs.mkdirSync(path.dirname(path.join(card, name)), { recursive: true });
      fs.writeFileSync(path.join(card, name), data);
    };
    put('empty.jpg', Buffer.alloc(0));
    put('truncated.jpg', real.subarray(0, 200_000));
    put('notes.jpg', 'this is not a photo\n');
    put('huge.jpg', jpegClaiming(real, 30_000, 30_000));
    put('epoch.jpg', shiftExifTimes(real, toYear(1970)));
    put('future_20200501_101010.jpg', shiftExifTimes(real, toYear(2099)));
    const unicode = `Hirsch_ä_鹿_🦌_${'long'.repeat(55)}.jpg`;
    put(unicode, shiftExifTimes(real, 1));
    put('vanishing.jpg', shiftExifTimes(real, 2));
    put('clip.MP4', 'video bytes');

    const lib = tmp('badlib');
    let removed = false;
    const { summary, rows } = await runImport(lib, { sources: [card] }, (p) => {
      // The card is pulled right after the scan: the file is listed but gone when its copy starts.
      if (!removed && p.stages.some((s) => s.stage === 'copy' && s.total > 0)) {
        fs.rmSync(path.join(card, 'vanishing.jpg'));
        removed = true;
      }
    });
    expect(removed).toBe(true);
    const byName = new Map(rows.map((r) => [r.fileName, r]));
    const failed = (name: string) => ({ state: byName.get(name)?.state, error: byName.get(name)?.error });
    expect(failed('empty.jpg')).toEqual({ state: 'failed', error: 'empty file (0 bytes)' });
    expect(failed('truncated.jpg')).toMatchObject({ state: 'failed', error: expect.stringMatching(/^truncated JPEG/) });
    expect(failed('notes.jpg')).toEqual({ state: 'failed', error: 'not a JPEG or PNG image (looks like a text file)' });
    expect(failed('huge.jpg')).toMatchObject({
      state: 'failed',
      error: 'image is 30000x30000 (900 MP), above the 120 MP safety limit',
    });
    expect(failed('vanishing.jpg')).toMatchObject({ state: 'failed', error: expect.stringContaining('disappeared') });
    // A truncated JPEG is kept (it may be all that is left once the card is wiped); junk is not.
    expect(byName.get('truncated.jpg')!.path).not.toBeNull();
    expect(byName.get('notes.jpg')!.path).toBeNull();

    expect(byName.get('epoch.jpg')).toMatchObject({ state: 'imported', takenAt: null, takenAtSource: null });
    expect(byName.get('epoch.jpg')!.timeNote).toContain('EXIF date 1970-06-19T11:12:06 is implausible');
    expect(byName.get('future_20200501_101010.jpg')).toMatchObject({
      takenAt: '2020-05-01T10:10:10',
      takenAtSource: 'filename',
    });
    const uni = byName.get(unicode)!;
    expect(uni).toMatchObject({ state: 'imported', takenAt: '2014-06-19T11:12:07' });
    expect(fs.existsSync(path.join(lib, uni.path!))).toBe(true);

    // A clip is imported like a photo; one that is not a readable video fails with ffprobe's reason.
    expect(summary).toMatchObject({ scanned: 9, imported: 3, failed: 6, videos: 1 });
    expect(failed('clip.MP4')).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/truncated or damaged clip|not a readable clip/),
    });
    expect(summary.failures.map((f) => path.basename(f.file)).sort()).toEqual([
      'clip.MP4',
      'empty.jpg',
      'huge.jpg',
      'notes.jpg',
      'truncated.jpg',
      'vanishing.jpg',
    ]);
    expect(fs.readdirSync(path.join(lib, 'tmp'))).toEqual([]);
  });

  it('replaces the failure of a pulled card once the file can be read again', async () => {
    const card = tmp('repull');
    const lib = tmp('repull-lib');
    fs.copyFileSync(path.join(deerImagesDir(), 'deer-img1.jpg'), path.join(card, 'a.jpg'));
    let removed = false;
    await runImport(lib, { sources: [card] }, (p) => {
      if (!removed && p.stages.some((s) => s.stage === 'copy' && s.total > 0)) {
        fs.renameSync(path.join(card, 'a.jpg'), path.join(card, 'a.bak'));
        removed = true;
      }
    });
    fs.renameSync(path.join(card, 'a.bak'), path.join(card, 'a.jpg'));
    const { rows, summary } = await runImport(lib, { sources: [card] });
    expect(summary).toMatchObject({ imported: 1, failed: 0 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'imported', error: null });
  });
});

describe('import options', () => {
  it('references photos in place without copying them', async () => {
    const lib = tmp('inplace');
    const { rows } = await runImport(lib, { sources: [otherSpeciesDir()], inPlace: true });
    expect(rows.length).toBe(16);
    for (const r of rows) expect(r.path).toBe(r.sourcePath);
    expect(fs.readdirSync(path.join(lib, 'photos'))).toEqual([]);
  });

  it('names cameras without a serial from --camera and stores the UTC offset', async () => {
    const lib = tmp('camera');
    const card = tmp('camera-card');
    // The Cuddeback and BolyMedia photos carry make/model but no serial number.
    for (const f of fs.readdirSync(otherSpeciesDir()).filter((f) => f.startsWith('snapshot_'))) {
      fs.copyFileSync(path.join(otherSpeciesDir(), f), path.join(card, f));
    }
    await runImport(lib, { sources: [card], camera: 'North feeder', utcOffset: '+02:00' });
    const library = openLibrary(lib);
    const cams = library.db.$client.prepare('SELECT name, utc_offset AS utcOffset FROM cameras').all();
    library.close();
    expect(cams).toEqual([{ name: 'North feeder', utcOffset: '+02:00' }]);
  });
});

// Filling a disk or making it read-only for real needs a tmpfs, which needs root (CI runs as root).
describe('a full or read-only library disk', () => {
  const mounts: string[] = [];
  const mountTmpfs = (opts: string) => {
    if (process.getuid?.() !== 0) throw new Error('this test mounts a tmpfs to fill a real disk: run it as root');
    const dir = tmp('mnt');
    execFileSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]);
    mounts.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const m of mounts) execFileSync('umount', ['-l', m]);
  });

  it('stops with a clear error when the disk fills up, keeping what was imported and no partial file', async () => {
    const disk = mountTmpfs('size=3m');
    const lib = path.join(disk, 'lib');
    const err = await runImport(lib, { sources: [deerImagesDir()] }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/the library's disk is full/);
    const library = openLibrary(lib);
    const rows = listAllImages(library.db);
    const status = library.db.$client.prepare('SELECT status FROM imports').all();
    library.close();
    expect(status).toEqual([{ status: 'failed' }]);
    const copied = fs
      .readdirSync(path.join(lib, 'photos'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile());
    expect(rows.length).toBeGreaterThan(0);
    expect(copied.length).toBe(rows.length);
    for (const r of rows) expect(fs.statSync(path.join(lib, r.path!)).size).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(lib, 'tmp'))).toEqual([]);
  });

  it('refuses a read-only library with a clear error', async () => {
    const disk = mountTmpfs('size=8m');
    const lib = path.join(disk, 'lib');
    openLibrary(lib, { create: true }).close();
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const err = await runImport(lib, { sources: [deerImagesDir()] }).catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(/read-only/);
  });
});
