// What a photo says about itself: format, size, orientation, camera and capture time.
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { chooseCaptureTime, type CaptureTime } from './captureTime';
import { parseReconyxMakerNote, type ReconyxInfo } from './reconyx';

/** Refuse to process images larger than this: decoding one would take gigabytes of memory. */
export const MAX_PIXELS = 120_000_000;

export interface PhotoMetadata {
  format: 'jpeg' | 'png';
  /** Dimensions as displayed, EXIF orientation applied. */
  width: number;
  height: number;
  orientation: number;
  make: string | null;
  model: string | null;
  serial: string | null;
  offsetTimeOriginal: string | null;
  time: CaptureTime;
  reconyx: ReconyxInfo | null;
}

/** A file that is not a usable photo; the message is what the user reads. */
export class BadPhotoError extends Error {}

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_END = Buffer.from([0xff, 0xd9]);

function sniffFormat(head: Buffer): 'jpeg' | 'png' | null {
  if (head.subarray(0, 3).equals(JPEG_MAGIC)) return 'jpeg';
  if (head.subarray(0, 8).equals(PNG_MAGIC)) return 'png';
  return null;
}

/**
 * Checks the bytes seen while copying: the signature at the start and, for JPEG, whether the end-of-image marker is
 * in the tail. Some cameras append a long trailer after it, so a missing marker only makes the file a suspect that
 * `confirmComplete` decodes.
 */
export function checkPhotoBytes(
  bytes: number,
  head: Buffer,
  tail: Buffer,
): { format: 'jpeg' | 'png'; suspectTruncated: boolean } {
  if (bytes === 0) throw new BadPhotoError('empty file (0 bytes)');
  const format = sniffFormat(head);
  if (!format) {
    const text = head.subarray(0, 16).every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f));
    throw new BadPhotoError(`not a JPEG or PNG image (${text ? 'looks like a text file' : 'unknown file signature'})`);
  }
  return { format, suspectTruncated: format === 'jpeg' && !tail.includes(JPEG_END) };
}

/** Decodes a suspect JPEG at 1/8 scale (shrink-on-load keeps this to a few milliseconds) to see whether it is whole. */
export async function confirmComplete(file: string): Promise<void> {
  try {
    await sharp(file, { failOn: 'truncated', limitInputPixels: MAX_PIXELS })
      .resize(64, 64, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch (err) {
    throw new BadPhotoError(`truncated JPEG: ${(err as Error).message.replace(/^VipsJpeg: /, '')}`);
  }
}

const clean = (s: unknown): string | null => {
  if (typeof s !== 'string') return null;
  const v = s.replace(/\0/g, '').trim();
  return v.length > 0 ? v : null;
};

function readExif(raw: Buffer | undefined): ReturnType<typeof exifReader> | null {
  if (!raw) return null;
  try {
    return exifReader(raw);
  } catch {
    return null; // unreadable EXIF is not a reason to lose the photo; the time is then flagged unknown
  }
}

export async function readPhotoMetadata(
  file: string,
  format: 'jpeg' | 'png',
  fileName: string,
): Promise<PhotoMetadata> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new BadPhotoError(`unreadable image: ${(err as Error).message}`);
  }
  const { width, height } = meta;
  if (!width || !height) throw new BadPhotoError('image has no dimensions');
  if (width * height > MAX_PIXELS) {
    throw new BadPhotoError(
      `image is ${width}x${height} (${Math.round((width * height) / 1e6)} MP), above the ${MAX_PIXELS / 1e6} MP safety limit`,
    );
  }
  const orientation = meta.orientation ?? 1;
  const swap = orientation >= 5 && orientation <= 8;
  const exif = readExif(meta.exif);
  const photo = exif?.Photo as Record<string, unknown> | undefined;
  const image = exif?.Image as Record<string, unknown> | undefined;
  const reconyx = parseReconyxMakerNote(photo?.MakerNote as Buffer | undefined);
  return {
    format,
    width: swap ? height : width,
    height: swap ? width : height,
    orientation,
    make: clean(image?.Make),
    model: clean(image?.Model),
    serial: clean(photo?.BodySerialNumber) ?? reconyx?.serial ?? null,
    offsetTimeOriginal: clean(photo?.OffsetTimeOriginal),
    time: chooseCaptureTime(photo?.DateTimeOriginal, fileName),
    reconyx,
  };
}
