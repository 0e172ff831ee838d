// A library is a folder: thumper.db, photos/, cache/ (thumbnails, previews, crops) and tmp/ (partial copies, one
// folder per run so that no run ever touches another's files).
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../db/open';
import { describeDiskError, LibraryWriteError } from './diskErrors';

export const DB_FILE = 'thumper.db';

export interface Library {
  root: string;
  db: Db;
  photosDir: string;
  cacheDir: string;
  /** This run's own temp folder (tmp/<pid>-<run>): made on first use, removed at close. */
  tmpDir: string;
  close(): void;
}

export class LibraryError extends Error {}

export interface OpenLibraryOptions {
  /**
   * Create the database when there is none: only on the user's word (--create, the app's New Library), never
   * implicitly, so a typo in a path or a library whose thumper.db was lost is said, not replaced by an empty one.
   */
  create?: boolean;
}

export function openLibrary(dir: string, options: OpenLibraryOptions = {}): Library {
  const root = path.resolve(dir);
  const dbFile = path.join(root, DB_FILE);
  if (!fs.existsSync(dbFile)) {
    if (!options.create) throw new LibraryError(missingLibraryMessage(root));
    fs.mkdirSync(root, { recursive: true });
  }
  assertWritable(root);
  const library = {
    root,
    db: openDatabase(dbFile),
    photosDir: path.join(root, 'photos'),
    cacheDir: path.join(root, 'cache'),
    tmpDir: path.join(root, 'tmp', `${process.pid}-${Math.random().toString(36).slice(2, 10)}`),
    close: () => {
      closeDatabase(library.db);
      fs.rmSync(library.tmpDir, { recursive: true, force: true });
    },
  };
  for (const d of [library.photosDir, library.cacheDir, path.dirname(library.tmpDir)])
    fs.mkdirSync(d, { recursive: true });
  return library;
}

/** Says what is there: nothing, a folder that is not a library, or a library whose database is gone. */
function missingLibraryMessage(root: string): string {
  if (!fs.existsSync(root)) return `${root} does not exist; to make a new library there, add --create`;
  if (fs.existsSync(path.join(root, 'photos'))) {
    return `${root} has a photos/ folder but no ${DB_FILE}: its database is missing (moved or deleted?). Restore ${DB_FILE} from a backup; --create would start an empty library beside these photos`;
  }
  return `${root} is not a Thumper library (no ${DB_FILE} there); to make a new library there, add --create`;
}

/** A read-only or full disk is reported in words before SQLite fails with "unable to open database file". */
function assertWritable(root: string): void {
  const probe = path.join(root, `.write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (err) {
    throw new LibraryWriteError(describeDiskError(err as NodeJS.ErrnoException, root));
  }
}

/** Absolute path of a stored photo: library-relative unless it was imported in place. */
export function photoAbsolutePath(
  library: Pick<Library, 'root'>,
  image: { path: string | null; inPlace: boolean },
): string | null {
  if (image.path === null) return null;
  return image.inPlace ? image.path : path.join(library.root, image.path);
}
