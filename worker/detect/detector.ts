// A loaded detector: session + family decoder + class mapping + threshold, turning decoded photos into boxes in
// normalised image coordinates. Pre-process, inference and post-process are separate steps; the runtime is behind
// createSession so the provider choice lives in one place.
import * as ort from 'onnxruntime-node';
import type { DetectorEntry } from '../../core/models/catalog';
import { modelFilePath, type ModelsFolder } from '../../core/models/folder';
import { classMappings, type ClassMapping } from '../../core/models/labels';
import type { Category } from '../../core/db/schema';
import { detectorThreshold } from '../../core/models/thresholds';
import { DECODERS } from '../models/families';
import { letterbox, inputBoxToSource, type Letterbox } from '../models/letterbox';
import { markDuplicates, nmsPerClass } from '../models/nms';
import { FRAGMENT_RULES, markFragments } from './fragments';
import { parseNames, readOnnxMetadata } from '../models/onnxMetadata';
import { createSession, type ModelSession, type SessionOptions } from '../models/session';
import { fillInput } from '../models/tensor';
import { fromDecoded, type DecodedImage } from '../../core/photos/decode';

export interface Detection {
  rawLabel: string;
  category: Category;
  sexAge: string | null;
  confidence: number;
  /** Normalised, oriented image: top-left x, y, width, height. */
  x: number;
  y: number;
  w: number;
  h: number;
  duplicate: boolean;
}

export interface Detector {
  id: string;
  provider: ModelSession['provider'];
  fallbackReason: string | null;
  /** Photos per inference call (1 for graphs with a fixed batch dimension). */
  batchSize: number;
  threshold: number;
  classes: ClassMapping[];
  /** Long side the decode should keep so the detector never upsamples. */
  decodeSide: number;
  detect(images: readonly DecodedImage[]): Promise<Detection[][]>;
  close(): Promise<void>;
}

export interface DetectorOptions extends SessionOptions {
  threshold?: number;
  /** Upper bound on photos per inference when the graph's batch is dynamic. */
  maxBatch?: number;
}

const NMS_IOU = 0.45;
/**
 * Longest side, in input pixels, of a box the detector barely resolves: two cells of the finest (stride 8) grid of
 * every family here. Such a box is an animal only when it is as confident as a box must be to stand for an animal of
 * its own inside another (FRAGMENT_RULES.ownAnimalConfidence); a weaker one is noise (a 0.16 "cow" on a signpost,
 * deer-img8), and too small to tell one deer from another anyway.
 */
const RESOLVED_SIDE = 16;
const DEFAULT_MAX_BATCH = 8;

/**
 * The decoded image at its letterboxed size: the one resize from the decode (linear, like the OpenCV resize these
 * models were trained with); pixels already at that size go to the tensor as they are.
 */
async function resized(img: DecodedImage, lb: Letterbox): Promise<Uint8Array> {
  if (img.width === lb.resizedWidth && img.height === lb.resizedHeight) return img.data;
  return fromDecoded(img).resize(lb.resizedWidth, lb.resizedHeight, { fit: 'fill', kernel: 'linear' }).raw().toBuffer();
}

export async function loadDetector(
  entry: DetectorEntry,
  folder: ModelsFolder,
  options: DetectorOptions = {},
): Promise<Detector> {
  const file = modelFilePath(entry, folder);
  const decode = DECODERS[entry.family];
  const labels = entry.labels ?? parseNames((await readOnnxMetadata(file)).names);
  if (!labels)
    throw new Error(`model "${entry.id}" has no labels in the catalog and no \`names\` in its ONNX metadata`);
  const classes = classMappings(labels);
  const wanted = classes.map((c) => c.category !== 'ignored');
  const threshold = options.threshold ?? detectorThreshold(entry);
  const model = await createSession(file, options);
  const spec = entry.input;
  const meta = model.session.inputMetadata.find((m) => m.name === spec.name);
  const batchDim = meta && meta.isTensor ? meta.shape[0] : 1;
  const batchSize = typeof batchDim === 'number' && batchDim > 0 ? batchDim : (options.maxBatch ?? DEFAULT_MAX_BATCH);
  const plane = 3 * spec.width * spec.height;

  const buffers = new Map<number, Float32Array>();
  let busy = false;
  const runBatch = async (images: readonly DecodedImage[]): Promise<Detection[][]> => {
    const boxes = images.map((img) =>
      letterbox(img.width, img.height, spec.width, spec.height, spec.anchor ?? 'center'),
    );
    // A fixed-batch graph gets a full batch; the outputs of unused slots are ignored.
    const slots = typeof batchDim === 'number' && batchDim > 0 ? batchDim : images.length;
    const pixels = await Promise.all(images.map((img, i) => resized(img, boxes[i]!)));
    // One input buffer per batch size, reused call after call (no 2 MB allocation per photo); a call overlapping
    // another (none in the pipeline) gets a buffer of its own.
    const reuse = !busy;
    const input = (reuse && buffers.get(slots)) || new Float32Array(slots * plane);
    if (reuse) {
      buffers.set(slots, input);
      busy = true;
    }
    let outputs: ort.InferenceSession.OnnxValueMapType;
    const tensor = new ort.Tensor('float32', input, [slots, 3, spec.height, spec.width]);
    try {
      pixels.forEach((rgb, i) => fillInput(rgb, boxes[i]!, spec, input, i));
      outputs = await model.session.run({ [spec.name]: tensor });
    } finally {
      if (reuse) busy = false;
    }
    const out = outputs[entry.output];
    if (!out)
      throw new Error(`model "${entry.id}" has no output "${entry.output}" (it has ${model.outputNames.join(', ')})`);
    const data = out.data as Float32Array;
    const [, ...rest] = out.dims;
    const perImage = rest.reduce((a, b) => a * b, 1);
    const results = images.map((_, i) =>
      postProcess(
        decode(
          { data: data.subarray(i * perImage, (i + 1) * perImage), dims: [1, ...rest] },
          { threshold: extentFloor(threshold), wanted, inputWidth: spec.width, inputHeight: spec.height },
        ),
        boxes[i]!,
        classes,
        threshold,
      ),
    );
    tensor.dispose();
    for (const o of Object.values(outputs)) o.dispose();
    return results;
  };

  return {
    id: entry.id,
    provider: model.provider,
    fallbackReason: model.fallbackReason,
    batchSize,
    threshold,
    classes,
    decodeSide: Math.max(spec.width, spec.height),
    async detect(images) {
      const results: Detection[][] = [];
      for (let i = 0; i < images.length; i += batchSize)
        results.push(...(await runBatch(images.slice(i, i + batchSize))));
      return results;
    },
    close: () => model.session.release(),
  };
}

/**
 * The lowest confidence a candidate needs to matter: a weak box around a kept one wins as the animal's extent at
 * `enclosingConfidence` times the kept box's confidence (fragments.ts), and a kept box has at least the threshold.
 */
export const extentFloor = (threshold: number) => threshold * FRAGMENT_RULES.enclosingConfidence;

/**
 * Candidates in input pixels (down to extentFloor(threshold)) -> stored detections at or above the threshold: weak
 * boxes too small to resolve dropped, NMS, cross-class duplicates, fragments, image coordinates.
 */
export function postProcess(
  candidates: Parameters<typeof nmsPerClass>[0],
  lb: Letterbox,
  classes: readonly ClassMapping[],
  threshold: number,
): Detection[] {
  const resolved = candidates.filter(
    (c) => Math.max(c.x2 - c.x1, c.y2 - c.y1) >= RESOLVED_SIDE || c.score >= FRAGMENT_RULES.ownAnimalConfidence,
  );
  const boxes = markDuplicates(nmsPerClass(resolved, NMS_IOU), NMS_IOU)
    .map((c) => {
      const cls = classes[c.classIndex]!;
      return {
        rawLabel: cls.label,
        category: cls.category as Category,
        sexAge: cls.sexAge,
        confidence: c.score,
        ...inputBoxToSource(c, lb),
        duplicate: c.duplicate,
      };
    })
    .filter((d) => d.w > 0 && d.h > 0);
  return markFragments(boxes, lb.srcWidth / lb.srcHeight, threshold);
}
