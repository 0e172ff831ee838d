// "SD card inserted" hint, best effort: polls the places where operating systems mount removable volumes and reports
// a new one that holds a DCIM folder (every camera writes one). No native module, no elevated permission.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface CardVolume {
  path: string;
  label: string | null;
}

/** Folders whose children are mounted volumes, per platform. */
export function mountRoots(
  platform: NodeJS.Platform = process.platform,
  user: string = os.userInfo().username,
): string[] {
  if (platform === 'darwin') return ['/Volumes'];
  if (platform === 'win32') return [];
  return [path.join('/media', user), path.join('/run/media', user), '/media', '/mnt'];
}

function hasDcim(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((n) => n.toUpperCase() === 'DCIM' && fs.statSync(path.join(dir, n)).isDirectory());
  } catch {
    return false;
  }
}

/** Volumes that look like camera cards now. On Windows the drive letters D: to Z: are the candidates. */
export function findCardVolumes(roots: string[], platform: NodeJS.Platform = process.platform): CardVolume[] {
  const candidates =
    platform === 'win32'
      ? 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:\\`)
      : roots.flatMap((root) => {
          try {
            return fs.readdirSync(root).map((n) => path.join(root, n));
          } catch {
            return [];
          }
        });
  return candidates.filter(hasDcim).map((p) => ({ path: p, label: path.basename(p) || null }));
}

/** Calls `onCard` for each card volume that appears after the watch started; returns the stop function. */
export function watchCardVolumes(
  onCard: (volume: CardVolume) => void,
  intervalMs = 3000,
  roots = mountRoots(),
): () => void {
  let known = new Set(findCardVolumes(roots).map((v) => v.path));
  const timer = setInterval(() => {
    const now = findCardVolumes(roots);
    for (const v of now) if (!known.has(v.path)) onCard(v);
    known = new Set(now.map((v) => v.path));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
