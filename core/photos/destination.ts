// Where a copied photo lives in the library: photos/<camera>/<YYYY-MM-DD>/<original name>. When that name is taken
// by different bytes (counters reset on every card), a short hash is added; when it holds the same bytes (a copy
// made by an interrupted run), it is reused.
import fs from 'node:fs/promises';
import path from 'node:path';
import { folderName } from './camera';

const MAX_NAME_BYTES = 200; // well under the 255-byte limit of common file systems, leaving room for suffixes

export function shortenFileName(fileName: string): string {
  if (Buffer.byteLength(fileName) <= MAX_NAME_BYTES) return fileName;
  const ext = path.extname(fileName).slice(0, 10);
  let stem = fileName.slice(0, fileName.length - ext.length);
  while (Buffer.byteLength(stem + ext) > MAX_NAME_BYTES) stem = [...stem].slice(0, -1).join('');
  return stem + ext;
}

export function photoFolder(cameraName: string, takenAt: string | null): string {
  return path.join('photos', folderName(cameraName), takenAt ? takenAt.slice(0, 10) : 'unknown-date');
}

function candidateNames(fileName: string, sha256: string): string[] {
  const name = shortenFileName(fileName);
  const ext = path.extname(name);
  return [name, `${name.slice(0, name.length - ext.length)}_${sha256.slice(0, 12)}${ext}`];
}

/**
 * Picks the library-relative destination. `sameContent(existing)` decides whether a file already there holds these
 * bytes, so that a photo copied just before a crash is adopted rather than copied twice.
 */
export async function chooseDestination(
  libraryRoot: string,
  folder: string,
  fileName: string,
  sha256: string,
  sameContent: (absPath: string) => Promise<boolean>,
): Promise<{ relPath: string; exists: boolean }> {
  for (const name of candidateNames(fileName, sha256)) {
    const relPath = path.join(folder, name);
    const abs = path.join(libraryRoot, relPath);
    const exists = await fs
      .stat(abs)
      .then(() => true)
      .catch(() => false);
    if (!exists) return { relPath, exists: false };
    if (await sameContent(abs)) return { relPath, exists: true };
  }
  throw new Error(`no free file name for ${fileName} in ${folder}`);
}
