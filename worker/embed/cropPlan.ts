// Where a detection's crop comes from and what size the embedder sees it at. Pure maths, tested on non-square
// images. The crop keeps a little context around the box (legs, antlers cut by a tight box), and:
// - a model with a free input size sees the crop at its own aspect ratio, scaled to about the model's preferred area,
//   each side a multiple of 32 (MobileNetV2-GeM);
// - a fixed-size model (OSNet 256x128) gets the crop stretched to its input, as it was trained.
import type { InputSpec } from '../../core/models/catalog';

export interface NormBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A pixel rectangle of the decoded (oriented) image. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CropPlan {
  region: Region;
  inputWidth: number;
  inputHeight: number;
}

/** Context added on each side, as a fraction of the box size. */
export const CROP_MARGIN = 0.1;
const MAX_ASPECT = 4;
const STEP = 32;

export function cropRegion(box: NormBox, imageWidth: number, imageHeight: number, margin = CROP_MARGIN): Region {
  const x1 = Math.max(0, Math.floor((box.x - box.w * margin) * imageWidth));
  const y1 = Math.max(0, Math.floor((box.y - box.h * margin) * imageHeight));
  const x2 = Math.min(imageWidth, Math.ceil((box.x + box.w * (1 + margin)) * imageWidth));
  const y2 = Math.min(imageHeight, Math.ceil((box.y + box.h * (1 + margin)) * imageHeight));
  // At least one pixel, even for a degenerate box on the border.
  const left = Math.min(x1, imageWidth - 1);
  const top = Math.min(y1, imageHeight - 1);
  return { left, top, width: Math.max(1, x2 - left), height: Math.max(1, y2 - top) };
}

/** Input size for a crop of this shape: about the preferred area, aspect kept (clamped to 1:4..4:1), multiples of 32. */
export function dynamicInputSize(
  regionWidth: number,
  regionHeight: number,
  spec: Pick<InputSpec, 'width' | 'height'>,
): { width: number; height: number } {
  const area = spec.width * spec.height;
  const aspect = Math.min(MAX_ASPECT, Math.max(1 / MAX_ASPECT, regionWidth / regionHeight));
  const snap = (v: number) => Math.max(STEP, Math.round(v / STEP) * STEP);
  return { width: snap(Math.sqrt(area * aspect)), height: snap(Math.sqrt(area / aspect)) };
}

export function planCrop(box: NormBox, imageWidth: number, imageHeight: number, spec: InputSpec): CropPlan {
  const region = cropRegion(box, imageWidth, imageHeight);
  const size = spec.dynamicSize
    ? dynamicInputSize(region.width, region.height, spec)
    : { width: spec.width, height: spec.height };
  return { region, inputWidth: size.width, inputHeight: size.height };
}
