// Which models a library needs (its `detector` and `embedder` settings) and whether they are in the models folder.
// Processing checks this once before any photo is touched, so a first run without models stops with one message that
// says what to get and how, instead of failing photo by photo; the app shows the same status with its download offer.
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../library/settings';
import { type CatalogEntry } from './catalog';
import type { ModelsFolder } from './folder';
import { catalogFor } from './userModels';

export type ModelRole = 'detector' | 'embedder';

export interface RoleStatus {
  role: ModelRole;
  /** The id the library's settings name. */
  id: string;
  /** 'unknown': neither the catalog nor the user's models know the id; 'wrong-kind': it is not a model of this role. */
  status: 'installed' | 'missing' | 'unknown' | 'wrong-kind';
  /** Where the file is or would be. */
  file: string | null;
  /** A catalog download exists (`thumper models fetch <id>`). */
  fetchable: boolean;
  /** What to do when it is not installed, for a person. */
  howTo: string | null;
}

export interface LibraryModelsStatus {
  folder: ModelsFolder;
  roles: RoleStatus[];
  ready: boolean;
}

export class ModelsMissingError extends Error {
  constructor(readonly status: LibraryModelsStatus) {
    super(describeMissing(status));
  }
}

function howTo(role: ModelRole, id: string, entry: CatalogEntry | undefined, folder: ModelsFolder): string {
  const choose = `choose another with \`thumper models use --library <dir> --${role} <id>\``;
  if (!entry)
    return `"${id}" is not a known ${role}: add its file with \`thumper models add <file.onnx> --id ${id}\`, or ${choose}`;
  const fetch = /^https?:\/\//.test(entry.source)
    ? `download it with \`thumper models fetch ${id}\` (or the Models view), `
    : '';
  return `${fetch}add the file with \`thumper models add <file.onnx>\`, or point --models / THUMPER_MODELS_DIR at a folder that holds ${entry.file} (now ${folder.dir}, from ${folder.from})`;
}

/** Existence only (no hashing): cheap enough for every processing run and every status call. */
export function libraryModelsStatus(
  settings: Pick<Settings, 'detector' | 'embedder'>,
  folder: ModelsFolder,
): LibraryModelsStatus {
  const catalog = catalogFor(folder);
  const roles = (['detector', 'embedder'] as const).map((role): RoleStatus => {
    const id = settings[role];
    const entry = catalog.models.find((m) => m.id === id);
    if (entry && entry.kind !== role)
      return {
        role,
        id,
        status: 'wrong-kind',
        file: null,
        fetchable: false,
        howTo: `"${id}" is an ${entry.kind}, not a ${role}`,
      };
    const file = entry ? path.join(folder.dir, entry.file) : null;
    const status = !entry ? 'unknown' : fs.existsSync(file!) ? 'installed' : 'missing';
    return {
      role,
      id,
      status,
      file,
      fetchable: !!entry && /^https?:\/\//.test(entry.source),
      howTo: status === 'installed' ? null : howTo(role, id, entry, folder),
    };
  });
  return { folder, roles, ready: roles.every((r) => r.status === 'installed') };
}

export function describeMissing(status: LibraryModelsStatus): string {
  const missing = status.roles.filter((r) => r.status !== 'installed');
  const lines = missing.map(
    (r) =>
      `the ${r.role} model "${r.id}" is ${r.status === 'missing' ? 'not installed' : r.status === 'unknown' ? 'unknown' : 'of the wrong kind'}: ${r.howTo}`,
  );
  return `Processing needs its models first; no photo was changed and they stay waiting.\n  ${lines.join('\n  ')}`;
}

/** Throws one ModelsMissingError naming every role that is not ready. */
export function requireLibraryModels(
  settings: Pick<Settings, 'detector' | 'embedder'>,
  folder: ModelsFolder,
  roles: readonly ModelRole[] = ['detector', 'embedder'],
): void {
  const status = libraryModelsStatus(settings, folder);
  const needed = { ...status, roles: status.roles.filter((r) => roles.includes(r.role)) };
  if (needed.roles.some((r) => r.status !== 'installed')) throw new ModelsMissingError(needed);
}
