// Decode a photo once, for every stage that needs its pixels (detector input, thumbnails, crops): EXIF orientation
// applied, shrunk while decoding (JPEG shrink-on-load) to a working size, raw RGB in memory.
import sharp from 'sharp';
import { THUMB_SIDE } from '../contract/media';

export interface DecodedImage {
  /** Raw RGB, 3 bytes per pixel, row-major, oriented as displayed. */
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Long side of the detail decode: what embedding crops are cut from when a box is too small in the working decode,
 * and what stages that run on their own (re-embedding) decode to. A 2048 px Reconyx frame decodes straight to it at
 * 1/2 scale.
 */
export const DEFAULT_DECODE_SIDE = 1024;

/**
 * Long side the pipeline's working decode keeps at least: the detector's input (416 for YOLOX-nano) and the grid
 * thumbnail it also makes.
 */
export function workingSide(modelSide: number): number {
  return Math.max(THUMB_SIDE, modelSide);
}

export async function decodeImage(file: string, maxSide = DEFAULT_DECODE_SIDE): Promise<DecodedImage> {
  return decode(file, { width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
}

/** The scales libjpeg decodes to directly, coarsest first. */
const JPEG_SCALES = [8, 4, 2, 1];

/**
 * The photo at the coarsest JPEG scale (1/8, 1/4, 1/2, 1) whose long side keeps at least `minSide` pixels: shrink-on-
 * load only, no resampling, so the detector's own resize (linear, as its model was trained) is the only one. A
 * 2048 px Reconyx frame decodes at 1/4 (512 px) for a 416 px detector; the same 1/2-scale pixels as the 1024 px
 * decode for a 640 px one.
 */
export async function decodeAtScale(file: string, minSide: number): Promise<DecodedImage> {
  const meta = await sharp(file).metadata();
  // Orientations 5-8 turn the stored image a quarter: its stored width is the displayed height.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  if (!width || !height) throw new Error('the file header gives no image size');
  const scale = JPEG_SCALES.find((s) => Math.max(Math.ceil(width / s), Math.ceil(height / s)) >= minSide) ?? 1;
  return decode(file, { width: Math.ceil(width / scale), height: Math.ceil(height / scale), fit: 'fill' });
}

async function decode(file: string, resize: sharp.ResizeOptions): Promise<DecodedImage> {
  // failOn 'error' rejects truncated and corrupt JPEGs instead of returning grey half-images.
  const { data, info } = await sharp(file, { failOn: 'error', sequentialRead: true })
    .rotate()
    .resize({ ...resize, fastShrinkOnLoad: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`decoded ${info.channels} channels, expected RGB`);
  return { data, width: info.width, height: info.height };
}

/** A sharp pipeline over the decoded pixels, for thumbnails and crops. */
export function fromDecoded(img: DecodedImage): sharp.Sharp {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });
}
