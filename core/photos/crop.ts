// Cut a detection's box out of the decoded photo: for re-ID embeddings, crop thumbnails and cover images. Works on
// the pixels already in memory, so later stages never decode the photo again. Display crops (displayRegion) are
// wider than the box, upward most, and keep its aspect.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { fromDecoded, type DecodedImage } from './decode';

export interface NormalisedBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CropOptions {
  /** Extra context around the box, as a fraction of its width and height on each side. */
  margin?: number;
  /** Output size; omitted keeps the crop's own size in working-image pixels. */
  width?: number;
  height?: number;
  /** How the crop fits an explicit output size: stretch (fill, the usual for embedders) or keep aspect (contain). */
  fit?: 'fill' | 'contain' | 'cover';
}

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Context around a box on each side, as fractions of its width (sides) and height (top, bottom). */
export interface Margins {
  top: number;
  side: number;
  bottom: number;
}

/**
 * The box with margins in pixels of an image of this size, clipped to the image and at least one pixel (even for a
 * degenerate box on the border).
 */
export function regionWithMargins(img: Pick<DecodedImage, 'width' | 'height'>, box: NormalisedBox, m: Margins): Region {
  const x1 = Math.max(0, Math.floor((box.x - box.w * m.side) * img.width));
  const y1 = Math.max(0, Math.floor((box.y - box.h * m.top) * img.height));
  const x2 = Math.min(img.width, Math.ceil((box.x + box.w * (1 + m.side)) * img.width));
  const y2 = Math.min(img.height, Math.ceil((box.y + box.h * (1 + m.bottom)) * img.height));
  const left = Math.min(x1, img.width - 1);
  const top = Math.min(y1, img.height - 1);
  return { left, top, width: Math.max(1, x2 - left), height: Math.max(1, y2 - top) };
}

/** The box plus the same margin on every side in working-image pixels, clipped. */
export function cropRegion(img: Pick<DecodedImage, 'width' | 'height'>, box: NormalisedBox, margin = 0): Region {
  return regionWithMargins(img, box, { top: margin, side: margin, bottom: margin });
}

/**
 * Context a display crop (cards, profiles, review) adds around a detection box, as a fraction of the box on each
 * side. Detector boxes often stop at the forehead, so the crop reaches well above the box: antlers are what tell a
 * buck, and a crop that cuts them shows less than the photo did. No square cut: the crop keeps the animal's shape.
 */
export const DISPLAY_MARGINS: Margins = { top: 0.35, side: 0.12, bottom: 0.06 };

/** The display crop of a box in pixels of an image of this size: the box with DISPLAY_MARGINS, clipped. */
export function displayRegion(img: Pick<DecodedImage, 'width' | 'height'>, box: NormalisedBox): Region {
  return regionWithMargins(img, box, DISPLAY_MARGINS);
}

/** Longest side of a display crop cut from a full-resolution file. */
export const DISPLAY_CROP_SIDE = 512;

/**
 * Cuts a box's display crop from the full-resolution file (EXIF orientation applied, as boxes are stored) and writes
 * it as JPEG at most DISPLAY_CROP_SIDE a side, atomically. For boxes without a crop from the pipeline, and wherever
 * the working decode had too few pixels for the box.
 */
export async function writeDisplayCrop(source: string, box: NormalisedBox, file: string): Promise<string> {
  const meta = await sharp(source).metadata();
  const swap = (meta.orientation ?? 1) >= 5;
  const size = { width: (swap ? meta.height : meta.width) ?? 0, height: (swap ? meta.width : meta.height) ?? 0 };
  if (size.width === 0 || size.height === 0) throw new Error(`cannot read the size of ${source}`);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const bytes = await sharp(source)
      .rotate()
      .extract(displayRegion(size, box))
      .resize(DISPLAY_CROP_SIDE, DISPLAY_CROP_SIDE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer();
    // Written by Node, so a full disk fails with its errno (sharp's writer reports only text).
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, file);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
  return file;
}

/** A sharp pipeline over the crop: chain `.raw()`, `.webp()` ... as the caller needs. */
export function cropDecoded(img: DecodedImage, box: NormalisedBox, options: CropOptions = {}): sharp.Sharp {
  const pipeline = fromDecoded(img).extract(cropRegion(img, box, options.margin ?? 0));
  if (options.width === undefined && options.height === undefined) return pipeline;
  return pipeline.resize({
    width: options.width,
    height: options.height,
    fit: options.fit ?? 'fill',
    background: { r: 114, g: 114, b: 114 },
  });
}
