// Decode a photo once, for every stage that needs its pixels (detector input, thumbnails, crops): EXIF orientation
// applied, shrunk while decoding (JPEG shrink-on-load) to a working size, raw RGB in memory.
import sharp from 'sharp';

export interface DecodedImage {
  /** Raw RGB, 3 bytes per pixel, row-major, oriented as displayed. */
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Long side of the working image. 1024 is what the medium preview shows, above every detector input here (416, 640),
 * and a 2048 px Reconyx frame decodes straight to it at 1/2 scale. Models with larger inputs (MegaDetector 1280)
 * ask for more through `maxSide`.
 */
export const DEFAULT_DECODE_SIDE = 1024;

export async function decodeImage(file: string, maxSide = DEFAULT_DECODE_SIDE): Promise<DecodedImage> {
  // failOn 'error' rejects truncated and corrupt JPEGs instead of returning grey half-images.
  const { data, info } = await sharp(file, { failOn: 'error', sequentialRead: true })
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
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
