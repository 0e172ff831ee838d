// The one writer of a photo's derived images (grid thumbnail, viewer preview), with one set of encoder settings.
// The pipeline writes the grid thumbnail from the decode the detector used (no second decode); previews are made
// only when someone opens the photo (core/services/media.ts), from the original with JPEG shrink-on-load, and kept.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PREVIEW_SIDE, THUMB_SIDE } from '../contract/media';
import { newestFirst } from '../util/newestFirst';
import { cachePath, type CacheKind } from './cachePaths';
import { fromDecoded, type DecodedImage } from './decode';

export { PREVIEW_SIDE, THUMB_SIDE };

export const SIDES: Record<CacheKind, number> = { thumbs: THUMB_SIDE, previews: PREVIEW_SIDE };

// JPEG quality 80 matches the PSNR of the WebP (quality 78, effort 0) written before, for less CPU (npm run
// bench:derived, deer fixtures, one thread): a 320 px thumbnail from the 512 px working decode 3.0 CPU ms against 4.6,
// a 1024 px preview from the original 23 ms against 40 (decoding it is 22 of those), for 30-50% more bytes; Chromium
// decodes it in 15 ms against 19. Huffman optimisation is off: it saves 5% of the bytes for 20% more encode time,
// and a preview is made while the user waits; mozjpeg's trellis triples the time. These files are a cache.
const JPEG = { quality: 80, optimiseCoding: false } as const;

/**
 * The encoder every derived image goes through (bench/derivedImages.ts measures it): fit inside `side`, JPEG. JPEG has
 * no alpha: a transparent PNG is shown on white, as an image viewer would, not on black.
 */
export function encodeDerived(image: sharp.Sharp, side: number): sharp.Sharp {
  return image
    .flatten({ background: '#ffffff' })
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    .jpeg(JPEG);
}

async function writeJpeg(image: sharp.Sharp, side: number, file: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Write beside and rename, so a reader never sees half a file and a crash leaves no broken image. The name is
  // unique per call: two processes (worker, server) may make the same file at once, and either rename wins whole.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    // Encoded in memory and written by Node, so a full disk fails with its errno (ENOSPC) and stops the job,
    // where sharp's own file writer reports only text.
    await fs.writeFile(tmp, await encodeDerived(image, side).toBuffer());
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** The grid thumbnail from pixels already decoded (the pipeline's working decode). */
export async function writeThumbnail(img: DecodedImage, cacheDir: string, imageId: number): Promise<string> {
  const file = cachePath(cacheDir, 'thumbs', imageId);
  await writeJpeg(fromDecoded(img), THUMB_SIDE, file);
  return file;
}

/** Requests for a file being made right now share its promise: a burst of viewer requests decodes once. */
const making = new Map<string, Promise<string>>();

/**
 * Files made on request, newest first and a core left free: the viewer warms the previous/next previews after the
 * shown one, and when the user moves on, the photo now on screen goes ahead of those still waiting instead of
 * sharing the cores with them (and the thread pool stays free to serve cached files).
 */
const schedule = newestFirst(Math.max(1, os.availableParallelism() - 1));

/**
 * The cached thumbnail or preview of a photo, made from its original file on first request (EXIF orientation
 * applied, JPEG shrink-on-load to the size asked for). Throws when the original cannot be decoded.
 */
export async function derivedImage(
  cacheDir: string,
  kind: CacheKind,
  imageId: number,
  original: string,
): Promise<string> {
  const file = cachePath(cacheDir, kind, imageId);
  const existing = making.get(file);
  if (existing) return existing;
  const made = fs
    .access(file)
    .catch(() => schedule(() => writeJpeg(sharp(original, { failOn: 'error' }).rotate(), SIDES[kind], file)))
    .then(() => file)
    .finally(() => making.delete(file));
  making.set(file, made);
  return made;
}
