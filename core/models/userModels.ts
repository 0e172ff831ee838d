// Models the user added (`thumper models add`), registered in `user-models.json` in their models folder next to the
// copied files. The file is meant to be edited by hand too: its `labels` hold each class's category and sex/age.
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog, type Catalog, type CatalogEntry } from './catalog';
import type { ModelsFolder } from './folder';

export const USER_CATALOG = 'user-models.json';

export function userCatalogFile(folder: ModelsFolder): string {
  return path.join(folder.dir, USER_CATALOG);
}

export function loadUserModels(folder: ModelsFolder): CatalogEntry[] {
  const file = userCatalogFile(folder);
  if (!fs.existsSync(file)) return [];
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog).models;
  } catch (err) {
    throw new Error(`${file} could not be read (${(err as Error).message}); fix or delete it`, { cause: err });
  }
}

/** Adds or replaces (same id) one entry; written to a temporary file first so a crash never leaves half a file. */
export function saveUserModel(folder: ModelsFolder, entry: CatalogEntry): void {
  const models = [...loadUserModels(folder).filter((m) => m.id !== entry.id), entry];
  const file = userCatalogFile(folder);
  fs.mkdirSync(folder.dir, { recursive: true });
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify({ version: 1, models }, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

/** The built-in catalog plus the user's models: what findDetector/findEmbedder should search for this folder. */
export function catalogFor(folder: ModelsFolder): Catalog {
  const builtIn = loadCatalog();
  const ids = new Set(builtIn.models.map((m) => m.id));
  return { ...builtIn, models: [...builtIn.models, ...loadUserModels(folder).filter((m) => !ids.has(m.id))] };
}
