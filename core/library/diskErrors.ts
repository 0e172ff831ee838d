// Failures of the library's own disk (full, read-only, no permission). They stop a job, since every later write
// would fail too, and they say so in words a user can act on.
export class LibraryWriteError extends Error {}

export function describeDiskError(err: NodeJS.ErrnoException, where: string): string {
  const code = err.code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return `the library's disk is full (${where})`;
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return `the library is on a read-only disk (${where})`;
  if (code === 'EACCES' || code === 'EPERM') return `no permission to write into the library (${where})`;
  return `could not write into the library (${where}): ${err.message}`;
}

const DISK_CODES = new Set([
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EACCES',
  'EPERM',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_READONLY',
]);

/** Turns a disk failure (file system or SQLite) into a LibraryWriteError; other errors pass through unchanged. */
export function asLibraryWriteError(err: unknown, where: string): unknown {
  if (err instanceof LibraryWriteError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (DISK_CODES.has(code) || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY')) {
    return new LibraryWriteError(describeDiskError(err as NodeJS.ErrnoException, where));
  }
  return err;
}
