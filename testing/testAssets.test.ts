import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localServer } from './models/localServer';
import { fixturesDir, modelsDir } from './fixtures';
import { interopDir } from '../core/exports/camtrapSchemaCheck';
import { ensureTestAssets, loadManifest } from './testAssets';

const manifest = loadManifest('fixtures');
const interop = loadManifest('interop');
const requests: string[] = [];
// Plays GitHub's raw file service for the fixture and schema files, from the local copies.
const server = localServer((req, res) => {
  requests.push(req.url!);
  const find = (files: typeof manifest.files) =>
    files.find((f) => req.url === `/${f.repo}/raw/${f.commit}/${f.source}`);
  const photo = find(manifest.files);
  const schema = find(interop.files);
  if (photo) res.end(fs.readFileSync(path.join(fixturesDir(), photo.path)));
  else if (schema) res.end(fs.readFileSync(path.join(interopDir(), schema.path)));
  else res.writeHead(404).end();
});
const githubUrl = (repo: string, commit: string, file: string) => `${server.base}/${repo}/raw/${commit}/${file}`;
/** A checkout with no shared/ folder beside it. */
const bareCheckout = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-assets-')), 'checkout');

describe('ensureTestAssets', () => {
  it('lists every fixture photo with its pinned source', () => {
    expect(manifest.files).toHaveLength(94);
    for (const f of manifest.files) expect(fs.statSync(path.join(fixturesDir(), f.path)).size, f.path).toBe(f.size);
    expect(new Set(manifest.files.map((f) => f.commit)).size).toBe(2);
  });

  it('downloads nothing when the variables are set or shared/ exists', async () => {
    requests.length = 0;
    const env = { THUMPER_MODELS_DIR: '/m', THUMPER_FIXTURES_DIR: '/f', THUMPER_INTEROP_DIR: '/i' };
    expect(await ensureTestAssets({ root: bareCheckout(), env, githubUrl })).toMatchObject({
      models: '/m',
      fixtures: '/f',
      interop: '/i',
      downloaded: 0,
    });
    const root = bareCheckout();
    for (const kind of ['models', 'fixtures', 'interop'])
      fs.mkdirSync(path.join(root, '..', 'shared', kind), { recursive: true });
    const found = await ensureTestAssets({ root, env: {}, githubUrl });
    expect(found).toMatchObject({ fixtures: path.join(root, '..', 'shared', 'fixtures'), downloaded: 0 });
    expect(requests).toEqual([]);
  });

  it('fetches the fixture photos, sha256-checked, into .cache when nothing is there', async () => {
    requests.length = 0;
    const root = bareCheckout();
    const few = new Set([manifest.files[0]!.path, manifest.files.at(-1)!.path]);
    const options = {
      root,
      env: { THUMPER_MODELS_DIR: modelsDir(), THUMPER_INTEROP_DIR: interopDir() },
      githubUrl,
      filter: (f: { path: string }) => few.has(f.path),
    };
    const first = await ensureTestAssets(options);
    expect(first).toMatchObject({
      fixtures: path.join(root, '.cache', 'test-assets', 'fixtures'),
      downloaded: 2,
      warnings: [],
    });
    for (const file of few)
      expect(
        fs.readFileSync(path.join(first.fixtures, file)).equals(fs.readFileSync(path.join(fixturesDir(), file))),
      ).toBe(true);
    expect(fs.existsSync(path.join(first.fixtures, 'trailcam-deer', 'ground-truth.json'))).toBe(true);
    expect((await ensureTestAssets(options)).downloaded).toBe(0);
    expect(requests).toHaveLength(2);
  });

  it('fetches the Camtrap DP files from the tdwg tag, pinned by sha256, with the offline references beside them', async () => {
    const root = bareCheckout();
    const got = await ensureTestAssets({
      root,
      env: { THUMPER_MODELS_DIR: modelsDir(), THUMPER_FIXTURES_DIR: fixturesDir() },
      githubUrl,
    });
    expect(got.downloaded).toBe(interop.files.length);
    expect(interop.files.every((f) => f.repo === 'tdwg/camtrap-dp' && f.commit === '1.0.2')).toBe(true);
    for (const file of [
      'camtrap-dp-1.0.2/camtrap-dp-profile.json',
      'frictionless-v1/data-package.json',
      'geojson/geojson.json',
    ]) {
      expect(
        fs.readFileSync(path.join(got.interop, file)).equals(fs.readFileSync(path.join(interopDir(), file))),
        file,
      ).toBe(true);
    }
  });
});
