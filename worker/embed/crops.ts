// Crops from an already-decoded, already-oriented RGB image: the model input (resized to the plan's size) and the
// small JPEG thumbnail the galleries show. The photo is never decoded again for this.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { InputSpec } from '../../core/models/catalog';
import { planCrop, type NormBox } from './cropPlan';
import type { PreparedCrop } from './embedder';

/** Decoded pixels, orientation applied, 3 interleaved RGB channels. */
export interface DecodedRgb {
  data: Uint8Array;
  width: number;
  height: number;
}

export const THUMBNAIL_SIZE = 256;

function source(image: DecodedRgb) {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
}

/**
 * The model input for a box and, when `thumbnailFile` is given, its thumbnail (with the same context margin),
 * from one extract of the decoded pixels.
 */
export async function prepareCrop(image: DecodedRgb, box: NormBox, spec: InputSpec, thumbnailFile?: string): Promise<PreparedCrop> {
  const plan = planCrop(box, image.width, image.height, spec);
  const region = source(image).extract(plan.region);
  const thumbnail = thumbnailFile
    ? fs.mkdir(path.dirname(thumbnailFile), { recursive: true }).then(() =>
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

/** Decodes a photo file the way the pipeline does: orientation applied, alpha dropped, raw RGB. */
export async function decodeRgb(file: string): Promise<DecodedRgb> {
  const { data, info } = await sharp(file).rotate().removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
