// The model catalog: models Thumper knows by id (file in the models folder, family, input spec, labels, sha256,
// licence, source). The data is models/catalog.json; this module gives it types and looks entries up.
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths';

export const CATALOG_FILE = path.join(PACKAGE_ROOT, 'models', 'catalog.json');

export type DetectorFamily = 'yolox' | 'yolov8' | 'yolov5';
export type EmbedderFamily = 'imagenet-embed' | 'osnet';

export interface InputSpec {
  name: string;
  width: number;
  height: number;
  channels: 'rgb' | 'bgr';
  /** Pixel values are divided by this (1: 0-255 as is, 255: 0-1). */
  scale: number;
  mean?: [number, number, number];
  std?: [number, number, number];
  /** Where the resized image sits in the padded square: YOLOX anchors top-left, Ultralytics centres. */
  anchor?: 'top-left' | 'center';
  pad?: number;
  /** Width and height are free (multiples of 32); `width`/`height` are the preferred size. */
  dynamicSize?: boolean;
  /** Fixed batch size of the graph, or 'dynamic'. */
  batch: number | 'dynamic';
}

/** A model class and what the app calls it. `labels: "coco80"` stands for the 80 COCO names. */
export interface ClassSpec {
  label: string;
  category?: 'animal' | 'person' | 'vehicle' | 'ignored';
  sexAge?: string;
}

interface EntryBase {
  id: string;
  name: string;
  /** Relative to the models folder. */
  file: string;
  sha256: string;
  licence: string;
  source: string;
  sourceNote?: string;
  /** Bytes, for download progress. */
  size?: number;
  /** The file is made from the download at `source` (whose sha256 this is) by a transform, see core/models/fetch.ts. */
  derivedFrom?: { sha256: string; transform: 'gem-embedding' };
  input: InputSpec;
  output: string;
  default?: boolean;
}

export interface DetectorEntry extends EntryBase {
  kind: 'detector';
  family: DetectorFamily;
  /** Omitted: read `names` from the ONNX metadata (Ultralytics exports carry it). */
  labels?: 'coco80' | (string | ClassSpec)[];
  /** Overrides the family's default confidence threshold. */
  threshold?: number;
}

export interface EmbedderEntry extends EntryBase {
  kind: 'embedder';
  family: EmbedderFamily;
  dimensions: number;
}

export type CatalogEntry = DetectorEntry | EmbedderEntry;

/** A way to upgrade that cannot be a plain download (MegaDetector variants, a user's own model): documentation. */
export interface CatalogGuide {
  id: string;
  name: string;
  kind: 'detector' | 'embedder';
  family: DetectorFamily | EmbedderFamily;
  licence: string;
  source: string;
  howTo: string;
}

export interface Catalog {
  version: number;
  models: CatalogEntry[];
  guides?: CatalogGuide[];
}

export class UnknownModelError extends Error {}

let cached: Catalog | null = null;

export function loadCatalog(file = CATALOG_FILE): Catalog {
  if (file !== CATALOG_FILE) return JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog;
  cached ??= JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog;
  return cached;
}

export function findModel(id: string, catalog = loadCatalog()): CatalogEntry {
  const entry = catalog.models.find((m) => m.id === id);
  if (!entry)
    throw new UnknownModelError(`unknown model "${id}"; known: ${catalog.models.map((m) => m.id).join(', ')}`);
  return entry;
}

export function findDetector(id: string, catalog = loadCatalog()): DetectorEntry {
  const entry = findModel(id, catalog);
  if (entry.kind !== 'detector') throw new UnknownModelError(`model "${id}" is an ${entry.kind}, not a detector`);
  return entry;
}

export function findEmbedder(id: string, catalog = loadCatalog()): EmbedderEntry {
  const entry = findModel(id, catalog);
  if (entry.kind !== 'embedder') throw new UnknownModelError(`model "${id}" is a ${entry.kind}, not an embedder`);
  return entry;
}
