// `thumper models fetch <id>` and `models list`: catalog models downloaded into the user's models folder (resumable,
// sha256-checked, see download.ts) and the state of every known model there.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { findModel, type Catalog, type CatalogEntry } from './catalog';
import { downloadFile, DownloadError, sha256File, type DownloadOptions } from './download';
import type { ModelsFolder } from './folder';
import { addGemEmbedding } from './gemEmbedding';
import { catalogFor, loadUserModels } from './userModels';

/** Graph changes a catalog entry can ask for (`derivedFrom.transform`). */
const TRANSFORMS = { 'gem-embedding': addGemEmbedding } as const;

export interface FetchOptions extends Pick<
  DownloadOptions,
  'onProgress' | 'signal' | 'connectTimeoutMs' | 'idleTimeoutMs'
> {
  folder: ModelsFolder;
  /** The catalog to look the id up in (default: built-in plus the user's models). */
  catalog?: Catalog;
}

export interface FetchResult {
  entry: CatalogEntry;
  file: string;
  /** False when the right file was already there. */
  downloaded: boolean;
  resumedFrom: number;
}

export type ModelStatus = 'installed' | 'missing' | 'corrupt';

export interface ModelListing {
  entry: CatalogEntry;
  file: string;
  status: ModelStatus;
  /** Added by the user rather than from the catalog. */
  user: boolean;
}

async function status(file: string, sha256: string): Promise<ModelStatus> {
  if (!fs.existsSync(file)) return 'missing';
  return (await sha256File(file)) === sha256 ? 'installed' : 'corrupt';
}

export async function listModels(folder: ModelsFolder): Promise<ModelListing[]> {
  const userIds = new Set(loadUserModels(folder).map((m) => m.id));
  return Promise.all(
    catalogFor(folder).models.map(async (entry) => {
      const file = path.join(folder.dir, entry.file);
      return { entry, file, status: await status(file, entry.sha256), user: userIds.has(entry.id) };
    }),
  );
}

export async function fetchModel(id: string, options: FetchOptions): Promise<FetchResult> {
  const entry = findModel(id, options.catalog ?? catalogFor(options.folder));
  const file = path.join(options.folder.dir, entry.file);
  if ((await status(file, entry.sha256)) === 'installed') return { entry, file, downloaded: false, resumedFrom: 0 };
  if (!/^https?:\/\//.test(entry.source)) {
    throw new DownloadError(
      `model "${id}" was added from ${entry.source}, not downloaded: add it again with \`thumper models add\``,
    );
  }
  const download = {
    onProgress: options.onProgress,
    signal: options.signal,
    connectTimeoutMs: options.connectTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
  };
  if (entry.derivedFrom) {
    // Download the pinned original next to the target, derive, and keep the result only if it is the catalog's file.
    const source = `${file}.source`;
    const result = await downloadFile(entry.source, source, { ...download, sha256: entry.derivedFrom.sha256 });
    const derived = TRANSFORMS[entry.derivedFrom.transform](await fsp.readFile(source));
    const actual = createHash('sha256').update(derived).digest('hex');
    await fsp.rm(source, { force: true });
    if (actual !== entry.sha256) {
      throw new DownloadError(
        `deriving ${id} from ${entry.source} gave sha256 ${actual}, expected ${entry.sha256}; nothing was installed`,
      );
    }
    await fsp.writeFile(`${file}.tmp`, derived);
    await fsp.rename(`${file}.tmp`, file);
    return { entry, file, downloaded: true, resumedFrom: result.resumedFrom };
  }
  const result = await downloadFile(entry.source, file, { ...download, sha256: entry.sha256, size: entry.size });
  return { entry, file, downloaded: true, resumedFrom: result.resumedFrom };
}
