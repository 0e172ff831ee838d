// What is on a card before importing: photos per camera with date ranges, videos, and photos the library already
// has. Reading every photo's EXIF is cheap (the header only), but a huge card is sampled to answer within seconds.
// Each file is judged by the import's own checks (checkPhotoBytes, readPhotoMetadata), so the preview and the import
// give a file the same reason, and files that are not photos are counted apart from the photos.
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { ImportPreview } from '../contract';
import type { Db } from '../db/open';
import { images } from '../db/schema';
import { mapOrdered } from '../util/mapOrdered';
import { identifyCamera } from '../photos/camera';
import { checkPhotoBytes, confirmComplete, readPhotoMetadata } from '../photos/metadata';
import { scanSources, type SourceFile } from '../photos/scan';

const MAX_READ = 3000;
const CONCURRENCY = 8;
// The bytes the import looks at to recognise a photo: the signature at the start, the JPEG end marker in the tail.
const HEAD_BYTES = 64;
const TAIL_BYTES = 64 * 1024;

interface CameraTally {
  name: string;
  photos: number;
  from: string | null;
  to: string | null;
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);

/** Why a source the user typed cannot be imported at all, in words; null when it exists and can be read. */
export async function sourceProblem(source: string): Promise<string | null> {
  try {
    await fs.access(source, fs.constants.R_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder on this computer';
    if (code === 'EACCES' || code === 'EPERM') return 'Thumper is not allowed to read it (permission denied)';
    return `cannot be read: ${(err as Error).message}`;
  }
}

/** The checks the import runs on a file before reading its metadata; throws BadPhotoError with the same reason. */
async function checkLikeImport(file: SourceFile): Promise<'jpeg' | 'png'> {
  const handle = await fs.open(file.path, 'r');
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, file.bytes));
    await handle.read(head, 0, head.length, 0);
    const tailLength = Math.min(TAIL_BYTES, file.bytes);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, file.bytes - tailLength);
    const check = checkPhotoBytes(file.bytes, head, tail);
    if (check.suspectTruncated) await confirmComplete(file.path);
    return check.format;
  } finally {
    await handle.close();
  }
}

/** Prepared reads of a photo the library already holds: by its time, name and size, or (no time) by where it came from. */
function knownPhotoReads(db: Db) {
  const found = (where: SQL | undefined) => db.select({ id: images.id }).from(images).where(where).limit(1).prepare();
  const bytes = eq(images.bytes, sql.placeholder('bytes'));
  return {
    byTime: found(
      and(eq(images.takenAt, sql.placeholder('takenAt')), eq(images.fileName, sql.placeholder('fileName')), bytes),
    ),
    bySource: found(and(eq(images.sourcePath, sql.placeholder('sourcePath')), bytes, isNotNull(images.sha256))),
  };
}

export async function previewImport(db: Db, sources: string[], camera?: string): Promise<ImportPreview> {
  const problems = await Promise.all(
    sources.map(async (s) => ({ file: path.resolve(s), reason: await sourceProblem(s) })),
  );
  const scan = await scanSources(sources.filter((_, i) => problems[i]!.reason === null));
  const step = Math.max(1, Math.ceil(scan.photos.length / MAX_READ));
  const sample = scan.photos.filter((_, i) => i % step === 0);
  const known = knownPhotoReads(db);
  const cameras = new Map<string, CameraTally>();
  const unreadable = [
    ...problems.flatMap((p) => (p.reason === null ? [] : [{ file: p.file, reason: p.reason }])),
    ...scan.unreadable.map((u) => ({ file: u.path, reason: `folder could not be read: ${u.reason}` })),
  ];
  let notPhotos = 0;
  const refused = new Set<string>();
  let unknownTime = 0;
  let already = 0;
  const read = async (file: SourceFile) =>
    readPhotoMetadata(file.path, await checkLikeImport(file), path.basename(file.path));
  for await (const outcome of mapOrdered(sample, CONCURRENCY, read)) {
    const file = outcome.item;
    if ('error' in outcome) {
      unreadable.push({ file: file.path, reason: (outcome.error as Error).message });
      notPhotos += step;
      refused.add(file.path);
      continue;
    }
    const meta = outcome.result;
    const identity = identifyCamera(meta, camera, file.path);
    const tally = cameras.get(identity.key) ?? { name: identity.name, photos: 0, from: null, to: null };
    const takenAt = meta.time.takenAt;
    tally.photos += step;
    tally.from = earlier(tally.from, takenAt);
    tally.to = later(tally.to, takenAt);
    cameras.set(identity.key, tally);
    if (takenAt === null) unknownTime += step;
    const seen =
      takenAt !== null
        ? known.byTime.get({ takenAt, fileName: path.basename(file.path), bytes: file.bytes })
        : known.bySource.get({ sourcePath: file.path, bytes: file.bytes });
    if (seen) already += step;
  }
  const list = [...cameras.values()].sort((a, b) => b.photos - a.photos);
  // Files named like photos that the import would refuse are not photos: the cameras' counts add up to this.
  const photos = Math.max(0, scan.photos.length - notPhotos);
  return {
    sources: sources.map((s) => path.resolve(s)),
    photos,
    bytes: scan.photos.filter((f) => !refused.has(f.path)).reduce((sum, f) => sum + f.bytes, 0),
    // Sampled tallies are scaled up; keep them within the real count.
    cameras: list.map((c) => ({ ...c, photos: Math.min(c.photos, photos) })),
    from: list.reduce<string | null>((m, c) => earlier(m, c.from), null),
    to: list.reduce<string | null>((m, c) => later(m, c.to), null),
    unknownTime: Math.min(unknownTime, photos),
    videos: scan.videos.length,
    otherFiles: scan.otherFiles,
    alreadyInLibrary: Math.min(already, photos),
    unreadable,
    sampled: step > 1,
  };
}
