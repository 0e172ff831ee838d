// A detector's test run for the Models view: the host picks the sample photo and checks the model is known and
// installed; a worker task of its own (worker/models/testDetector.ts) loads the model, decodes the photo and detects
// once with the code processing runs, so the check says what processing would see, and a model that crashes
// onnxruntime takes only that worker down. Nothing is written to the library: it only reads a photo row, the photo
// file and the model.
import fs from 'node:fs';
import { and, eq, exists, inArray, isNotNull, not, sql } from 'drizzle-orm';
import { ApiError, type MethodResult, type ParsedArgs } from '../contract';
import { PROCESSED_IMAGE_STATES } from '../db/imageStates';
import type { Db } from '../db/open';
import { detections, images } from '../db/schema';
import { WorkerTaskError, type RunTask } from '../jobs/tasks';
import { photoAbsolutePath, type Library } from '../library/library';
import { getSettings } from '../library/settings';
import { findDetector, UnknownModelError } from '../models/catalog';
import { ModelNotFoundError, modelFilePath, type ModelsFolder } from '../models/folder';
import { catalogFor } from '../models/userModels';

const columns = { id: images.id, path: images.path, inPlace: images.inPlace };
const kept = isNotNull(images.path);

/** A photo the detector found an animal in shows boxes when the model works; failed photos are the last resort. */
function firstPhoto(db: Db) {
  const animal = db
    .select({ one: sql`1` })
    .from(detections)
    .where(
      and(
        eq(detections.imageId, images.id),
        eq(detections.category, 'animal'),
        not(detections.falsePositive),
        not(detections.duplicate),
      ),
    );
  const withAnimal = db
    .select(columns)
    .from(images)
    .where(and(kept, inArray(images.state, PROCESSED_IMAGE_STATES), exists(animal)))
    .orderBy(images.id)
    .limit(1)
    .get();
  return (
    withAnimal ??
    db.select(columns).from(images).where(kept).orderBy(eq(images.state, 'failed'), images.id).limit(1).get()
  );
}

/** The given photo, else the first processed one with an animal, else any photo whose file was kept. */
export function samplePhoto(library: Library, photoId?: number): { id: number; file: string } {
  const { db } = library;
  const row =
    photoId !== undefined ? db.select(columns).from(images).where(eq(images.id, photoId)).get() : firstPhoto(db);
  if (!row)
    throw new ApiError(
      'not_found',
      photoId !== undefined ? `no photo ${photoId}` : 'the library has no photos to test on: import some first',
    );
  const file = photoAbsolutePath(library, row);
  if (!file || !fs.existsSync(file))
    throw new ApiError('not_found', `photo ${row.id} has no file to test on${file ? ` (${file} is gone)` : ''}`);
  return { id: row.id, file };
}

/** The model as the catalog and the folder have it, checked here so a wrong id needs no worker. */
function requireInstalled(id: string, folder: ModelsFolder): void {
  try {
    modelFilePath(findDetector(id, catalogFor(folder)), folder);
  } catch (err) {
    if (err instanceof ModelNotFoundError || err instanceof UnknownModelError)
      throw new ApiError('not_found', err.message);
    throw err;
  }
}

/** A failed task as the API says it: the model's own fault is the caller's argument, the rest the host's. */
function taskError(err: unknown): unknown {
  if (!(err instanceof WorkerTaskError)) return err;
  const code = err.kind === 'not_found' ? 'not_found' : err.kind === 'invalid_model' ? 'invalid_args' : 'internal';
  return new ApiError(code, err.message);
}

export async function testRunDetector(
  library: Library,
  folder: ModelsFolder,
  runTask: RunTask,
  args: ParsedArgs<'models.testRun'>,
): Promise<MethodResult<'models.testRun'>> {
  const modelId = args.modelId ?? getSettings(library.db).detector;
  const photo = samplePhoto(library, args.photoId);
  requireInstalled(modelId, folder);
  try {
    const run = await runTask({ kind: 'testDetector', modelId, folder, photo: photo.file });
    return { modelId, photoId: photo.id, ...run };
  } catch (err) {
    throw taskError(err);
  }
}
