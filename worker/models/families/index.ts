// How each detector family's output is decoded (thresholds per family are in core/models/thresholds.ts).
import type { DetectorFamily } from '../../../core/models/catalog';
import type { Candidate, DecodeOptions, RawOutput } from '../candidate';
import { decodeYolov5 } from './yolov5';
import { decodeYolov8 } from './yolov8';
import { decodeYolox } from './yolox';

export type FamilyDecoder = (out: RawOutput, opts: DecodeOptions) => Candidate[];

export const DECODERS: Record<DetectorFamily, FamilyDecoder> = {
  yolox: decodeYolox,
  yolov8: decodeYolov8,
  yolov5: decodeYolov5,
};
