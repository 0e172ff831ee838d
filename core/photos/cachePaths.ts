// Where a photo's derived images live in the library cache, by image id alone, so any process (worker, server,
// exports) finds them without a lookup: cache/<kind>/<id / 1000>/<id>.jpg. A thousand files per folder keeps
// folders small on every file system.
import path from 'node:path';

export type CacheKind = 'thumbs' | 'previews';

export const CACHE_KINDS: readonly CacheKind[] = ['thumbs', 'previews'];

/**
 * The derived images' format, by file extension (the media route's content type follows from it). JPEG: it encodes
 * in about half the CPU time of WebP at the same PSNR and browsers decode it faster (photos/thumbnails.ts).
 */
export const DERIVED_EXT = '.jpg';

/**
 * What versions before JPEG wrote in the same folders (<id>.webp). Nothing reads them: a missing JPEG is made on
 * request, and the library's writer removes these when it opens the library (library/deadTemp.ts).
 */
export const LEGACY_DERIVED_EXT = '.webp';

export function cachePath(cacheDir: string, kind: CacheKind, imageId: number): string {
  return path.join(cacheDir, kind, String(Math.floor(imageId / 1000)), `${imageId}${DERIVED_EXT}`);
}
