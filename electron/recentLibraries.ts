// The libraries a person opened, most recent first, kept in the app's user-data folder.
import fs from 'node:fs';
import path from 'node:path';
import type { RecentLibrary } from '../core/contract';
import { DB_FILE } from '../core/library/library';

const MAX = 10;

interface Stored {
  path: string;
  openedAt: string;
}

function read(file: string): Stored[] {
  try {
    const list = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(list)
      ? list.filter((e): e is Stored => typeof e?.path === 'string' && typeof e?.openedAt === 'string')
      : [];
  } catch {
    return [];
  }
}

export function recentLibraries(file: string): RecentLibrary[] {
  return read(file).map((e) => ({
    ...e,
    name: path.basename(e.path),
    exists: fs.existsSync(path.join(e.path, DB_FILE)),
  }));
}

export function rememberLibrary(file: string, dir: string, now = new Date()): void {
  const resolved = path.resolve(dir);
  const list = [
    { path: resolved, openedAt: now.toISOString() },
    ...read(file).filter((e) => e.path !== resolved),
  ].slice(0, MAX);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(list, null, 2));
}

/** The library to open at start-up: the most recent one that still exists. */
export function lastLibrary(file: string): string | null {
  return recentLibraries(file).find((l) => l.exists)?.path ?? null;
}
