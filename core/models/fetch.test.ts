import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelsDir } from '../../testing/fixtures';
import { findModel, loadCatalog, type Catalog } from './catalog';
import { partFile } from './download';
import { fetchModel, listModels } from './fetch';
import { resolveModelsFolder, type ModelsFolder } from './folder';
import { localServer } from '../../testing/models/localServer';
import { reconstructMobilenetOriginal } from '../../testing/models/mobilenetOriginal';

const real = findModel('yolox_nano_416');
const bytes = fs.readFileSync(path.join(modelsDir(), real.file));
const gem = findModel('mobilenetv2_gem');
const original = Buffer.from(reconstructMobilenetOriginal(fs.readFileSync(path.join(modelsDir(), gem.file))));
const serve = { cutAfter: 0, corrupt: false };
const ranges: (string | undefined)[] = [];

// A stand-in for GitHub: serves the real model file, honours Range, and can drop the connection or flip a byte.
const server = localServer((req, res) => {
  ranges.push(req.headers.range);
  if (req.url === '/mobilenetv2-12-int8.onnx') return void res.end(original);
  const payload = serve.corrupt
    ? Buffer.concat([bytes.subarray(0, 10), Buffer.from([bytes[10]! ^ 1]), bytes.subarray(11)])
    : bytes;
  const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
  res.writeHead(start > 0 ? 206 : 200, { 'content-length': payload.length - start });
  if (serve.cutAfter > 0)
    res.write(payload.subarray(start, start + serve.cutAfter), () => setTimeout(() => res.destroy(), 20));
  else res.end(payload.subarray(start));
});

let catalog: Catalog;
let folder: ModelsFolder;

beforeAll(() => {
  const base = server.base;
  const originalSha = createHash('sha256').update(original).digest('hex');
  catalog = {
    version: 1,
    models: [
      { ...real, source: `${base}/${path.basename(real.file)}` },
      {
        ...gem,
        source: `${base}/mobilenetv2-12-int8.onnx`,
        derivedFrom: { sha256: originalSha, transform: 'gem-embedding' },
      },
    ],
  };
});
beforeEach(() => {
  Object.assign(serve, { cutAfter: 0, corrupt: false });
  ranges.length = 0;
  folder = resolveModelsFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-fetch-')));
});

describe('the catalog', () => {
  it('gives the size and sha256 of the files in the test models folder', () => {
    for (const m of loadCatalog().models) expect(fs.statSync(path.join(modelsDir(), m.file)).size, m.id).toBe(m.size);
    expect(loadCatalog().guides?.map((g) => g.id)).toEqual(['megadetector', 'ultralytics-own']);
  });
});

describe('fetchModel', () => {
  it('downloads into the models folder with progress, then finds it installed', async () => {
    let last = 0;
    const first = await fetchModel(real.id, { folder, catalog, onProgress: (p) => (last = p.received) });
    expect(first).toMatchObject({ downloaded: true, file: path.join(folder.dir, real.file) });
    expect(last).toBe(bytes.length);
    expect(fs.readFileSync(first.file).equals(bytes)).toBe(true);
    expect((await fetchModel(real.id, { folder, catalog })).downloaded).toBe(false);
    expect(ranges).toEqual([undefined]);
  });

  it('resumes an interrupted download where it stopped', async () => {
    serve.cutAfter = 1_000_000;
    await expect(fetchModel(real.id, { folder, catalog })).rejects.toThrow(/resumes/);
    // How much arrives before the connection drops depends on the network stack: anything short of the whole file.
    const kept = fs.statSync(partFile(path.join(folder.dir, real.file))).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(bytes.length);
    serve.cutAfter = 0;
    const result = await fetchModel(real.id, { folder, catalog });
    expect(result.resumedFrom).toBe(kept);
    expect(ranges.at(-1)).toBe(`bytes=${kept}-`);
    expect((await listModels(folder)).find((m) => m.entry.id === real.id)!.status).toBe('installed');
  });

  it('rejects a corrupted download and leaves nothing installed', async () => {
    serve.corrupt = true;
    await expect(fetchModel(real.id, { folder, catalog })).rejects.toThrow(/corrupt/);
    expect(fs.existsSync(path.join(folder.dir, real.file))).toBe(false);
  });

  it('derives the GeM embedder from its downloaded original, to the exact catalog file', async () => {
    const result = await fetchModel(gem.id, { folder, catalog });
    expect(result.downloaded).toBe(true);
    expect(createHash('sha256').update(fs.readFileSync(result.file)).digest('hex')).toBe(gem.sha256);
    expect(fs.existsSync(`${result.file}.source`)).toBe(false);
  });

  it('lists what is installed, missing or damaged', async () => {
    const file = path.join(folder.dir, real.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'damaged');
    const listed = new Map((await listModels(folder)).map((m) => [m.entry.id, m.status]));
    expect(listed.get('yolox_nano_416')).toBe('corrupt');
    expect(listed.get('osnet_x0_25')).toBe('missing');
  });
});
