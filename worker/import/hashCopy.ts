// Copy and hash in one pass: every byte of the card is read once. The copy goes to a temporary name, is fsynced,
// and only then may it be renamed into the library.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { describeDiskError, LibraryWriteError } from '../../core/library/diskErrors';

export interface HashedFile {
  sha256: string;
  bytes: number;
  /** First bytes (format signature) and last bytes (JPEG end marker), kept from the same single read. */
  head: Buffer;
  tail: Buffer;
}

/** The source (card) failed: the photo is recorded as failed and the import goes on. */
export class SourceReadError extends Error {}

const CHUNK = 1 << 20;
const HEAD_BYTES = 64;
const TAIL_BYTES = 64 * 1024;

function describeSourceError(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return 'the file disappeared during import (card removed?)';
  if (err.code === 'EIO') return 'read error on the card (card removed or damaged?)';
  return `could not read the file: ${err.message}`;
}

function keepTail(tail: Buffer, chunk: Buffer): Buffer {
  if (chunk.length >= TAIL_BYTES) return Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES));
  const joined = Buffer.concat([tail, chunk]);
  return joined.length > TAIL_BYTES ? joined.subarray(joined.length - TAIL_BYTES) : joined;
}

/** Reads `source` once, hashing it and, when `dest` is given, writing it there (exclusive create, then fsync). */
export async function hashAndCopy(source: string, dest: string | null): Promise<HashedFile> {
  const hash = createHash('sha256');
  let input: fs.FileHandle | undefined;
  let output: fs.FileHandle | undefined;
  let head: Buffer = Buffer.alloc(0);
  let tail: Buffer = Buffer.alloc(0);
  let bytes = 0;
  try {
    try {
      input = await fs.open(source, 'r');
    } catch (err) {
      throw new SourceReadError(describeSourceError(err as NodeJS.ErrnoException));
    }
    if (dest) {
      try {
        output = await fs.open(dest, 'wx');
      } catch (err) {
        throw new LibraryWriteError(describeDiskError(err as NodeJS.ErrnoException, dest));
      }
    }
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      let n: number;
      try {
        ({ bytesRead: n } = await input.read(buffer, 0, CHUNK, null));
      } catch (err) {
        throw new SourceReadError(describeSourceError(err as NodeJS.ErrnoException));
      }
      if (n === 0) break;
      const chunk = buffer.subarray(0, n);
      hash.update(chunk);
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      tail = keepTail(tail, chunk);
      bytes += n;
      if (output) {
        try {
          await output.write(chunk);
        } catch (err) {
          throw new LibraryWriteError(describeDiskError(err as NodeJS.ErrnoException, dest!));
        }
      }
    }
    if (output) {
      try {
        await output.sync();
      } catch (err) {
        throw new LibraryWriteError(describeDiskError(err as NodeJS.ErrnoException, dest!));
      }
    }
    return { sha256: hash.digest('hex'), bytes, head, tail };
  } catch (err) {
    // Only a file this call created is removed: a dest that already existed (open 'wx' failed) is someone else's.
    if (output) {
      await output.close().catch(() => undefined);
      output = undefined;
      await fs.rm(dest!, { force: true }).catch(() => undefined);
    }
    throw err;
  } finally {
    await input?.close().catch(() => undefined);
    await output?.close().catch(() => undefined);
  }
}
