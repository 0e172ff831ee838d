// One line for a failed command. A full or failing disk says what failed, where, and how much space is free, since
// that is what the user acts on; other errors keep their own message (the first line of it).
import fs from 'node:fs';
import path from 'node:path';
import { asLibraryWriteError, LibraryWriteError } from '../core/library/diskErrors';

function freeSpace(dir: string): string | null {
  try {
    const s = fs.statfsSync(dir);
    return formatBytes(s.bavail * s.bsize);
  } catch {
    return null;
  }
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${n.toFixed(n < 10 ? 1 : 0)} ${units[u]}`;
}

export function describeFailure(err: unknown, library: string | undefined): string {
  const where = library ? path.resolve(library) : 'the library';
  const disk = asLibraryWriteError(err, where);
  let message = ((disk as Error)?.message ?? String(err)).split('\n')[0]!;
  // SQLite's and the OS's own words for a full disk, as they come back from a worker as text.
  if (/database or disk is full|ENOSPC|no space left on device/i.test(message) && !message.includes('is full ('))
    message = `the library's disk is full (${where}): ${message}`;
  // A job run in a worker reports its failure as text: a full disk is recognised by its words.
  const full =
    message.includes("the library's disk is full") ||
    (disk instanceof LibraryWriteError && message.includes('is full'));
  if (!full || !library) return message;
  const free = freeSpace(path.resolve(library));
  const resume = 'what was done is kept: free some space and run the command again to go on';
  return `${message}${free === null ? '' : `; ${free} free there`}; ${resume}`;
}
