// The crop+embed stage in the pipeline (worker/pipeline/processImages.ts createStages): it reuses the pixels the
// detector decoded (a small box is cut from a finer decode, see embedBoxes), and its vectors are written in the
// transaction that stores the photo's boxes, which moves the photo to 'embedded'. The photos in flight share one
// embedder through a queue that batches their crops (embedQueue.ts).
import { getSetting } from '../../core/library/settings';
import { decodeBand, DEFAULT_DECODE_SIDE } from '../../core/photos/decode';
import { success, type PhotoStage, type StageContext } from '../pipeline/stages';
import { Embedder } from './embedder';
import { embedBoxes, embeddable, storeEmbeddings } from './embedStage';
import { EmbedQueue } from './embedQueue';
import { resolveEmbedder } from './resolveEmbedder';

export async function embedStage(ctx: StageContext): Promise<PhotoStage> {
  const { entry, file } = resolveEmbedder(getSetting(ctx.library.db, 'embedder'), ctx.models);
  const embedder = await Embedder.load(entry, file, { provider: ctx.provider, threads: ctx.threads });
  const queue = new EmbedQueue(embedder);
  return {
    name: 'embed',
    progress: 'embed',
    async run(photo) {
      const boxes = photo.detections.flatMap((d, index) =>
        embeddable(d) ? [{ x: d.x, y: d.y, w: d.w, h: d.h, index }] : [],
      );
      const embedded =
        boxes.length === 0
          ? []
          : await embedBoxes(ctx.library.root, queue, photo.image.id, photo.decoded, boxes, (span) =>
              decodeBand(photo.bytes, DEFAULT_DECODE_SIDE, span),
            );
      // Also with no box to embed: the photo then records that this embedder has nothing to add for it.
      return success({
        state: 'embedded',
        write: (db, detectionIds) =>
          storeEmbeddings(
            db,
            embedder,
            photo.image.id,
            embedded.map((e) => ({
              detectionId: detectionIds[e.index]!,
              vector: e.vector,
              cropPath: e.cropPath,
              quality: e.quality,
            })),
          ),
      });
    },
    close: () => embedder.release(),
  };
}
