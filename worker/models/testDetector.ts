// A detector's test run ("Test on a photo" in the Models view): load the model, decode one photo and detect once,
// with the code processing runs, so the check says what processing would see. Runs in a worker of its own.
import type { DetectorTestRun } from '../../core/jobs/tasks';
import { findDetector } from '../../core/models/catalog';
import { ModelNotFoundError, type ModelsFolder } from '../../core/models/folder';
import { InvalidModelError } from '../../core/models/inspection';
import { catalogFor } from '../../core/models/userModels';
import { DEFAULT_DECODE_SIDE, decodeImage } from '../../core/photos/decode';
import { loadDetector } from '../detect/detector';

export async function testDetector(modelId: string, folder: ModelsFolder, photo: string): Promise<DetectorTestRun> {
  const t0 = performance.now();
  const entry = findDetector(modelId, catalogFor(folder));
  const detector = await loadDetector(entry, folder).catch((err: unknown) => {
    if (err instanceof ModelNotFoundError) throw err;
    // The file is there but onnxruntime refuses it (truncated, not ONNX, unsupported operator): the model's fault.
    throw new InvalidModelError(`model "${modelId}" cannot be loaded: ${(err as Error).message.split('\n')[0]}`);
  });
  try {
    const t1 = performance.now();
    const image = await decodeImage(photo, Math.max(DEFAULT_DECODE_SIDE, detector.decodeSide));
    const t2 = performance.now();
    const [boxes] = await detector.detect([image]);
    const t3 = performance.now();
    return {
      provider: detector.provider,
      providerNote: detector.fallbackReason,
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
