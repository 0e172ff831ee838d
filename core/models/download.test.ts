import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { downloadFile, DownloadError, partFile, type DownloadProgress } from './download';
import { localServer } from '../../testing/models/localServer';

const body = randomBytes(256 * 1024 + 123);
const sha = createHash('sha256').update(body).digest('hex');

/** What the test server does with the next requests; every request is logged with its Range header. */
const behaviour = { cutAfter: 0, corrupt: false, stall: false, ignoreRange: false, stallAfter: 0 };
const requests: (string | undefined)[] = [];

const server = localServer((req, res) => {
  requests.push(req.headers.range);
  if (req.url === '/missing') {
    res.writeHead(404).end();
    return;
  }
  if (behaviour.stall) return; // accept and never answer
  const payload = behaviour.corrupt
    ? Buffer.concat([body.subarray(0, 1000), Buffer.from('x'), body.subarray(1001)])
    : body;
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const start = range && !behaviour.ignoreRange ? Number(range[1]) : 0;
  const slice = payload.subarray(start);
  res.writeHead(start > 0 ? 206 : 200, {
    'content-length': slice.length,
    ...(start > 0 ? { 'content-range': `bytes ${start}-${payload.length - 1}/${payload.length}` } : {}),
  });
  if (behaviour.stallAfter > 0) {
    res.write(slice.subarray(0, behaviour.stallAfter)); // then nothing more, connection left open
    return;
  }
  if (behaviour.cutAfter > 0) {
    // Send part of the body, then drop the connection like a flaky network.
    res.write(slice.subarray(0, behaviour.cutAfter), () => setTimeout(() => res.destroy(), 20));
    return;
  }
  res.end(slice);
});

let dir = '';
beforeEach(() => {
  Object.assign(behaviour, { cutAfter: 0, corrupt: false, stall: false, ignoreRange: false, stallAfter: 0 });
  requests.length = 0;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-dl-'));
});

describe('downloadFile', () => {
  it('downloads, reports progress and checks the hash', async () => {
    const dest = path.join(dir, 'sub', 'model.onnx');
    const seen: DownloadProgress[] = [];
    const result = await downloadFile(`${server.base}/model.onnx`, dest, {
      sha256: sha,
      onProgress: (p) => seen.push(p),
    });
    expect(result).toEqual({ file: dest, bytes: body.length, resumedFrom: 0 });
    expect(fs.readFileSync(dest).equals(body)).toBe(true);
    expect(fs.existsSync(partFile(dest))).toBe(false);
    expect(seen.at(-1)).toMatchObject({ received: body.length, total: body.length });
    expect(requests).toEqual([undefined]);
  });

  it('resumes an interrupted download with a Range request', async () => {
    const dest = path.join(dir, 'model.onnx');
    behaviour.cutAfter = 100_000;
    await expect(downloadFile(`${server.base}/model.onnx`, dest, { sha256: sha })).rejects.toThrow(
      /next attempt resumes/,
    );
    const kept = fs.statSync(partFile(dest)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(body.length);
    expect(fs.existsSync(dest)).toBe(false);

    behaviour.cutAfter = 0;
    const seen: DownloadProgress[] = [];
    const result = await downloadFile(`${server.base}/model.onnx`, dest, {
      sha256: sha,
      onProgress: (p) => seen.push(p),
    });
    expect(result.resumedFrom).toBe(kept);
    expect(requests.at(-1)).toBe(`bytes=${kept}-`);
    expect(seen[0]).toMatchObject({ received: kept, resumedFrom: kept, total: body.length });
    expect(fs.readFileSync(dest).equals(body)).toBe(true);
  });

  it('starts over when the server ignores the Range request', async () => {
    const dest = path.join(dir, 'model.onnx');
    fs.writeFileSync(partFile(dest), body.subarray(0, 5000));
    behaviour.ignoreRange = true;
    const result = await downloadFile(`${server.base}/model.onnx`, dest, { sha256: sha });
    expect(result.resumedFrom).toBe(0);
    expect(fs.readFileSync(dest).equals(body)).toBe(true);
  });

  it('rejects and deletes a corrupted download', async () => {
    const dest = path.join(dir, 'model.onnx');
    behaviour.corrupt = true;
    await expect(downloadFile(`${server.base}/model.onnx`, dest, { sha256: sha })).rejects.toThrow(
      /corrupt.*sha256.*deleted/,
    );
    expect(fs.existsSync(dest)).toBe(false);
    expect(fs.existsSync(partFile(dest))).toBe(false);
  });

  it('says which HTTP status the server gave', async () => {
    await expect(downloadFile(`${server.base}/missing`, path.join(dir, 'm'), { sha256: sha })).rejects.toThrow(
      /HTTP 404/,
    );
  });

  it('fails fast with a clear message when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await downloadFile(`http://127.0.0.1:${port}/x`, path.join(dir, 'x'), { sha256: sha }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as Error).message).toMatch(
      /could not download from 127\.0\.0\.1:\d+ \(ECONNREFUSED\): check the network/,
    );
  });

  it('times out instead of hanging when the server never answers', async () => {
    behaviour.stall = true;
    const started = Date.now();
    await expect(
      downloadFile(`${server.base}/model.onnx`, path.join(dir, 'm'), { sha256: sha, connectTimeoutMs: 300 }),
    ).rejects.toThrow(/did not answer in time/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives up on a server that stops sending mid-file, keeping what arrived', async () => {
    behaviour.stallAfter = 50_000;
    const dest = path.join(dir, 'm');
    await expect(downloadFile(`${server.base}/model.onnx`, dest, { sha256: sha, idleTimeoutMs: 300 })).rejects.toThrow(
      /did not send data in time.*bytes kept, the next attempt resumes/,
    );
    expect(fs.statSync(partFile(dest)).size).toBeGreaterThan(0);
  });

  it('stops when cancelled, keeping what arrived', async () => {
    behaviour.stallAfter = 50_000;
    const controller = new AbortController();
    const pending = downloadFile(`${server.base}/model.onnx`, path.join(dir, 'm'), {
      sha256: sha,
      signal: controller.signal,
      onProgress: (p) => p.received > 0 && controller.abort(),
    });
    await expect(pending).rejects.toThrow(/download cancelled; \d+ bytes kept/);
  });
});
