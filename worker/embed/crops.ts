// Crops from an already-decoded, already-oriented RGB image: the model input (resized to the plan's size), the small
// JPEG the galleries show and its quality. The photo is never decoded again for this. The embedder's crop (box plus
// a small margin, cropPlan.ts) and the display crop (wider, reaching up for antlers, core/photos/crop.ts
// displayRegion) are cut separately: what people see can change without changing any vector.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { InputSpec } from '../../core/models/catalog';
import { DISPLAY_MARGINS, displayRegion } from '../../core/photos/crop';
import { fromDecoded, type DecodedBand, type DecodedImage } from '../../core/photos/decode';
import { CROP_MARGIN, planCrop, type NormBox, type Region } from './cropPlan';
import { cropQuality } from './cropQuality';
import type { PreparedCrop } from './embedder';

export const THUMBNAIL_SIZE = 256;
/** Side of the small copy of the display crop its quality is measured on. */
const QUALITY_SIDE = 96;

/** A prepared model input with the display crop's quality (0-1, cropQuality.ts). */
export type QualifiedCrop = PreparedCrop & { quality: number };

/**
 * The model input for a box, the quality of its display crop and, when `thumbnailFile` is given, the display crop
 * as a JPEG (aspect kept, at most THUMBNAIL_SIZE a side). `image` is a whole decode or a band of rows of one
 * (decodeBand) that holds the box's crops.
 */
export async function prepareCrop(
  image: DecodedImage | DecodedBand,
  box: NormBox,
  spec: InputSpec,
  thumbnailFile?: string,
): Promise<QualifiedCrop> {
  const frame = { width: image.width, height: 'fullHeight' in image ? image.fullHeight : image.height };
  const inBand = bandRegion(image);
  const plan = planCrop(box, frame.width, frame.height, spec);
  // The display crop is cut once and its thumbnail and quality copy are made from those pixels: two clones of one
  // pipeline over the whole decode cost 2.6 times the CPU for the same output (measured side by side, 69 boxes).
  const cut = await fromDecoded(image)
    .extract(inBand(displayRegion(frame, box)))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const display = () => fromDecoded({ data: cut.data, width: cut.info.width, height: cut.info.height });
  const [rgb, small] = await Promise.all([
    fromDecoded(image)
      .extract(inBand(plan.region))
      .resize(plan.inputWidth, plan.inputHeight, { fit: 'fill' })
      .raw()
      .toBuffer(),
    display().resize(QUALITY_SIDE, QUALITY_SIDE, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true }),
    thumbnailFile &&
      Promise.all([
        display()
          .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 82 })
          .toBuffer(),
        fs.mkdir(path.dirname(thumbnailFile), { recursive: true }),
      ]).then(([bytes]) => fs.writeFile(thumbnailFile, bytes)), // Node's write: a full disk fails with ENOSPC
  ]);
  return {
    width: plan.inputWidth,
    height: plan.inputHeight,
    rgb,
    quality: cropQuality(small.data, small.info.width, small.info.height),
  };
}

/** The vertical span (fractions of the height) that a box's crops, model input and display, are cut from. */
export function cropRows(box: NormBox): { y0: number; y1: number } {
  return {
    y0: box.y - box.h * Math.max(CROP_MARGIN, DISPLAY_MARGINS.top),
    y1: box.y + box.h * (1 + Math.max(CROP_MARGIN, DISPLAY_MARGINS.bottom)),
  };
}

/** A region of the whole frame in the pixels `image` holds; a band must hold all of it. */
function bandRegion(image: DecodedImage | DecodedBand) {
  const top = 'top' in image ? image.top : 0;
  return (r: Region): Region => {
    if (r.top < top || r.top + r.height > top + image.height)
      throw new Error(
        `the decoded rows ${top}-${top + image.height} do not hold the crop's rows ${r.top}-${r.top + r.height}`,
      );
    return { ...r, top: r.top - top };
  };
}

/**
 * Library-relative path of a crop thumbnail: the photo's id and the box's position among its detections, known
 * before the boxes get row ids (cache/crops/<id / 1000>/<id>-<n>.jpg, like the other cache files).
 */
export function cropRelativePath(imageId: number, boxIndex: number): string {
  return path.join('cache', 'crops', String(Math.floor(imageId / 1000)), `${imageId}-${boxIndex}.jpg`);
}
