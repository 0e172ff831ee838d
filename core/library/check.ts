// `thumper check`: is the library whole? Every photo file present with the bytes it was imported with, nothing in
// photos/ the database does not know, no temp files of dead runs, no vectors of deleted detections, no cached images
// of photos no longer there, and SQLite's own quick_check. --repair fixes what can be fixed without losing anything:
// a missing photo is marked 'missing' and a changed one failed, each with the reason (import the card again to
// restore it); orphan photo
// files are only reported, never deleted, since they may be the only copy.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, isNotNull, isNull } from 'drizzle-orm';
import { failImage, moveImage } from '../db/images';
import { deleteOrphanVectors, orphanVectorCount, quickCheckProblems } from '../db/integrity';
import { images } from '../db/schema';
import { CACHE_KINDS, DERIVED_EXT, LEGACY_DERIVED_EXT } from '../photos/cachePaths';
import { removeDeadTemp, pidAlive } from './deadTemp';
import { photoAbsolutePath, type Library } from './library';

export type ProblemKind = 'missing' | 'changed' | 'orphan' | 'temp' | 'vector' | 'cache' | 'database';

export interface CheckProblem {
  kind: ProblemKind;
  /** The file or row concerned, in words. */
  what: string;
  detail: string;
  repaired: boolean;
}

export interface CheckReport {
  photos: number;
  problems: CheckProblem[];
  /** Problems left after --repair (all of them without it). */
  remaining: number;
}

export const CHANGED_PREFIX = 'changed:';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  try {
    return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

export async function checkLibrary(library: Library, options: { repair?: boolean } = {}): Promise<CheckReport> {
  const { db } = library;
  const repair = !!options.repair;
  const problems: CheckProblem[] = [];
  const add = (kind: ProblemKind, what: string, detail: string, repaired = false) =>
    problems.push({ kind, what, detail, repaired });

  for (const problem of quickCheckProblems(db)) add('database', 'thumper.db', problem);

  // Photos already marked missing or changed by an earlier --repair are known: not problems again.
  const photos = db
    .select({
      id: images.id,
      path: images.path,
      inPlace: images.inPlace,
      sha256: images.sha256,
      state: images.state,
      error: images.error,
    })
    .from(images)
    .where(and(isNotNull(images.path), isNotNull(images.sha256)))
    .all()
    .map((p) => ({ ...p, path: p.path!, sha256: p.sha256! }));
  for (const photo of photos) {
    const file = photoAbsolutePath(library, photo)!;
    const known = photo.state === 'missing' || photo.error?.startsWith(CHANGED_PREFIX);
    if (!fs.existsSync(file)) {
      if (known) continue;
      const reason = `the file ${file} is no longer there; import its card again to restore it`;
      if (repair) moveImage(db, photo.id, 'missing', { error: reason });
      add('missing', file, 'the file is gone', repair);
    } else if ((await sha256Of(file)) !== photo.sha256) {
      if (known) continue;
      const reason = `${CHANGED_PREFIX} the file ${file} no longer has the bytes it was imported with (damaged or edited)`;
      if (repair) failImage(db, photo.id, reason);
      add('changed', file, 'its bytes differ from those recorded at import (sha256)', repair);
    }
  }

  const stored = new Set(photos.filter((p) => !p.inPlace).map((p) => path.join(library.root, p.path)));
  const failedPaths = db
    .select({ path: images.path })
    .from(images)
    .where(and(isNotNull(images.path), isNull(images.sha256)))
    .all();
  for (const p of failedPaths) stored.add(path.join(library.root, p.path!));
  for (const file of listFiles(library.photosDir)) {
    if (!stored.has(file)) add('orphan', file, 'a file in photos/ that no photo of the library refers to (kept)');
  }

  // Temp files of runs whose process is gone (a live run's own files are left alone).
  for (const entry of fs.existsSync(path.join(library.root, 'tmp'))
    ? fs.readdirSync(path.join(library.root, 'tmp'))
    : []) {
    const pid = Number(/^(\d+)-/.exec(entry)?.[1]);
    if (pid && pid !== process.pid && !pidAlive(pid))
      add('temp', path.join('tmp', entry), 'left by a run that died', repair);
  }
  for (const file of listFiles(library.cacheDir)) {
    const m = /\.(\d+)\.[a-z0-9]*\.tmp$/.exec(file);
    if (m && !pidAlive(Number(m[1]))) add('temp', path.relative(library.root, file), 'left by a run that died', repair);
  }
  if (repair) await removeDeadTemp(library.root);

  const orphans = orphanVectorCount(db);
  if (orphans > 0) {
    if (repair) deleteOrphanVectors(db);
    add('vector', 'detection_vectors', `${orphans} vectors of detections that no longer exist`, repair);
  }

  // Cached thumbnails and previews are named by image id: one whose photo is gone is stale, and one in the format of
  // older versions (WebP) is no longer read. A repair's writer lock removed the latter already (deadTemp.ts).
  const ids = new Set(
    db
      .select({ id: images.id })
      .from(images)
      .all()
      .map((r) => r.id),
  );
  const derived = new RegExp(`^(\\d+)(\\${DERIVED_EXT}|\\${LEGACY_DERIVED_EXT})$`);
  for (const file of CACHE_KINDS.flatMap((kind) => listFiles(path.join(library.cacheDir, kind)))) {
    const m = derived.exec(path.basename(file));
    if (!m) continue;
    const legacy = m[2] === LEGACY_DERIVED_EXT;
    if (!legacy && ids.has(Number(m[1]))) continue;
    if (repair) fs.rmSync(file, { force: true });
    const detail = legacy
      ? 'a cached image in the format of older versions (WebP), no longer read; made again as JPEG when shown'
      : 'a cached image of a photo no longer in the library';
    add('cache', path.relative(library.root, file), detail, repair);
  }

  return { photos: photos.length, problems, remaining: problems.filter((p) => !p.repaired).length };
}
