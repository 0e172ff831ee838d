// A detector's test run for the Models view: load the model, decode one sample photo and detect once, in the host
// process, with the same code the worker runs (worker/detect, worker/media) so the check says what processing would
// see. Nothing is written to the library: it only reads a photo row, the photo file and the model.
import fs from 'node:fs';
import { ApiError, type MethodResult, type ParsedArgs } from '../contract';
import { photoAbsolutePath, type Library } from '../library/library';
import { getSettings } from '../library/settings';
import { findDetector, UnknownModelError } from '../models/catalog';
import { ModelNotFoundError, type ModelsFolder } from '../models/folder';
import { catalogFor } from '../models/userModels';
import { loadDetector, type Detector } from '../../worker/detect/detector';
import { DEFAULT_DECODE_SIDE, decodeImage } from '../photos/decode';

interface PhotoRow {
  id: number;
  path: string | null;
  inPlace: number;
}

const COLUMNS = 'SELECT id, path, in_place AS inPlace FROM images';
// A photo the detector found an animal in shows boxes when the model works; failed photos are the last resort.
const WITH_ANIMAL = `${COLUMNS} WHERE path IS NOT NULL AND state NOT IN ('imported', 'failed') AND EXISTS (
  SELECT 1 FROM detections d WHERE d.image_id = images.id AND d.category = 'animal' AND d.false_positive = 0 AND d.duplicate = 0
) ORDER BY id LIMIT 1`;
const ANY_PHOTO = `${COLUMNS} WHERE path IS NOT NULL ORDER BY state = 'failed', id LIMIT 1`;

/** The given photo, else the first processed one with an animal, else any photo whose file was kept. */
export function samplePhoto(library: Library, photoId?: number): { id: number; file: string } {
  const sql = library.db.$client;
  const row = (
    photoId !== undefined
      ? sql.prepare(`${COLUMNS} WHERE id = ?`).get(photoId)
      : (sql.prepare(WITH_ANIMAL).get() ?? sql.prepare(ANY_PHOTO).get())
  ) as PhotoRow | undefined;
  if (!row)
    throw new ApiError(
      'not_found',
      photoId !== undefined ? `no photo ${photoId}` : 'the library has no photos to test on: import some first',
    );
  const file = photoAbsolutePath(library, { path: row.path, inPlace: row.inPlace === 1 });
  if (!file || !fs.existsSync(file))
    throw new ApiError('not_found', `photo ${row.id} has no file to test on${file ? ` (${file} is gone)` : ''}`);
  return { id: row.id, file };
}

async function load(id: string, folder: ModelsFolder): Promise<Detector> {
  try {
    return await loadDetector(findDetector(id, catalogFor(folder)), folder);
  } catch (err) {
    if (err instanceof ModelNotFoundError || err instanceof UnknownModelError)
      throw new ApiError('not_found', err.message);
    throw err;
  }
}

export async function testRunDetector(
  library: Library,
  folder: ModelsFolder,
  args: ParsedArgs<'models.testRun'>,
): Promise<MethodResult<'models.testRun'>> {
  const modelId = args.modelId ?? getSettings(library.db).detector;
  const photo = samplePhoto(library, args.photoId);
  const t0 = performance.now();
  const detector = await load(modelId, folder);
  try {
    const t1 = performance.now();
    const image = await decodeImage(photo.file, Math.max(DEFAULT_DECODE_SIDE, detector.decodeSide));
    const t2 = performance.now();
    const [boxes] = await detector.detect([image]);
    const t3 = performance.now();
    return {
      modelId,
      provider: detector.provider,
      providerNote: detector.fallbackReason,
      photoId: photo.id,
      ms: { load: Math.round(t1 - t0), decode: Math.round(t2 - t1), infer: Math.round(t3 - t2) },
      detections: boxes!.map(({ category, confidence, x, y, w, h, duplicate }) => ({
        category,
        confidence,
        x,
        y,
        w,
        h,
        duplicate,
      })),
    };
  } finally {
    await detector.close();
  }
}
