// The import stage: scan -> copy+hash -> check -> metadata -> place -> record, for a card or folders. Clips go the
// same way after the photos, with ffprobe's reading for the photo checks and metadata (their frames are sampled by
// the processing job).
// Crash safety comes from the order of effects: bytes go to tmp/ and are fsynced, then renamed into photos/, then
// recorded in a batched transaction. A rerun adopts a photo renamed before a crash (same bytes at the same place)
// and tmp/ is emptied at every start, so a kill at any instant leaves nothing half-done.
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { inTransaction } from '../../core/db/open';
import { cameras, images, imports, skippedFiles } from '../../core/db/schema';
import type { ImportOptionsInput } from '../../core/contract/entities';
import { JobCancelledError, type JobControl } from '../../core/jobs/control';
import type { Failure, ProgressTracker } from '../../core/jobs/progress';
import { asLibraryWriteError, describeDiskError, LibraryWriteError } from '../../core/library/diskErrors';
import type { Library } from '../../core/library/library';
import { mapOrdered } from '../../core/util/mapOrdered';
import { identifyCamera, type CameraIdentity } from '../../core/photos/camera';
import { chooseDestination, photoFolder } from '../../core/photos/destination';
import { hashAndCopy, type HashedFile } from './hashCopy';
import { restoreMissing, type KnownPhoto } from './restoreMissing';
import {
  BadPhotoError,
  checkPhotoBytes,
  confirmComplete,
  readPhotoMetadata,
  type PhotoMetadata,
} from '../../core/photos/metadata';
import { scanSources, type SourceFile } from '../../core/photos/scan';
import { readClipMetadata, type ClipMetadata } from '../../core/photos/video/clipMetadata';
import { ClipError } from '../../core/photos/video/probe';

/** The contract's import options (processing afterwards is the job's business, not this stage's). */
export interface ImportOptions extends Omit<ImportOptionsInput, 'process'> {
  /** Told when a file starts being read and when it has been read: a supervisor blames crashes on those in flight. */
  onFile?: (file: string, phase: 'start' | 'end') => void;
}

export interface ImportSummary {
  importId: number;
  scanned: number;
  imported: number;
  duplicates: number;
  failed: number;
  videos: number;
  otherFiles: number;
  bytes: number;
  elapsedMs: number;
  failures: Failure[];
  duplicateFiles: { file: string; existing: string }[];
  /** Entries never read (FIFOs, devices, folders named like photos, looping links), with the reason. */
  skipped: { file: string; reason: string }[];
}

const CONCURRENCY = 4;
const BATCH_ROWS = 100;
const BATCH_MS = 500;

type Prepared =
  | { kind: 'ok'; file: SourceFile; hashed: HashedFile; meta: PhotoMetadata | ClipMetadata; tmp: string | null }
  | {
      kind: 'bad';
      file: SourceFile;
      hashed: HashedFile;
      reason: string;
      tmp: string | null;
      meta: PhotoMetadata | ClipMetadata | null;
    }
  | { kind: 'unreadable'; file: SourceFile; reason: string };

type ImageRow = typeof images.$inferInsert;

export async function importPhotos(
  library: Library,
  options: ImportOptions,
  progress: ProgressTracker,
  control: JobControl,
): Promise<ImportSummary> {
  const started = Date.now();
  const { db } = library;
  await resetTmp(library.tmpDir);
  // A job still "running" here was killed: say so instead of leaving it in progress forever.
  db.update(imports).set({ status: 'interrupted' }).where(eq(imports.status, 'running')).run();

  const scan = await scanSources(options.sources);
  const clips = new Set(scan.videos);
  const files = [...scan.photos, ...scan.videos];
  progress.setTotal('copy', files.length);
  progress.advance('scan', 1);
  const importRow = db
    .insert(imports)
    .values({
      sources: options.sources.map((s) => path.resolve(s)),
      options: { camera: options.camera ?? null, utcOffset: options.utcOffset ?? null, inPlace: !!options.inPlace },
      status: 'running',
    })
    .returning({ id: imports.id })
    .get();

  const summary: ImportSummary = {
    importId: importRow.id,
    scanned: files.length,
    imported: 0,
    duplicates: 0,
    failed: 0,
    videos: scan.videos.length,
    otherFiles: scan.otherFiles,
    bytes: 0,
    elapsedMs: 0,
    failures: scan.unreadable.map((u) => ({ file: u.path, reason: `folder could not be read: ${u.reason}` })),
    duplicateFiles: [],
    skipped: scan.skipped.map((s) => ({ file: s.path, reason: s.reason })),
  };

  if (scan.skipped.length > 0) {
    db.insert(skippedFiles)
      .values(scan.skipped.map((s) => ({ importId: importRow.id, sourcePath: s.path, reason: s.reason })))
      .onConflictDoNothing()
      .run();
  }

  // Hot path: one lookup per file of the card, prepared once.
  const shaExists = db.$client.prepare(
    'SELECT id, path, in_place AS inPlace, source_path AS sourcePath FROM images WHERE sha256 = ?',
  );
  const cameraIds = new Map<string, number>();
  const photoCameras = new Map<string, CameraIdentity>();
  const cameraFor = (identity: CameraIdentity): number => {
    const known = cameraIds.get(identity.key);
    if (known !== undefined) return known;
    db.insert(cameras)
      .values({
        key: identity.key,
        name: identity.name,
        make: identity.make,
        model: identity.model,
        serial: identity.serial,
      })
      .onConflictDoNothing()
      .run();
    if (options.utcOffset)
      db.update(cameras).set({ utcOffset: options.utcOffset }).where(eq(cameras.key, identity.key)).run();
    const id = db.select({ id: cameras.id }).from(cameras).where(eq(cameras.key, identity.key)).get()!.id;
    cameraIds.set(identity.key, id);
    return id;
  };

  // Rows waiting for the next batched transaction, the files they placed, and the hashes they claim (duplicates
  // inside one run).
  let pending: ImageRow[] = [];
  let pendingFailedPaths: string[] = [];
  let pendingFiles: string[] = [];
  const claimed = new Map<string, string>();
  const madeDirs = new Set<string>();
  let lastFlush = Date.now();
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    const failedPaths = pendingFailedPaths;
    const files = pendingFiles;
    pending = [];
    pendingFailedPaths = [];
    pendingFiles = [];
    try {
      inTransaction(db, () => {
        // A file that failed before without a hash (card pulled) is replaced by this run's outcome.
        for (const p of failedPaths)
          db.delete(images)
            .where(and(eq(images.sourcePath, p), isNull(images.sha256)))
            .run();
        for (let i = 0; i < rows.length; i += 50)
          db.insert(images)
            .values(rows.slice(i, i + 50))
            .run();
      });
    } catch (err) {
      // Not recorded means not imported: take the copies back out so the library holds no file it does not know.
      await Promise.all(files.map((f) => fs.rm(f, { force: true })));
      throw asLibraryWriteError(err, 'database');
    }
    lastFlush = Date.now();
  };

  const prepare = async (file: SourceFile): Promise<Prepared> => {
    options.onFile?.(file.path, 'start');
    const tmp = options.inPlace
      ? null
      : path.join(library.tmpDir, `${process.pid}-${Math.random().toString(36).slice(2)}.part`);
    let hashed: HashedFile;
    try {
      hashed = await hashAndCopy(file.path, tmp);
    } catch (err) {
      if (err instanceof LibraryWriteError) throw err;
      return { kind: 'unreadable', file, reason: (err as Error).message };
    }
    const fileName = path.basename(file.path);
    const stored = tmp ?? file.path;
    if (clips.has(file)) {
      try {
        return { kind: 'ok', file, hashed, meta: await readClipMetadata(stored, fileName), tmp };
      } catch (err) {
        if (!(err instanceof ClipError)) throw err;
        // Keep a damaged clip's bytes, as a truncated JPEG's: they may be all that is left once the card is wiped.
        const keep = hashed.bytes > 0;
        if (!keep && tmp) await fs.rm(tmp, { force: true });
        return { kind: 'bad', file, hashed, reason: err.message, tmp: keep ? tmp : null, meta: null };
      }
    }
    let format: 'jpeg' | 'png';
    try {
      const check = checkPhotoBytes(hashed.bytes, hashed.head, hashed.tail);
      format = check.format;
      if (check.suspectTruncated) await confirmComplete(stored);
    } catch (err) {
      if (!(err instanceof BadPhotoError)) throw err;
      // Keep a truncated JPEG: what is there may be all that is left of it once the card is wiped.
      const keep = hashed.bytes > 0 && err.message.startsWith('truncated');
      const meta = keep ? await readPhotoMetadata(stored, 'jpeg', fileName).catch(() => null) : null;
      if (!keep && tmp) await fs.rm(tmp, { force: true });
      return { kind: 'bad', file, hashed, reason: err.message, tmp: keep ? tmp : null, meta };
    }
    try {
      const meta = await readPhotoMetadata(stored, format, fileName);
      return { kind: 'ok', file, hashed, meta, tmp };
    } catch (err) {
      if (!(err instanceof BadPhotoError)) throw err;
      if (tmp) await fs.rm(tmp, { force: true });
      return { kind: 'bad', file, hashed, reason: err.message, tmp: null, meta: null };
    }
  };

  const place = async (
    prepared: Exclude<Prepared, { kind: 'unreadable' }>,
  ): Promise<{ path: string | null; cameraId: number | null }> => {
    const { file, hashed, meta } = prepared;
    const folder = path.dirname(file.path);
    // A clip that names no camera of its own belongs to the camera of the photos beside it (photos come first).
    const untagged = clips.has(file) && !meta?.make && !meta?.model && !options.camera;
    const identity = (untagged && photoCameras.get(folder)) || identifyCamera(meta, options.camera, file.path);
    if (!clips.has(file) && meta && !photoCameras.has(folder)) photoCameras.set(folder, identity);
    const cameraId = meta || prepared.kind === 'ok' ? cameraFor(identity) : null;
    if (options.inPlace) return { path: file.path, cameraId };
    if (!prepared.tmp) return { path: null, cameraId };
    const dest = await chooseDestination(
      library.root,
      photoFolder(identity.name, meta?.time.takenAt ?? null),
      path.basename(file.path),
      hashed.sha256,
      async (abs) => {
        const stat = await fs.stat(abs);
        return stat.size === hashed.bytes && (await hashAndCopy(abs, null)).sha256 === hashed.sha256;
      },
    );
    const abs = path.join(library.root, dest.relPath);
    try {
      if (dest.exists) await fs.rm(prepared.tmp, { force: true });
      else {
        const dir = path.dirname(abs);
        if (!madeDirs.has(dir)) {
          await fs.mkdir(dir, { recursive: true });
          madeDirs.add(dir);
        }
        await fs.rename(prepared.tmp, abs);
        // Only files this run placed are taken back if their batch fails; one found already there is not ours.
        pendingFiles.push(abs);
      }
    } catch (err) {
      throw new LibraryWriteError(describeDiskError(err as NodeJS.ErrnoException, abs));
    }
    return { path: dest.relPath, cameraId };
  };

  const recordFailure = (file: SourceFile, reason: string) => {
    summary.failed++;
    const failure = { file: file.path, reason };
    summary.failures.push(failure);
    progress.fail('copy', failure);
  };

  try {
    for await (const outcome of mapOrdered(files, CONCURRENCY, prepare)) {
      if ('error' in outcome) throw outcome.error;
      const prepared = outcome.result;
      options.onFile?.(prepared.file.path, 'end');
      await control.checkpoint();
      const { file } = prepared;
      const fileName = path.basename(file.path);
      if (prepared.kind === 'unreadable') {
        pendingFailedPaths.push(file.path);
        pending.push({
          fileName,
          sourcePath: file.path,
          importId: importRow.id,
          state: 'failed',
          error: prepared.reason,
          attempts: 1,
        });
        recordFailure(file, prepared.reason);
      } else {
        const sha = prepared.hashed.sha256;
        const known = shaExists.get(sha) as KnownPhoto | undefined;
        const existing = known?.sourcePath ?? claimed.get(sha);
        // A photo of the library whose file went missing: these are its bytes, so put them back instead of calling
        // them a duplicate.
        if (known && (await restoreMissing(library, known, prepared.tmp))) {
          summary.imported++;
          progress.advance('copy', 1, file.path);
        } else if (existing !== undefined) {
          if (prepared.tmp) await fs.rm(prepared.tmp, { force: true });
          summary.duplicates++;
          summary.duplicateFiles.push({ file: file.path, existing });
          progress.advance('copy', 1, file.path);
        } else {
          const { path: storedPath, cameraId } = await place(prepared);
          const meta = prepared.meta;
          claimed.set(sha, file.path);
          pendingFailedPaths.push(file.path);
          pending.push({
            sha256: sha,
            path: storedPath,
            inPlace: !!options.inPlace,
            fileName,
            sourcePath: file.path,
            importId: importRow.id,
            cameraId,
            takenAt: meta?.time.takenAt ?? null,
            takenAtSource: meta?.time.source ?? null,
            timeNote: meta?.time.note ?? null,
            width: meta?.width ?? null,
            height: meta?.height ?? null,
            orientation: meta?.orientation ?? null,
            bytes: prepared.hashed.bytes,
            triggerEvent: meta?.reconyx?.event ?? null,
            triggerFrame: meta?.reconyx?.frame ?? null,
            triggerFrames: meta?.reconyx?.frames ?? null,
            mediaType: clips.has(file) ? 'clip' : 'photo',
            durationMs: meta?.format === 'clip' ? meta.durationMs : null,
            frameRate: meta?.format === 'clip' ? meta.frameRate : null,
            state: prepared.kind === 'ok' ? 'imported' : 'failed',
            error: prepared.kind === 'ok' ? null : prepared.reason,
            attempts: prepared.kind === 'ok' ? 0 : 1,
          });
          summary.bytes += prepared.hashed.bytes;
          if (prepared.kind === 'ok') {
            summary.imported++;
            progress.advance('copy', 1, file.path);
          } else recordFailure(file, prepared.reason);
        }
      }
      if (pending.length >= BATCH_ROWS || Date.now() - lastFlush > BATCH_MS) await flush();
    }
    await flush();
    finish(library, summary, started, 'done');
    return summary;
  } catch (err) {
    await resetTmp(library.tmpDir); // frees the space of unfinished copies before the last rows are written
    const failure = await flush().then(
      () => asLibraryWriteError(err, 'photos'),
      (flushError: unknown) => flushError,
    );
    try {
      finish(library, summary, started, err instanceof JobCancelledError ? 'cancelled' : 'failed');
    } catch {
      // The disk may be too full to record the job's end; the next import marks it interrupted.
    }
    throw failure;
  } finally {
    await resetTmp(library.tmpDir);
    progress.flush();
  }
}

function finish(library: Library, summary: ImportSummary, started: number, status: 'done' | 'cancelled' | 'failed') {
  summary.elapsedMs = Date.now() - started;
  const { failures, duplicateFiles, skipped, ...counts } = summary;
  library.db
    .update(imports)
    .set({
      status,
      finishedAt: new Date().toISOString(),
      summary: { ...counts, failures: failures.length, duplicateFiles: duplicateFiles.length, skipped: skipped.length },
    })
    .where(eq(imports.id, summary.importId))
    .run();
}

async function resetTmp(tmpDir: string): Promise<void> {
  await fs.rm(tmpDir, { recursive: true, force: true });
  await fs.mkdir(tmpDir, { recursive: true });
}
