// The crop+embed stage: crop every usable animal box from the decoded photo, embed the crops in batches, keep a crop
// thumbnail per box, and store the vectors (sqlite-vec, per embedder) with the photo's other results. Persons and
// vehicles are not re-identified. In the pipeline this runs on the decode the detector used (pipelineStage.ts);
// embedPending serves resumption and re-embedding on its own.
import path from 'node:path';
import { and, count, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { failImage, moveImage } from '../../core/db/images';
import { detections, images } from '../../core/db/schema';
import { inTransaction, type Db } from '../../core/db/open';
import { photoAbsolutePath, type Library } from '../../core/library/library';
import { deleteDetectionEmbeddings, ensureVectorTables, putDetectionEmbeddings } from '../../core/db/vectorIndex';
import { decodeImage, type DecodedBand, type DecodedImage } from '../../core/photos/decode';
import { cropRelativePath, cropRows, prepareCrop } from './crops';
import { planCrop, type CropPlan, type NormBox } from './cropPlan';
import type { Embedder } from './embedder';
import type { CropEmbedder } from './embedQueue';

/** A box to embed and its position among the photo's detections (names its crop file). */
export interface IndexedBox extends NormBox {
  index: number;
}

export interface EmbeddedBox {
  index: number;
  vector: Float32Array;
  cropPath: string;
  /** How well the display crop shows the animal (crops.ts), for choosing covers. */
  quality: number;
}

export interface EmbeddingRow {
  detectionId: number;
  vector: Float32Array;
  cropPath: string;
  quality: number;
}

/** Whether a box gets an embedding: an animal, neither a duplicate nor marked false. */
export const embeddable = (d: { category: string; duplicate: boolean; falsePositive?: boolean }) =>
  d.category === 'animal' && !d.duplicate && !d.falsePositive;

/**
 * Crops, crop thumbnails and vectors for one decoded photo (no database writes). A box whose crop would be enlarged
 * to the model's input in `decoded` is cut from `detail` instead: the rows of the photo decoded at DEFAULT_DECODE_SIDE
 * that hold every such box (decodeBand), made at most once per photo and only when such a box exists, so a small deer
 * keeps its detail.
 */
export async function embedBoxes(
  libraryRoot: string,
  embedder: CropEmbedder,
  imageId: number,
  decoded: DecodedImage,
  boxes: IndexedBox[],
  detail?: (span: { y0: number; y1: number }) => Promise<DecodedImage | DecodedBand>,
): Promise<EmbeddedBox[]> {
  const spec = embedder.entry.input;
  const cropPaths = boxes.map((b) => cropRelativePath(imageId, b.index));
  const small = boxes.map((b) => !!detail && tooSmall(planCrop(b, decoded.width, decoded.height, spec)));
  const spans = boxes.filter((_, i) => small[i]).map(cropRows);
  const detailed =
    detail && spans.length > 0
      ? detail({ y0: Math.min(...spans.map((s) => s.y0)), y1: Math.max(...spans.map((s) => s.y1)) })
      : null;
  const crops = await Promise.all(
    boxes.map(async (b, i) =>
      prepareCrop(small[i] ? await detailed! : decoded, b, spec, path.join(libraryRoot, cropPaths[i]!)),
    ),
  );
  const vectors = await embedder.embed(crops);
  return boxes.map((b, i) => ({
    index: b.index,
    vector: vectors[i]!,
    cropPath: cropPaths[i]!,
    quality: crops[i]!.quality,
  }));
}

/** A crop the model would see enlarged: its pixels in this decode are fewer than the model input's. */
export const tooSmall = (plan: CropPlan) =>
  plan.region.width < plan.inputWidth || plan.region.height < plan.inputHeight;

/** Stores vectors and crop paths and records the photo's embedder; the caller owns the transaction and the state. */
export function storeEmbeddings(
  db: Db,
  embedder: Pick<Embedder, 'id' | 'dimensions'>,
  imageId: number,
  rows: EmbeddingRow[],
): void {
  ensureVectorTables(db, embedder.id, embedder.dimensions);
  // Row ids of deleted boxes can come back (SQLite reuses the largest): no vector may outlive its box.
  const ids = db
    .select({ id: detections.id })
    .from(detections)
    .where(eq(detections.imageId, imageId))
    .all()
    .map((r) => r.id);
  deleteDetectionEmbeddings(db, embedder.id, ids);
  putDetectionEmbeddings(db, embedder.id, rows);
  // Hot path: one statement prepared per photo and run for each of its boxes.
  const setCrop = db.$client.prepare('UPDATE detections SET crop_path = ?, quality = ? WHERE id = ?');
  for (const r of rows) setCrop.run(r.cropPath, r.quality, r.detectionId);
  db.update(images).set({ embedder: embedder.id }).where(eq(images.id, imageId)).run();
}

export interface EmbedSummary {
  images: number;
  detections: number;
  failed: number;
}

interface StoredDetection extends IndexedBox {
  id: number;
  category: string;
  duplicate: number;
  falsePositive: number;
}

/**
 * Photos whose boxes wait for vectors of this embedder: 'detected' ones, and processed ones embedded by another
 * embedder (the library switched embedders: their boxes stay, their vectors are made again into this embedder's table).
 */
const waiting = (embedderId: string) =>
  or(
    eq(images.state, 'detected'),
    and(inArray(images.state, ['embedded', 'done']), or(isNull(images.embedder), ne(images.embedder, embedderId))),
  );

export function countEmbeddingsWaiting(db: Db, embedderId: string): number {
  return db.select({ n: count() }).from(images).where(waiting(embedderId)).get()!.n;
}

/**
 * Embeds every photo waiting (see `waiting`), decoding each from disk as the pipeline does, and moves it to 'embedded',
 * so sequence, track and match (core/reid/runReid) run again for it.
 */
export async function embedPending(
  library: Library,
  embedder: Embedder,
  hooks: { onImage?: (imageId: number) => void; checkpoint?: () => Promise<void> } = {},
): Promise<EmbedSummary> {
  const { db } = library;
  const pending = db
    .select({ id: images.id, path: images.path, inPlace: images.inPlace })
    .from(images)
    .where(waiting(embedder.id))
    .orderBy(images.id)
    .all();
  // Hot path: the boxes of each photo, one statement prepared once for the run.
  const boxesOf = db.$client.prepare(
    `SELECT id, x, y, w, h, category, duplicate, false_positive AS falsePositive, row_number() OVER (ORDER BY id) - 1 AS "index"
     FROM detections WHERE image_id = ? ORDER BY id`,
  );
  const summary: EmbedSummary = { images: 0, detections: 0, failed: 0 };
  for (const image of pending) {
    await hooks.checkpoint?.();
    try {
      const boxes = (boxesOf.all(image.id) as StoredDetection[]).filter((d) =>
        embeddable({ ...d, duplicate: !!d.duplicate, falsePositive: !!d.falsePositive }),
      );
      const file = photoAbsolutePath(library, image);
      if (boxes.length > 0 && file === null) throw new Error('the photo file is not in the library');
      const embedded =
        boxes.length === 0 ? [] : await embedBoxes(library.root, embedder, image.id, await decodeImage(file!), boxes);
      const rows = embedded.map((e, i) => ({
        detectionId: boxes[i]!.id,
        vector: e.vector,
        cropPath: e.cropPath,
        quality: e.quality,
      }));
      inTransaction(db, () => {
        storeEmbeddings(db, embedder, image.id, rows);
        moveImage(db, image.id, 'embedded');
      });
      summary.images++;
      summary.detections += rows.length;
    } catch (err) {
      summary.failed++;
      failImage(db, image.id, `embedding failed: ${(err as Error).message}`);
    }
    hooks.onImage?.(image.id);
  }
  return summary;
}
