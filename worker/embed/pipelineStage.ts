// The crop+embed stage in the pipeline (worker/pipeline/processImages.ts createStages): it reuses the pixels the
// detector decoded, and its vectors are written in the transaction that stores the photo's boxes, which moves the
// photo to 'embedded'.
import { getSetting } from '../../core/library/settings';
import { findEmbedder } from '../../core/models/catalog';
import { modelFilePath } from '../../core/models/folder';
import type { PhotoStage, StageContext } from '../pipeline/stages';
import { Embedder } from './embedder';
import { embedBoxes, embeddable, storeEmbeddings } from './embedStage';

export async function embedStage(ctx: StageContext): Promise<PhotoStage> {
  const entry = findEmbedder(getSetting(ctx.library.db, 'embedder'));
  const embedder = await Embedder.load(entry, modelFilePath(entry, ctx.models), { provider: ctx.provider, threads: ctx.threads });
  return {
    name: 'embed',
    progress: 'embed',
    async run(photo) {
      const boxes = photo.detections.flatMap((d, index) => (embeddable(d) ? [{ x: d.x, y: d.y, w: d.w, h: d.h, index }] : []));
      const embedded = boxes.length === 0 ? [] : await embedBoxes(ctx.library.root, embedder, photo.image.id, photo.decoded, boxes);
      return {
        state: 'embedded',
        write: (db, detectionIds) =>
          storeEmbeddings(db, embedder, photo.image.id, embedded.map((e) => ({ detectionId: detectionIds[e.index]!, vector: e.vector, cropPath: e.cropPath }))),
      };
    },
    close: () => embedder.release(),
  };
}
