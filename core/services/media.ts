// Media by id: the only way the renderer gets image bytes. The file is found from the database and the library's
// id-derived cache paths, never from anything the request says beyond a kind and a number. Thumbnails and previews
// the pipeline has not made yet are made here on first request (same cache path, written atomically).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { MediaRef } from '../contract';
import { photoAbsolutePath, type Library } from '../library/library';
import { cachePath, type CacheKind } from '../photos/cachePaths';
import { PREVIEW_SIDE, THUMB_SIDE } from '../photos/thumbnails';

export interface MediaFile {
  file: string;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `file` lies inside `dir` (after resolving `..`). */
function inside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function original(library: Library, imageId: number): string | null {
  const row = library.db.$client.prepare('SELECT path, in_place AS inPlace FROM images WHERE id = ?').get(imageId) as
    { path: string | null; inPlace: number } | undefined;
  if (!row || row.path === null) return null;
  const file = photoAbsolutePath(library, { path: row.path, inPlace: row.inPlace === 1 });
  // Copied photos must be inside the library; in-place ones are where the user imported them from.
  if (!file || (row.inPlace !== 1 && !inside(library.root, file))) return null;
  return file;
}

async function derived(library: Library, imageId: number, kind: CacheKind, side: number): Promise<string | null> {
  const file = cachePath(library.cacheDir, kind, imageId);
  if (fs.existsSync(file)) return file;
  const source = original(library, imageId);
  if (!source || !fs.existsSync(source)) return null;
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await sharp(source)
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78, effort: 2 })
      .toFile(tmp);
    await fs.promises.rename(tmp, file);
  } catch {
    await fs.promises.rm(tmp, { force: true });
    return null;
  }
  return file;
}

function crop(library: Library, detectionId: number): string | null {
  const row = library.db.$client
    .prepare('SELECT crop_path AS cropPath FROM detections WHERE id = ?')
    .get(detectionId) as { cropPath: string | null } | undefined;
  if (!row?.cropPath) return null;
  const file = path.resolve(library.root, row.cropPath);
  return inside(library.root, file) ? file : null;
}

/** The file for a media reference, or null when the id is unknown or there is nothing to show. */
export async function resolveMedia(library: Library, ref: MediaRef): Promise<MediaFile | null> {
  let file: string | null;
  switch (ref.kind) {
    case 'original':
      file = original(library, ref.id);
      break;
    case 'thumbnail':
      file = await derived(library, ref.id, 'thumbs', THUMB_SIDE);
      break;
    case 'preview':
      file = await derived(library, ref.id, 'previews', PREVIEW_SIDE);
      break;
    case 'crop':
      file = crop(library, ref.id);
      break;
  }
  if (!file || !fs.existsSync(file)) return null;
  return { file, contentType: contentType(file) };
}
