// Where model files live: `--models DIR`, else THUMPER_MODELS_DIR, else the user's data folder. A missing file is
// an error that names the folder searched and how it was chosen, so a user knows what to fix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CatalogEntry } from './catalog';

export interface ModelsFolder {
  dir: string;
  /** How the folder was chosen, for error messages. */
  from: '--models' | 'THUMPER_MODELS_DIR' | 'default';
}

export class ModelNotFoundError extends Error {}

export function defaultModelsDir(): string {
  const data = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(data, 'thumper', 'models');
}

export function resolveModelsFolder(explicit?: string | null): ModelsFolder {
  if (explicit) return { dir: path.resolve(explicit), from: '--models' };
  const env = process.env.THUMPER_MODELS_DIR;
  if (env) return { dir: path.resolve(env), from: 'THUMPER_MODELS_DIR' };
  return { dir: defaultModelsDir(), from: 'default' };
}

export function modelFilePath(entry: Pick<CatalogEntry, 'id' | 'file'>, folder: ModelsFolder): string {
  const file = path.join(folder.dir, entry.file);
  if (!fs.existsSync(file)) {
    throw new ModelNotFoundError(
      `model "${entry.id}" not found: looked for ${entry.file} in ${folder.dir} (models folder from ${folder.from}; ` +
        'pass --models DIR or set THUMPER_MODELS_DIR)',
    );
  }
  return file;
}
