// Media by id: the only way the renderer gets image bytes. The file is found from the database and the library's
// id-derived cache paths, never from anything the request says beyond a kind and a number. Thumbnails and previews
// the pipeline has not made (previews: never eagerly) are made on first request and kept (photos/thumbnails.ts).
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { MediaRef } from '../contract';
import { detections, images } from '../db/schema';
import { photoAbsolutePath, type Library } from '../library/library';
import { cachePath, type CacheKind } from '../photos/cachePaths';
import { writeDisplayCrop } from '../photos/crop';
import { playableClip } from '../photos/video/playable';
import { derivedImage } from '../photos/thumbnails';

export interface MediaFile {
  file: string;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.m4v': 'video/mp4',
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
  const row = library.db
    .select({ path: images.path, inPlace: images.inPlace })
    .from(images)
    .where(eq(images.id, imageId))
    .get();
  if (!row || row.path === null) return null;
  const file = photoAbsolutePath(library, row);
  // Copied photos must be inside the library; in-place ones are where the user imported them from.
  if (!file || (!row.inPlace && !inside(library.root, file))) return null;
  return file;
}

async function derived(library: Library, imageId: number, kind: CacheKind): Promise<string | null> {
  const file = cachePath(library.cacheDir, kind, imageId);
  if (fs.existsSync(file)) return file;
  const source = displaySource(library, imageId);
  if (!source || !fs.existsSync(source)) return null;
  // An original that cannot be decoded has nothing to show; the pipeline records why.
  return derivedImage(library.cacheDir, kind, imageId, source).catch(() => null);
}

/** The image a photo is shown from: its original, or for a clip its first sampled frame. */
function displaySource(library: Library, imageId: number): string | null {
  const frame = library.db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.clipId, imageId), eq(images.mediaType, 'frame')))
    .orderBy(images.frameMs)
    .limit(1)
    .get();
  return original(library, frame?.id ?? imageId);
}

/** A clip as a browser plays it (converted once when its codec or container is not playable). */
async function video(library: Library, clipId: number): Promise<string | null> {
  const row = library.db.select({ mediaType: images.mediaType }).from(images).where(eq(images.id, clipId)).get();
  const source = row?.mediaType === 'clip' ? original(library, clipId) : null;
  if (!source || !fs.existsSync(source)) return null;
  return playableClip(library.cacheDir, clipId, source).catch(() => null);
}

/**
 * A detection's display crop: the pipeline's (cut with the display margins, antlers included), else one cut now from
 * the full-resolution original and kept (a box drawn by hand, a photo not embedded yet).
 */
async function crop(library: Library, detectionId: number): Promise<string | null> {
  const { cropPath, imageId, x, y, w, h } = detections;
  const row = library.db
    .select({ cropPath, imageId, x, y, w, h })
    .from(detections)
    .where(eq(detections.id, detectionId))
    .get();
  if (!row) return null;
  if (row.cropPath) {
    const file = path.resolve(library.root, row.cropPath);
    if (inside(library.root, file) && fs.existsSync(file)) return file;
  }
  const folder = path.join(library.cacheDir, 'crops', 'display', String(Math.floor(detectionId / 1000)));
  const file = path.join(folder, `${detectionId}.jpg`);
  if (fs.existsSync(file)) return file;
  const source = original(library, row.imageId);
  if (!source || !fs.existsSync(source)) return null;
  return writeDisplayCrop(source, row, file).catch(() => null);
}

/** The file for a media reference, or null when the id is unknown or there is nothing to show. */
export async function resolveMedia(library: Library, ref: MediaRef): Promise<MediaFile | null> {
  let file: string | null;
  switch (ref.kind) {
    case 'original':
      file = original(library, ref.id);
      break;
    case 'thumbnail':
      file = await derived(library, ref.id, 'thumbs');
      break;
    case 'preview':
      file = await derived(library, ref.id, 'previews');
      break;
    case 'crop':
      file = await crop(library, ref.id);
      break;
    case 'video':
      file = await video(library, ref.id);
      break;
  }
  if (!file || !fs.existsSync(file)) return null;
  return { file, contentType: contentType(file) };
}
