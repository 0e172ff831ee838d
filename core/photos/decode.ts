// Decode a photo once, for every stage that needs its pixels (detector input, thumbnails, crops): EXIF orientation
// applied, shrunk while decoding (JPEG shrink-on-load) to a working size, raw RGB in memory.
import fs from 'node:fs/promises';
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

/** A photo as a file path, or its bytes once read: the working decode and a later finer one share one read. */
export type PhotoSource = string | Buffer;

/**
 * Rows `top` to `top + height` of a decode whose whole frame is `width` x `fullHeight`: what crops of boxes in
 * those rows are cut from, when decoding the rest would be wasted (decodeBand).
 */
export interface DecodedBand extends DecodedImage {
  top: number;
  fullHeight: number;
}

/** The oriented size of the photo from its header (orientations 5-8 turn it a quarter: width and height swap). */
async function orientedSize(source: PhotoSource): Promise<{ width: number; height: number }> {
  const meta = await sharp(source).metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  if (!width || !height) throw new Error('the file header gives no image size');
  return { width, height };
}

/** The size a photo is decoded to so that its long side is at most `maxSide` (never enlarged). */
function fitInside(size: { width: number; height: number }, maxSide: number) {
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height));
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

export async function decodeImage(source: PhotoSource, maxSide = DEFAULT_DECODE_SIDE): Promise<DecodedImage> {
  return decode(source, { ...fitInside(await orientedSize(source), maxSide), fit: 'fill' });
}

/**
 * The rows of decodeImage(source, maxSide) that hold the vertical span `y0`-`y1` (fractions of the height), the
 * same pixels as the whole decode's. libjpeg decodes top-down and stops after the last row asked for, so a deer in
 * the middle of the frame costs about half a full decode.
 */
export async function decodeBand(
  source: PhotoSource,
  maxSide: number,
  span: { y0: number; y1: number },
): Promise<DecodedBand> {
  const size = fitInside(await orientedSize(source), maxSide);
  // A row more on each side: crops round their edges outward from the same fractions.
  const top = Math.max(0, Math.floor(span.y0 * size.height) - 1);
  const bottom = Math.min(size.height, Math.max(top + 1, Math.ceil(span.y1 * size.height) + 1));
  const rows = { left: 0, top, width: size.width, height: bottom - top };
  const band = await decode(source, { ...size, fit: 'fill' }, rows);
  return { ...band, top, fullHeight: size.height };
}

/** The scales libjpeg decodes to directly, coarsest first. */
const JPEG_SCALES = [8, 4, 2, 1];

/**
 * The photo at the coarsest JPEG scale (1/8, 1/4, 1/2, 1) whose long side keeps at least `minSide` pixels: shrink-on-
 * load only, no resampling, so the detector's own resize (linear, as its model was trained) is the only one. A
 * 2048 px Reconyx frame decodes at 1/4 (512 px) for a 416 px detector; the same 1/2-scale pixels as the 1024 px
 * decode for a 640 px one.
 */
export async function decodeAtScale(source: PhotoSource, minSide: number): Promise<DecodedImage> {
  const { width, height } = await orientedSize(source);
  const scale = JPEG_SCALES.find((s) => Math.max(Math.ceil(width / s), Math.ceil(height / s)) >= minSide) ?? 1;
  return decode(source, { width: Math.ceil(width / scale), height: Math.ceil(height / scale), fit: 'fill' });
}

/** The file read once: its bytes serve the working decode and any finer decode a later stage needs (decodeBand). */
export async function readAndDecodeAtScale(
  file: string,
  minSide: number,
): Promise<{ bytes: Buffer; decoded: DecodedImage }> {
  const bytes = await fs.readFile(file);
  return { bytes, decoded: await decodeAtScale(bytes, minSide) };
}

async function decode(source: PhotoSource, resize: sharp.ResizeOptions, rows?: sharp.Region): Promise<DecodedImage> {
  // failOn 'error' rejects truncated and corrupt JPEGs instead of returning grey half-images.
  let pipeline = sharp(source, { failOn: 'error', sequentialRead: true })
    .rotate()
    .resize({ ...resize, fastShrinkOnLoad: true });
  if (rows) pipeline = pipeline.extract(rows);
  const { data, info } = await pipeline.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`decoded ${info.channels} channels, expected RGB`);
  return { data, width: info.width, height: info.height };
}

/** A sharp pipeline over the decoded pixels, for thumbnails and crops. */
export function fromDecoded(img: DecodedImage): sharp.Sharp {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });
}
