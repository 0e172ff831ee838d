// Crops from an already-decoded, already-oriented RGB image: the model input (resized to the plan's size), the small
// JPEG the galleries show and its quality. The photo is never decoded again for this. The embedder's crop (box plus
// a small margin, cropPlan.ts) and the display crop (wider, reaching up for antlers, core/photos/crop.ts
// displayRegion) are cut separately: what people see can change without changing any vector.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { InputSpec } from '../../core/models/catalog';
import { displayRegion } from '../../core/photos/crop';
import { fromDecoded, type DecodedImage } from '../../core/photos/decode';
import { planCrop, type NormBox } from './cropPlan';
import { cropQuality } from './cropQuality';
import type { PreparedCrop } from './embedder';

export const THUMBNAIL_SIZE = 256;
/** Side of the small copy of the display crop its quality is measured on. */
const QUALITY_SIDE = 96;

/** A prepared model input with the display crop's quality (0-1, cropQuality.ts). */
export type QualifiedCrop = PreparedCrop & { quality: number };

/**
 * The model input for a box, the quality of its display crop and, when `thumbnailFile` is given, the display crop
 * as a JPEG (aspect kept, at most THUMBNAIL_SIZE a side).
 */
export async function prepareCrop(
  image: DecodedImage,
  box: NormBox,
  spec: InputSpec,
  thumbnailFile?: string,
): Promise<QualifiedCrop> {
  const plan = planCrop(box, image.width, image.height, spec);
  // The display crop is cut once and its thumbnail and quality copy are made from those pixels: two clones of one
  // pipeline over the whole decode cost 2.6 times the CPU for the same output (measured side by side, 69 boxes).
  const cut = await fromDecoded(image).extract(displayRegion(image, box)).raw().toBuffer({ resolveWithObject: true });
  const display = () => fromDecoded({ data: cut.data, width: cut.info.width, height: cut.info.height });
  const [rgb, small] = await Promise.all([
    fromDecoded(image).extract(plan.region).resize(plan.inputWidth, plan.inputHeight, { fit: 'fill' }).raw().toBuffer(),
    display().resize(QUALITY_SIDE, QUALITY_SIDE, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true }),
    thumbnailFile &&
      fs
        .mkdir(path.dirname(thumbnailFile), { recursive: true })
        .then(() =>
          display()
            .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
            .jpeg({ quality: 82 })
            .toFile(thumbnailFile),
        ),
  ]);
  return {
    width: plan.inputWidth,
    height: plan.inputHeight,
    rgb,
    quality: cropQuality(small.data, small.info.width, small.info.height),
  };
}

/**
 * Library-relative path of a crop thumbnail: the photo's id and the box's position among its detections, known
 * before the boxes get row ids (cache/crops/<id / 1000>/<id>-<n>.jpg, like the other cache files).
 */
export function cropRelativePath(imageId: number, boxIndex: number): string {
  return path.join('cache', 'crops', String(Math.floor(imageId / 1000)), `${imageId}-${boxIndex}.jpg`);
}
