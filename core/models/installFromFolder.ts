// "Use a models folder…": an offline user brings the model files on a stick or from another computer. Every catalog
// model found in that folder (at its catalog path or by its file name) whose sha256 matches is copied into the models
// folder in use; a file with the right name but other bytes is named with the reason, never installed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadCatalog, type Catalog } from './catalog';
import { sha256File } from './download';
import type { ModelsFolder } from './folder';

export interface FolderInstall {
  installed: string[];
  alreadyInstalled: string[];
  /** Files named like a catalog model whose bytes differ (another version, a damaged copy). */
  refused: { file: string; reason: string }[];
}

const exists = (file: string) =>
  fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

export async function installFromFolder(
  source: string,
  folder: ModelsFolder,
  catalog: Catalog = loadCatalog(),
): Promise<FolderInstall> {
  const stat = await fs.stat(source).catch(() => null);
  if (!stat?.isDirectory()) throw new Error(`${source} is not a folder on this computer`);
  const result: FolderInstall = { installed: [], alreadyInstalled: [], refused: [] };
  for (const entry of catalog.models) {
    const dest = path.join(folder.dir, entry.file);
    const candidates = [path.join(source, entry.file), path.join(source, path.basename(entry.file))];
    let found: string | null = null;
    for (const c of candidates) if (!found && (await exists(c))) found = c;
    if (!found) continue;
    if ((await exists(dest)) && (await sha256File(dest)) === entry.sha256) {
      result.alreadyInstalled.push(entry.id);
      continue;
    }
    if ((await sha256File(found)) !== entry.sha256) {
      result.refused.push({ file: found, reason: `not the ${entry.name} file Thumper knows (its checksum differs)` });
      continue;
    }
    await fs.mkdir(path.dirname(dest), { recursive: true });
    // Copy to a temporary name first so a half-copied model is never taken for an installed one.
    await fs.copyFile(found, `${dest}.part`);
    await fs.rename(`${dest}.part`, dest);
    result.installed.push(entry.id);
  }
  return result;
}
