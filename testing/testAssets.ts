// The tests need real models, photos and the Camtrap DP schemas. Here they come from THUMPER_MODELS_DIR /
// THUMPER_FIXTURES_DIR / THUMPER_INTEROP_DIR or ../shared and nothing is downloaded. On any other machine they are
// fetched once from their public sources (the catalog's pinned URLs; GitHub files at the pinned commits or tags listed
// in assets/*-manifest.json), sha256-checked by the same downloader the app uses, into .cache/test-assets/
// (git-ignored), where testing/fixtures.ts and interopDir() look when ../shared is absent.
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../core/models/catalog';
import { downloadFile, sha256File } from '../core/models/download';
import { fetchModel } from '../core/models/fetch';
import { resolveModelsFolder } from '../core/models/folder';
import { mapOrdered } from '../core/util/mapOrdered';
import { PACKAGE_ROOT } from '../core/paths';

const ASSETS = path.join(__dirname, 'assets');

interface ManifestFile {
  path: string;
  repo: string;
  /** A commit, or a release tag. */
  commit: string;
  source: string;
  sha256: string;
  size: number;
}

interface Manifest {
  copies: { path: string; from: string }[];
  files: ManifestFile[];
}

export interface TestAssetOptions {
  /** Where the checkout is (its ../shared is looked for, its .cache/ used). */
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** How a GitHub file is reached (tests point this at a local server). */
  githubUrl?: (repo: string, commit: string, file: string) => string;
  /** Only the fixture files this accepts (tests fetch a few). */
  filter?: (file: ManifestFile) => boolean;
  log?: (line: string) => void;
}

export interface TestAssets {
  models: string;
  fixtures: string;
  interop: string;
  /** Files downloaded by this call (0 when everything was there). */
  downloaded: number;
  /** Why a model could not be fetched (tests that need it then fail with the models-folder message). */
  warnings: string[];
}

export const githubRaw = (repo: string, commit: string, file: string) =>
  `https://github.com/${repo}/raw/${commit}/${file}`;

export function loadManifest(kind: 'fixtures' | 'interop'): Manifest {
  return JSON.parse(fs.readFileSync(path.join(ASSETS, `${kind}-manifest.json`), 'utf8')) as Manifest;
}

/** The folder to use for one kind of asset, and whether it must be fetched there. */
function locate(
  kind: 'models' | 'fixtures' | 'interop',
  envVar: string,
  root: string,
  env: NodeJS.ProcessEnv,
): { dir: string; fetch: boolean } {
  if (env[envVar]) return { dir: env[envVar]!, fetch: false };
  const shared = path.join(root, '..', 'shared', kind);
  if (fs.existsSync(shared)) return { dir: shared, fetch: false };
  return { dir: path.join(root, '.cache', 'test-assets', kind), fetch: true };
}

async function fetchManifest(dir: string, manifest: Manifest, options: TestAssetOptions): Promise<number> {
  const url = options.githubUrl ?? githubRaw;
  let downloaded = 0;
  const files = manifest.files.filter(options.filter ?? (() => true));
  const fetchOne = async (f: ManifestFile) => {
    const dest = path.join(dir, f.path);
    if (fs.existsSync(dest) && (await sha256File(dest)) === f.sha256) return false;
    await downloadFile(url(f.repo, f.commit, f.source), dest, { sha256: f.sha256, size: f.size });
    return true;
  };
  for await (const done of mapOrdered(files, 4, fetchOne)) {
    if ('error' in done) throw done.error;
    if (done.result) downloaded++;
  }
  for (const copy of manifest.copies) {
    fs.mkdirSync(path.dirname(path.join(dir, copy.path)), { recursive: true });
    fs.copyFileSync(path.join(ASSETS, copy.from), path.join(dir, copy.path));
  }
  return downloaded;
}

async function fetchModels(dir: string, warnings: string[]): Promise<number> {
  let downloaded = 0;
  for (const entry of loadCatalog().models) {
    try {
      if ((await fetchModel(entry.id, { folder: resolveModelsFolder(dir) })).downloaded) downloaded++;
    } catch (err) {
      warnings.push(`${entry.id}: ${(err as Error).message}`);
    }
  }
  return downloaded;
}

/** Makes sure the test models and fixture photos are somewhere, and returns where. */
export async function ensureTestAssets(options: TestAssetOptions = {}): Promise<TestAssets> {
  const root = options.root ?? PACKAGE_ROOT;
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const models = locate('models', 'THUMPER_MODELS_DIR', root, env);
  const fixtures = locate('fixtures', 'THUMPER_FIXTURES_DIR', root, env);
  const interop = locate('interop', 'THUMPER_INTEROP_DIR', root, env);
  const warnings: string[] = [];
  let downloaded = 0;
  if (fixtures.fetch) {
    log(`fetching the fixture photos into ${fixtures.dir}`);
    downloaded += await fetchManifest(fixtures.dir, loadManifest('fixtures'), options);
  }
  if (interop.fetch) {
    log(`fetching the Camtrap DP schemas into ${interop.dir}`);
    downloaded += await fetchManifest(interop.dir, loadManifest('interop'), options);
  }
  if (models.fetch) {
    log(`fetching the test models into ${models.dir}`);
    downloaded += await fetchModels(models.dir, warnings);
  }
  for (const w of warnings) log(`warning: ${w}`);
  return { models: models.dir, fixtures: fixtures.dir, interop: interop.dir, downloaded, warnings };
}
