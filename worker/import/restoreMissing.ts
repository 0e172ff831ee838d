// Re-importing a card puts back a photo whose file was lost from the library (deleted by hand, found missing by
// `thumper check`): same sha256, so the same photo. Its row, boxes and individuals stay; a photo that --repair had
// marked missing goes back to be processed again.
import fs from 'node:fs/promises';
import path from 'node:path';
import { moveImage } from '../../core/db/images';
import { describeDiskError, LibraryWriteError } from '../../core/library/diskErrors';
import type { Library } from '../../core/library/library';

export interface KnownPhoto {
  id: number;
  path: string | null;
  inPlace: number;
  sourcePath: string;
}

/** Moves this run's copy (`tmp`) to the known photo's place when its file is gone; false when it is there. */
export async function restoreMissing(library: Library, known: KnownPhoto, tmp: string | null): Promise<boolean> {
  if (!tmp || known.path === null || known.inPlace) return false;
  const abs = path.join(library.root, known.path);
  if (
    await fs.stat(abs).then(
      () => true,
      () => false,
    )
  )
    return false;
  try {
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.rename(tmp, abs);
  } catch (err) {
    throw new LibraryWriteError(describeDiskError(err as NodeJS.ErrnoException, abs));
  }
  // Marked missing by `check --repair`: processed again from the start.
  moveImage(library.db, known.id, 'imported', { from: ['missing'], error: null, attempts: 0 });
  return true;
}
