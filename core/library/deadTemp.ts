// Temp files left by processes that died (killed, disk full, power cut): tmp/<pid>-<run>/ folders of imports and
// cache/<kind>/<bucket>/<id>.<ext>.<pid>.<rand>.tmp images. Only files whose writer's pid is no longer alive go; a live
// process's files are never touched. The same walk of the cache drops the WebP thumbnails and previews that versions
// before JPEG made: nothing reads them, so the first writer of this version to open an old library removes them.
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CACHE_KINDS, LEGACY_DERIVED_EXT, type CacheKind } from '../photos/cachePaths';

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A process that exited but was not reaped yet still answers kill(pid, 0); on Linux /proc says it is a zombie. */
function isZombie(pid: number): boolean {
  try {
    const stat = fsSync.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

const deadPid = (pid: string | undefined) => pid !== undefined && Number(pid) !== process.pid && !pidAlive(Number(pid));

async function list(dir: string): Promise<import('node:fs').Dirent[]> {
  return fs.readdir(dir, { withFileTypes: true }).catch(() => []);
}

/** tmp/ entries of a dead pid: "<pid>-<run>" folders and, from older versions, "<pid>-<rand>.part" files. */
export async function removeDeadImportTemp(tmpRoot: string): Promise<number> {
  let removed = 0;
  for (const entry of await list(tmpRoot)) {
    if (!deadPid(/^(\d+)-/.exec(entry.name)?.[1])) continue;
    await fs.rm(path.join(tmpRoot, entry.name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** <id>.<ext>.<pid>.<rand>.tmp: a derived image being written (.jpg now, .webp by older versions). */
const CACHE_TEMP = /^\d+\.[a-z]+\.(\d+)\.[a-z0-9]*\.tmp$/;

const LEGACY_IMAGE = new RegExp(`^\\d+\\${LEGACY_DERIVED_EXT}$`);

const legacyImage = (kind: string, name: string) => CACHE_KINDS.includes(kind as CacheKind) && LEGACY_IMAGE.test(name);

/** cache/<kind>/<bucket>/*.<pid>.<rand>.tmp of a dead pid, and the WebP thumbnails and previews of older versions. */
export async function removeStaleCacheFiles(cacheRoot: string): Promise<number> {
  let removed = 0;
  for (const kind of await list(cacheRoot)) {
    if (!kind.isDirectory()) continue;
    for (const bucket of await list(path.join(cacheRoot, kind.name))) {
      if (!bucket.isDirectory()) continue;
      const dir = path.join(cacheRoot, kind.name, bucket.name);
      for (const file of await list(dir)) {
        if (!deadPid(CACHE_TEMP.exec(file.name)?.[1]) && !legacyImage(kind.name, file.name)) continue;
        await fs.rm(path.join(dir, file.name), { force: true });
        removed++;
      }
    }
  }
  return removed;
}

export async function removeDeadTemp(root: string): Promise<number> {
  return (await removeDeadImportTemp(path.join(root, 'tmp'))) + (await removeStaleCacheFiles(path.join(root, 'cache')));
}
