// Downloads one file over HTTP(S) into place, safely: bytes go to `<dest>.part`, an interrupted download resumes from
// there with an HTTP Range request, and the file is renamed into place only after its sha256 matched. Every wait has a
// time limit (connect, then between chunks), so a dead network is an error a person can read, never a hang.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

export interface DownloadProgress {
  url: string;
  /** Bytes on disk so far, including those kept from an earlier attempt. */
  received: number;
  /** Total size when the server or the caller knows it. */
  total: number | null;
  /** Bytes kept from an earlier, interrupted attempt (0 when starting afresh). */
  resumedFrom: number;
}

export interface DownloadOptions {
  /** Expected sha256 (hex): the file is kept only when it matches. */
  sha256: string;
  /** Expected size in bytes, for progress before the server answers. */
  size?: number;
  onProgress?: (p: DownloadProgress) => void;
  /** Time allowed for the server to answer a request. */
  connectTimeoutMs?: number;
  /** Time allowed without any byte arriving once the body flows. */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface DownloadResult {
  file: string;
  bytes: number;
  resumedFrom: number;
}

/** Why a download failed, phrased for the person who asked for it. */
export class DownloadError extends Error {}

const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export const partFile = (dest: string) => `${dest}.part`;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const fileSize = (file: string) =>
  fsp.stat(file).then(
    (s) => s.size,
    () => 0,
  );

/** A network failure turned into a sentence: node's fetch hides the useful code in `cause`. */
function describeNetworkError(url: string, err: unknown, timedOut: string | null): DownloadError {
  const host = new URL(url).host;
  if (timedOut) return new DownloadError(`${host} did not ${timedOut}: the network may be down or very slow (${url})`);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as { code?: string }).code;
  const detail = code ?? cause?.message ?? (err as Error).message;
  return new DownloadError(`could not download from ${host} (${detail}): check the network connection (${url})`);
}

/**
 * Downloads `url` to `dest` and checks its sha256. Resumes a `.part` file left by an earlier attempt; deletes it
 * when the finished file does not match, so the next attempt starts clean.
 */
export async function downloadFile(url: string, dest: string, options: DownloadOptions): Promise<DownloadResult> {
  const part = partFile(dest);
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  const resumedFrom = await fileSize(part);
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  let timedOut: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number, what: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = what;
      controller.abort();
    }, ms);
  };

  try {
    arm(options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 'answer in time');
    let response: Response;
    try {
      response = await fetch(url, {
        headers: resumedFrom > 0 ? { Range: `bytes=${resumedFrom}-` } : {},
        signal: controller.signal,
        redirect: 'follow',
      });
    } catch (err) {
      if (options.signal?.aborted) throw new DownloadError('download cancelled');
      throw describeNetworkError(url, err, timedOut);
    }

    // 416: the part file already holds every byte (a crash between download and rename).
    if (response.status === 416 && resumedFrom > 0) {
      await response.body?.cancel();
      return await finish(part, dest, options.sha256, resumedFrom);
    }
    if (response.status !== 200 && response.status !== 206) {
      await response.body?.cancel();
      throw new DownloadError(`${url} answered HTTP ${response.status} ${response.statusText}`.trim());
    }
    // A server that ignores Range sends the whole file again: start over rather than append it.
    const appending = response.status === 206 && resumedFrom > 0;
    const start = appending ? resumedFrom : 0;
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? start + length : (options.size ?? null);
    const progress: DownloadProgress = { url, received: start, total, resumedFrom: start };
    options.onProgress?.({ ...progress });

    const out = fs.createWriteStream(part, { flags: appending ? 'a' : 'w' });
    const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    try {
      arm(idleMs, 'send data in time');
      for await (const chunk of Readable.fromWeb(response.body as import('node:stream/web').ReadableStream)) {
        arm(idleMs, 'send data in time');
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        progress.received += (chunk as Buffer).length;
        options.onProgress?.({ ...progress });
      }
    } catch (err) {
      if (options.signal?.aborted)
        throw new DownloadError(`download cancelled; ${progress.received} bytes kept to resume`);
      const why = describeNetworkError(url, err, timedOut);
      throw new DownloadError(`${why.message}; ${progress.received} bytes kept, the next attempt resumes from there`);
    } finally {
      clearTimeout(timer);
      await new Promise<void>((resolve) => out.end(resolve));
    }
    if (total !== null && progress.received < total) {
      throw new DownloadError(
        `the download from ${new URL(url).host} stopped at ${progress.received} of ${total} bytes; the next attempt resumes from there`,
      );
    }
    return await finish(part, dest, options.sha256, start);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function finish(part: string, dest: string, expected: string, resumedFrom: number): Promise<DownloadResult> {
  const actual = await sha256File(part);
  if (actual !== expected.toLowerCase()) {
    await fsp.rm(part, { force: true });
    throw new DownloadError(
      `the downloaded file for ${path.basename(dest)} is corrupt or not the expected one (sha256 ${actual}, expected ${expected}); it was deleted`,
    );
  }
  await fsp.rename(part, dest);
  return { file: dest, bytes: await fileSize(dest), resumedFrom };
}
