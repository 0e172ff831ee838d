// Where a detection's crop comes from and what size the embedder sees it at. Pure maths, tested on non-square
// images. The crop keeps a little context around the box (legs, antlers cut by a tight box), and:
// - a model with a free input size sees the crop at its own aspect ratio, scaled to about the model's preferred area,
//   each side a multiple of 32 (MobileNetV2-GeM);
// - a fixed-size model (OSNet 256x128) gets the crop stretched to its input, as it was trained.
import type { InputSpec } from '../../core/models/catalog';
import { cropRegion, type NormalisedBox, type Region } from '../../core/photos/crop';

export type NormBox = NormalisedBox;
export type { Region };

export interface CropPlan {
  region: Region;
  inputWidth: number;
  inputHeight: number;
}

/** Context added on each side, as a fraction of the box size. */
export const CROP_MARGIN = 0.1;
const MAX_ASPECT = 4;
const STEP = 32;

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
  const region = cropRegion({ width: imageWidth, height: imageHeight }, box, CROP_MARGIN);
  const size = spec.dynamicSize
    ? dynamicInputSize(region.width, region.height, spec)
    : { width: spec.width, height: spec.height };
  return { region, inputWidth: size.width, inputHeight: size.height };
}
