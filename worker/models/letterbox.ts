// Letterbox maths: where an image of any shape lands inside a model's fixed input, and the way back. Kept pure and
// separate from pixels so it can be tested on non-square images (dividing x by the height is the classic bug that
// square test images hide).

export type Anchor = 'top-left' | 'center';

export interface Letterbox {
  /** Source image size (the decoded, oriented image). */
  srcWidth: number;
  srcHeight: number;
  /** Model input size. */
  inputWidth: number;
  inputHeight: number;
  /** Input pixels per source pixel, the same on both axes. */
  scale: number;
  /** Size of the resized image inside the input. */
  resizedWidth: number;
  resizedHeight: number;
  /** Offset of the resized image inside the input (the padding on the left / top). */
  padX: number;
  padY: number;
}

export function letterbox(
  srcWidth: number,
  srcHeight: number,
  inputWidth: number,
  inputHeight: number,
  anchor: Anchor,
): Letterbox {
  const scale = Math.min(inputWidth / srcWidth, inputHeight / srcHeight);
  const resizedWidth = Math.max(1, Math.min(inputWidth, Math.round(srcWidth * scale)));
  const resizedHeight = Math.max(1, Math.min(inputHeight, Math.round(srcHeight * scale)));
  const padX = anchor === 'center' ? Math.floor((inputWidth - resizedWidth) / 2) : 0;
  const padY = anchor === 'center' ? Math.floor((inputHeight - resizedHeight) / 2) : 0;
  return { srcWidth, srcHeight, inputWidth, inputHeight, scale, resizedWidth, resizedHeight, padX, padY };
}

/** Corner box in pixels (x1, y1) top-left, (x2, y2) bottom-right. */
export interface CornerBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Normalised box in the source image: top-left x, y and width, height, all 0-1. */
export interface NormBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A box in model-input pixels -> normalised source-image box, clipped to the image. */
export function inputBoxToSource(box: CornerBox, lb: Letterbox): NormBox {
  // The resized image spans resizedWidth input pixels for srcWidth source pixels; measure against the resized size
  // rather than `scale` so the rounding of the resize is undone too.
  const sx = lb.resizedWidth / lb.srcWidth;
  const sy = lb.resizedHeight / lb.srcHeight;
  const x1 = clamp01((box.x1 - lb.padX) / sx / lb.srcWidth);
  const y1 = clamp01((box.y1 - lb.padY) / sy / lb.srcHeight);
  const x2 = clamp01((box.x2 - lb.padX) / sx / lb.srcWidth);
  const y2 = clamp01((box.y2 - lb.padY) / sy / lb.srcHeight);
  return { x: x1, y: y1, w: Math.max(0, x2 - x1), h: Math.max(0, y2 - y1) };
}

/** The inverse, for tests and for drawing: normalised source box -> model-input pixels. */
export function sourceBoxToInput(box: NormBox, lb: Letterbox): CornerBox {
  const sx = lb.resizedWidth / lb.srcWidth;
  const sy = lb.resizedHeight / lb.srcHeight;
  return {
    x1: box.x * lb.srcWidth * sx + lb.padX,
    y1: box.y * lb.srcHeight * sy + lb.padY,
    x2: (box.x + box.w) * lb.srcWidth * sx + lb.padX,
    y2: (box.y + box.h) * lb.srcHeight * sy + lb.padY,
  };
}
