// The crop+embed stage: for each photo whose boxes are detected, crop every usable animal box from the decoded
// photo, embed the crops in batches, store the vectors (sqlite-vec, per embedder) and the crop thumbnails, and move
// the photo from 'detected' to 'embedded' in the same transaction. Persons and vehicles are not re-identified.
import path from 'node:path';
import { inTransaction, type Db } from '../../core/db/open';
import { photoAbsolutePath, type Library } from '../../core/library/library';
import { ensureVectorTables, putDetectionEmbeddings } from '../../core/reid/vectorIndex';
import { cropRelativePath, decodeRgb, prepareCrop, type DecodedRgb } from './crops';
import type { Embedder } from './embedder';

export interface EmbedTarget {
  id: number;
  sha256: string;
  path: string | null;
  inPlace: boolean;
}

export interface DetectionBox {
  id: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EmbeddedDetection {
  detectionId: number;
  vector: Float32Array;
  cropPath: string;
}

/** Detections of a photo that get an embedding: animal boxes that are neither duplicates nor marked false. */
export function boxesToEmbed(db: Db, imageId: number): DetectionBox[] {
  return db.$client
    .prepare(
      `SELECT id, x, y, w, h FROM detections
       WHERE image_id = ? AND category = 'animal' AND NOT duplicate AND NOT false_positive ORDER BY id`,
    )
    .all(imageId) as DetectionBox[];
}

/** Crops, thumbnails and vectors for one decoded photo (no database writes). */
export async function embedDetections(
  library: Pick<Library, 'root'>,
  embedder: Embedder,
  image: Pick<EmbedTarget, 'sha256'>,
  decoded: DecodedRgb,
  boxes: DetectionBox[],
): Promise<EmbeddedDetection[]> {
  const cropPaths = boxes.map((b) => cropRelativePath(image.sha256, b.id));
  const crops = await Promise.all(boxes.map((b, i) => prepareCrop(decoded, b, embedder.entry.input, path.join(library.root, cropPaths[i]!))));
  const vectors = await embedder.embed(crops);
  return boxes.map((b, i) => ({ detectionId: b.id, vector: vectors[i]!, cropPath: cropPaths[i]! }));
}

/** Stores one photo's vectors and crop paths and advances it to 'embedded', atomically. */
export function writeEmbeddings(db: Db, embedder: Pick<Embedder, 'id' | 'dimensions'>, imageId: number, results: EmbeddedDetection[]): void {
  inTransaction(db, () => {
    ensureVectorTables(db, embedder.id, embedder.dimensions);
    putDetectionEmbeddings(db, embedder.id, results);
    const setCrop = db.$client.prepare('UPDATE detections SET crop_path = ? WHERE id = ?');
    for (const r of results) setCrop.run(r.cropPath, r.detectionId);
    db.$client.prepare(`UPDATE images SET embedder = ?, state = 'embedded', error = NULL WHERE id = ?`).run(embedder.id, imageId);
  });
}

export interface EmbedSummary {
  images: number;
  detections: number;
  failed: number;
}

/**
 * Embeds every photo waiting in 'detected', decoding each from disk. The pipeline calls embedDetections with the
 * image it already decoded for detection; this entry point serves resumption and re-embedding on its own.
 */
export async function embedPending(library: Library, embedder: Embedder, onImage?: (imageId: number) => void): Promise<EmbedSummary> {
  const { db } = library;
  const pending = db.$client
    .prepare(`SELECT id, sha256, path, in_place AS inPlace FROM images WHERE state = 'detected' AND sha256 IS NOT NULL ORDER BY id`)
    .all() as EmbedTarget[];
  const summary: EmbedSummary = { images: 0, detections: 0, failed: 0 };
  for (const image of pending) {
    try {
      const boxes = boxesToEmbed(db, image.id);
      const file = photoAbsolutePath(library, { path: image.path, inPlace: !!image.inPlace });
      if (boxes.length > 0 && file === null) throw new Error('the photo file is not in the library');
      const results = boxes.length === 0 ? [] : await embedDetections(library, embedder, image, await decodeRgb(file!), boxes);
      writeEmbeddings(db, embedder, image.id, results);
      summary.images++;
      summary.detections += results.length;
    } catch (err) {
      summary.failed++;
      db.$client
        .prepare(`UPDATE images SET state = 'failed', error = ?, attempts = attempts + 1 WHERE id = ?`)
        .run(`embedding failed: ${(err as Error).message}`, image.id);
    }
    onImage?.(image.id);
  }
  return summary;
}
