// Crops from an already-decoded, already-oriented RGB image: the model input (resized to the plan's size) and the
// small JPEG thumbnail the galleries show. The photo is never decoded again for this.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { InputSpec } from '../../core/models/catalog';
import { fromDecoded, type DecodedImage } from '../../core/photos/decode';
import { planCrop, type NormBox } from './cropPlan';
import type { PreparedCrop } from './embedder';

export const THUMBNAIL_SIZE = 256;

/**
 * The model input for a box and, when `thumbnailFile` is given, its thumbnail (with the same context margin),
 * from one extract of the decoded pixels.
 */
export async function prepareCrop(
  image: DecodedImage,
  box: NormBox,
  spec: InputSpec,
  thumbnailFile?: string,
): Promise<PreparedCrop> {
  const plan = planCrop(box, image.width, image.height, spec);
  const region = fromDecoded(image).extract(plan.region);
  const thumbnail = thumbnailFile
    ? fs
        .mkdir(path.dirname(thumbnailFile), { recursive: true })
        .then(() =>
          region
            .clone()
            .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
            .jpeg({ quality: 82 })
            .toFile(thumbnailFile),
        )
    : null;
  const rgb = await region.clone().resize(plan.inputWidth, plan.inputHeight, { fit: 'fill' }).raw().toBuffer();
  await thumbnail;
  return { width: plan.inputWidth, height: plan.inputHeight, rgb };
}

/**
 * Library-relative path of a crop thumbnail: the photo's id and the box's position among its detections, known
 * before the boxes get row ids (cache/crops/<id / 1000>/<id>-<n>.jpg, like the other cache files).
 */
export function cropRelativePath(imageId: number, boxIndex: number): string {
  return path.join('cache', 'crops', String(Math.floor(imageId / 1000)), `${imageId}-${boxIndex}.jpg`);
}
