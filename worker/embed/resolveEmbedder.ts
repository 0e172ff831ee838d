// Which embedder model the library uses, looked up like the detector: the built-in catalog plus the models the user
// added to their models folder (`thumper models add`), so a user's own re-id model works in the pipeline.
import { findEmbedder, type EmbedderEntry } from '../../core/models/catalog';
import { modelFilePath, type ModelsFolder } from '../../core/models/folder';
import { catalogFor } from '../../core/models/userModels';

export function resolveEmbedder(id: string, models: ModelsFolder): { entry: EmbedderEntry; file: string } {
  const entry = findEmbedder(id, catalogFor(models));
  return { entry, file: modelFilePath(entry, models) };
}
