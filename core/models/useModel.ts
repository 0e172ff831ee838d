// Choosing the detector or embedder of a library (`thumper models use`, the app's models.use). Only the setting is
// recorded here: processing then treats photos made by another model as waiting (worker/pipeline/pending.ts for the
// detector, worker/embed/embedStage.ts for the embedder), so the switch runs as an ordinary resumable processing job.
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../library/settings';
import { findDetector, findEmbedder } from './catalog';
import type { ModelsFolder } from './folder';
import { libraryModelsStatus, type ModelRole, type RoleStatus } from './libraryModels';
import { catalogFor } from './userModels';

export interface ModelChoice {
  role: ModelRole;
  id: string;
  previous: string;
  changed: boolean;
  /** Whether its file is in the models folder (a missing one stops processing with the way to get it). */
  status: RoleStatus;
}

/** Throws UnknownModelError for an id the catalog and the user's models do not know as a model of this role. */
export function useModel(db: Db, folder: ModelsFolder, role: ModelRole, id: string): ModelChoice {
  const catalog = catalogFor(folder);
  if (role === 'detector') findDetector(id, catalog);
  else findEmbedder(id, catalog);
  const previous = getSetting(db, role);
  if (previous !== id) setSetting(db, role, id);
  const settings = { detector: getSetting(db, 'detector'), embedder: getSetting(db, 'embedder') };
  const status = libraryModelsStatus(settings, folder).roles.find((r) => r.role === role)!;
  return { role, id, previous, changed: previous !== id, status };
}
