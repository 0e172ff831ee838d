// Finds the photos on a card or in folders. Hidden and system files are skipped; videos are listed, not dropped.
import type { Dirent, Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface SourceFile {
  path: string;
  bytes: number;
}

export interface ScanResult {
  photos: SourceFile[];
  videos: SourceFile[];
  /** Files that are neither photos nor videos (camera logs, sidecars): counted so a card's contents add up. */
  otherFiles: number;
  /** Folders that could not be listed, with the reason. */
  unreadable: { path: string; reason: string }[];
  /** Entries never read, with the reason: FIFOs, sockets, devices, folders named like photos, broken or looping links. */
  skipped: { path: string; reason: string }[];
}

const PHOTO_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png']);
const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.avi', '.mts', '.m4v', '.3gp', '.mkv', '.wmv']);
// Folders operating systems and cameras create that never hold the user's photos.
const SYSTEM_DIRS = new Set(['system volume information', '$recycle.bin', '.trashes', '.spotlight-v100', '.fseventsd']);

function isHiddenOrSystem(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~') || SYSTEM_DIRS.has(name.toLowerCase()) || name === 'Thumbs.db';
}

function classify(name: string): 'photo' | 'video' | 'other' {
  const ext = path.extname(name).toLowerCase();
  if (PHOTO_EXTENSIONS.has(ext)) return 'photo';
  if (VIDEO_EXTENSIONS.has(ext)) return 'video';
  return 'other';
}

const byPath = (a: SourceFile, b: SourceFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function specialKind(stat: Stats): string | null {
  if (stat.isFIFO()) return 'a named pipe (FIFO), not a photo file';
  if (stat.isSocket()) return 'a socket, not a photo file';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'a device, not a photo file';
  return null;
}

/**
 * Walks the given files and folders; results are sorted so every run sees the same order. Only regular files are
 * listed (opening a FIFO or a device would block or never end). Symbolic links are followed; one that points back
 * into a folder being walked (a loop) or at nothing is skipped with its reason.
 */
export async function scanSources(sources: readonly string[]): Promise<ScanResult> {
  const result: ScanResult = { photos: [], videos: [], otherFiles: 0, unreadable: [], skipped: [] };
  const seen = new Set<string>();

  const addFile = (file: string, bytes: number) => {
    if (seen.has(file)) return;
    seen.add(file);
    const kind = classify(file);
    if (kind === 'photo') result.photos.push({ path: file, bytes });
    else if (kind === 'video') result.videos.push({ path: file, bytes });
    else result.otherFiles++;
  };

  /** One entry, its stat already taken (through links); `ancestors` are the real paths of the folders above it. */
  const visit = async (full: string, stat: Stats, ancestors: readonly string[]): Promise<void> => {
    if (stat.isFile()) return addFile(full, stat.size);
    if (stat.isDirectory()) {
      if (classify(full) === 'photo') return skip(full, 'a folder named like a photo, not a photo file');
      const real = await fs.realpath(full).catch(() => full);
      if (ancestors.includes(real)) return skip(full, 'a link back into a folder above it (loop), not followed');
      return walk(full, [...ancestors, real]);
    }
    skip(full, specialKind(stat) ?? 'not a regular file');
  };
  const skip = (file: string, reason: string) => {
    result.skipped.push({ path: file, reason });
  };

  const walk = async (dir: string, ancestors: readonly string[]): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      result.unreadable.push({ path: dir, reason: (err as Error).message });
      return;
    }
    for (const entry of entries) {
      if (isHiddenOrSystem(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const stat = await fs.stat(full).catch(() => null);
      if (stat) await visit(full, stat, ancestors);
      else if (entry.isSymbolicLink()) skip(full, 'a link to something that no longer exists');
    }
  };

  for (const source of sources) {
    const abs = path.resolve(source);
    const stat = await fs.stat(abs).catch((err: Error) => err);
    if (stat instanceof Error) result.unreadable.push({ path: abs, reason: stat.message });
    else await visit(abs, stat, []);
  }
  result.photos.sort(byPath);
  result.videos.sort(byPath);
  return result;
}
