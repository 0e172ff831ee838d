// `thumper models fetch <id>` and `models list`: catalog models downloaded into the user's models folder (resumable,
// sha256-checked, see download.ts) and the state of every known model there.
import fs from 'node:fs';
import path from 'node:path';
import { findModel, type Catalog, type CatalogEntry } from './catalog';
import { downloadFile, DownloadError, sha256File, type DownloadOptions } from './download';
import type { ModelsFolder } from './folder';
import { catalogFor, loadUserModels } from './userModels';

export interface FetchOptions extends Pick<DownloadOptions, 'onProgress' | 'signal' | 'connectTimeoutMs' | 'idleTimeoutMs'> {
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
    throw new DownloadError(`model "${id}" was added from ${entry.source}, not downloaded: add it again with \`thumper models add\``);
  }
  if (entry.derivedFrom) {
    throw new DownloadError(
      `model "${id}" is made from ${entry.source} by a graph change (${entry.derivedFrom.transform}) that Thumper cannot apply yet: ` +
        `place the file ${entry.file} (sha256 ${entry.sha256}) in ${options.folder.dir} yourself, or choose another embedder`,
    );
  }
  const result = await downloadFile(entry.source, file, {
    sha256: entry.sha256,
    size: entry.size,
    onProgress: options.onProgress,
    signal: options.signal,
    connectTimeoutMs: options.connectTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
  });
  return { entry, file, downloaded: true, resumedFrom: result.resumedFrom };
}
