// Where a photo's derived images live in the library cache, by image id alone, so any process (worker, server,
// exports) finds them without a lookup: cache/<kind>/<id / 1000>/<id>.webp. A thousand files per folder keeps
// folders small on every file system.
import path from 'node:path';

export type CacheKind = 'thumbs' | 'previews';

export function cachePath(cacheDir: string, kind: CacheKind, imageId: number): string {
  return path.join(cacheDir, kind, String(Math.floor(imageId / 1000)), `${imageId}.webp`);
}
