// Finds the photos on a card or in folders. Hidden and system files are skipped; videos are listed, not dropped.
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

/** Walks the given files and folders; results are sorted so every run sees the same order. */
export async function scanSources(sources: readonly string[]): Promise<ScanResult> {
  const result: ScanResult = { photos: [], videos: [], otherFiles: 0, unreadable: [] };
  const seen = new Set<string>();

  const addFile = (file: string, bytes: number) => {
    if (seen.has(file)) return;
    seen.add(file);
    const kind = classify(file);
    if (kind === 'photo') result.photos.push({ path: file, bytes });
    else if (kind === 'video') result.videos.push({ path: file, bytes });
    else result.otherFiles++;
  };

  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      result.unreadable.push({ path: dir, reason: (err as Error).message });
      return;
    }
    for (const entry of entries) {
      if (isHiddenOrSystem(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const stat = await fs.stat(full).catch(() => null);
        if (stat) addFile(full, stat.size);
      }
    }
  };

  for (const source of sources) {
    const abs = path.resolve(source);
    const stat = await fs.stat(abs).catch((err: Error) => err);
    if (stat instanceof Error) result.unreadable.push({ path: abs, reason: stat.message });
    else if (stat.isDirectory()) await walk(abs);
    else addFile(abs, stat.size);
  }
  result.photos.sort(byPath);
  result.videos.sort(byPath);
  return result;
}
