// `thumper models add`: bring your own ONNX model. The file is opened and run once (in a worker: `inspect`), its
// shapes are checked against the family (given, or recognised from the output layout), its class names are taken from --labels, the Ultralytics
// `names` metadata, or the class count (80: COCO, 3: MegaDetector), and it is copied into the models folder and
// registered with an explicit class mapping the user can edit.
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  loadCatalog,
  type CatalogEntry,
  type ClassSpec,
  type DetectorFamily,
  type EmbedderFamily,
  type InputSpec,
} from './catalog';
import { sha256File } from './download';
import type { ModelsFolder } from './folder';
import { InvalidModelError, type ModelInspector, type OnnxInspection } from './inspection';
import { classMappings, COCO80 } from './labels';
import { saveUserModel, userCatalogFile } from './userModels';

export const DETECTOR_FAMILIES: readonly DetectorFamily[] = ['yolov8', 'yolov5', 'yolox'];
export const EMBEDDER_FAMILIES: readonly EmbedderFamily[] = ['imagenet-embed', 'osnet'];
export type Family = DetectorFamily | EmbedderFamily;

export interface AddModelOptions {
  folder: ModelsFolder;
  /** Opens the file in onnxruntime: in a worker process (inspectInWorker), which a broken model may crash. */
  inspect: ModelInspector;
  family?: Family;
  /** Class names in class-index order; overrides the file's own `names`. */
  labels?: string[];
  id?: string;
  name?: string;
  licence?: string;
}

export interface AddedModel {
  entry: CatalogEntry;
  /** Where the class mapping can be edited. */
  registry: string;
  /** How the family and labels were decided, for the user to check. */
  notes: string[];
}

const MEGADETECTOR_CLASSES = ['animal', 'person', 'vehicle'];
const IMAGENET = {
  mean: [0.485, 0.456, 0.406] as [number, number, number],
  std: [0.229, 0.224, 0.225] as [number, number, number],
};
const ULTRALYTICS = { channels: 'rgb', scale: 255, anchor: 'center', pad: 114 } as const;
const FAMILY_INPUT: Record<Family, Omit<InputSpec, 'name' | 'width' | 'height' | 'batch'>> = {
  yolov8: ULTRALYTICS,
  yolov5: ULTRALYTICS,
  yolox: { channels: 'bgr', scale: 1, anchor: 'top-left', pad: 114 },
  'imagenet-embed': { channels: 'rgb', scale: 255, ...IMAGENET },
  osnet: { channels: 'rgb', scale: 255, ...IMAGENET },
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '') || 'model';

interface Layout {
  family: Family;
  output: string;
  /** Detectors: classes the output holds. Embedders: vector length. */
  size: number;
}

/** Reads the family from the output layout: [1, 4+C, N] Ultralytics v8/11, [1, N, 5+C] YOLOv5/YOLOX, [B, D] embedder. */
function layoutOf(info: OnnxInspection, family: Family | undefined, labelCount: number | null): Layout {
  const outputs = Object.entries(info.probe.outputs);
  const embedding =
    outputs.find(([name, dims]) => dims.length === 2 && name === 'embedding') ??
    outputs.find(([, dims]) => dims.length === 2);
  const boxes = outputs.find(([, dims]) => dims.length === 3);
  const describe = outputs.map(([n, d]) => `${n} [${d.join(', ')}]`).join('; ');
  if (family && EMBEDDER_FAMILIES.includes(family as EmbedderFamily)) {
    if (!embedding)
      throw new InvalidModelError(`an embedder must output [batch, dimensions]; this model outputs ${describe}`);
    return { family, output: embedding[0], size: embedding[1][1]! };
  }
  if (!boxes) {
    if (embedding && !family) return { family: 'imagenet-embed', output: embedding[0], size: embedding[1][1]! };
    throw new InvalidModelError(
      `a detector must output [1, 4+classes, boxes] or [1, boxes, 5+classes]; this model outputs ${describe}`,
    );
  }
  const [, a, b] = boxes[1] as [number, number, number];
  const v8 = { family: 'yolov8' as const, output: boxes[0], size: a - 4 };
  const v5 = { family: family === 'yolox' ? ('yolox' as const) : ('yolov5' as const), output: boxes[0], size: b - 5 };
  const chosen =
    family === 'yolov8'
      ? v8
      : family
        ? v5
        : labelCount === a - 4
          ? v8
          : labelCount === b - 5
            ? v5
            : a < b && v8.size >= 1
              ? v8
              : v5;
  if (chosen.size < 1) {
    throw new InvalidModelError(
      `output ${boxes[0]} [${boxes[1].join(', ')}] does not fit the ${chosen.family} layout (${chosen.family === 'yolov8' ? '[1, 4+classes, boxes]' : '[1, boxes, 5+classes]'})`,
    );
  }
  return chosen;
}

function detectorLabels(layout: Layout, info: OnnxInspection, given: string[] | undefined, notes: string[]): string[] {
  const labels =
    given ?? info.names ?? (layout.size === 80 ? [...COCO80] : layout.size === 3 ? MEGADETECTOR_CLASSES : null);
  if (!labels)
    throw new InvalidModelError(
      `the model has ${layout.size} classes and no class names in its metadata: give them with --labels name1,name2,...`,
    );
  notes.push(
    given
      ? 'class names from --labels'
      : info.names
        ? 'class names from the model metadata (names)'
        : `class names assumed from the class count (${layout.size === 80 ? 'COCO' : 'MegaDetector'})`,
  );
  if (labels.length !== layout.size) {
    throw new InvalidModelError(
      `the model outputs ${layout.size} classes but ${labels.length} names were given (${labels.join(', ')})`,
    );
  }
  return labels;
}

export async function addModel(file: string, options: AddModelOptions): Promise<AddedModel> {
  const info = await options.inspect(file);
  const labelCount = options.labels?.length ?? info.names?.length ?? null;
  const layout = layoutOf(info, options.family, labelCount);
  const notes = [
    options.family ? `family ${layout.family} as given` : `family ${layout.family} recognised from the output layout`,
  ];
  const id = options.id ?? slug(path.basename(file, path.extname(file)));
  if (loadCatalog().models.some((m) => m.id === id))
    throw new InvalidModelError(`"${id}" is a built-in model id: choose another with --id`);

  const image = info.inputs[0]!;
  const embedder = EMBEDDER_FAMILIES.includes(layout.family as EmbedderFamily);
  const input: InputSpec = {
    name: image.name,
    ...info.probe.size,
    ...FAMILY_INPUT[layout.family],
    ...(embedder && typeof image.shape[2] !== 'number' ? { dynamicSize: true } : {}),
    batch: typeof image.shape[0] === 'number' && image.shape[0] > 0 ? image.shape[0] : 'dynamic',
  };
  const relative = path.posix.join('user', `${id}.onnx`);
  const base = {
    id,
    name: options.name ?? `${path.basename(file)} (added)`,
    file: relative,
    sha256: await sha256File(file),
    licence: options.licence ?? 'unknown: added by the user',
    source: path.resolve(file),
    input,
    output: layout.output,
  };
  const entry: CatalogEntry = embedder
    ? { ...base, kind: 'embedder', family: layout.family as EmbedderFamily, dimensions: layout.size }
    : {
        ...base,
        kind: 'detector',
        family: layout.family as DetectorFamily,
        labels: classMappings(detectorLabels(layout, info, options.labels, notes)).map((m): ClassSpec => ({
          label: m.label,
          category: m.category,
          ...(m.sexAge ? { sexAge: m.sexAge } : {}),
        })),
      };
  const dest = path.join(options.folder.dir, relative);
  await fs.mkdir(path.dirname(dest), { recursive: true });
  await fs.copyFile(file, `${dest}.tmp`);
  await fs.rename(`${dest}.tmp`, dest);
  saveUserModel(options.folder, entry);
  return { entry, registry: userCatalogFile(options.folder), notes };
}
