// MegaDetector batch output format 1.6 (../shared/interop/INTEROP.md), which Timelapse, AddaxAI and most camera-trap
// tools read. `file` is relative to the library's photos/ folder (point the other tool there); photos referenced in
// place (imported with --in-place) have no place under it and are written with their absolute path.
// A clip is one entry in MegaDetector's video convention (megadetectorVideo.ts) with its sampled frames' boxes.
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { images } from '../db/schema';
import type { Library } from '../library/library';
import { findDetector, UnknownModelError } from '../models/catalog';
import { detectorThreshold } from '../models/thresholds';
import { groupBy, loadLibraryRows, type DetectionRow, type PhotoRow } from './libraryRows';
import { mdVideoEntry, type ClipFrame, type MdVideoEntry } from './megadetectorVideo';

export const MD_CATEGORIES = { animal: '1', person: '2', vehicle: '3' } as const;

export interface MdDetection {
  category: string;
  conf: number;
  bbox: [number, number, number, number];
}

export interface MdImage {
  file: string;
  detections: MdDetection[] | null;
  failure?: string;
}

export type MdEntry = MdImage | MdVideoEntry<MdDetection>;

export interface MdFile {
  info: {
    format_version: '1.6';
    detector: string;
    detection_completion_time: string;
    detector_metadata: { typical_detection_threshold: number; conservative_detection_threshold: number };
  };
  detection_categories: Record<string, string>;
  images: MdEntry[];
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** Where a photo is, as `file` says it: relative to photos/, absolute for in-place photos. */
export function mdFilePath(
  library: Pick<Library, 'root' | 'photosDir'>,
  photo: Pick<PhotoRow, 'path' | 'inPlace' | 'fileName'>,
): string {
  if (photo.path === null) return photo.fileName;
  if (photo.inPlace) return photo.path;
  return path.relative(library.photosDir, path.join(library.root, photo.path)).split(path.sep).join('/');
}

function thresholdOf(detector: string): number {
  try {
    return detectorThreshold(findDetector(detector));
  } catch (err) {
    if (err instanceof UnknownModelError) return 0.2;
    throw err;
  }
}

const mdBox = (d: DetectionRow): MdDetection => ({
  category: MD_CATEGORIES[d.category],
  conf: round4(d.confidence),
  bbox: [round4(d.x), round4(d.y), round4(d.w), round4(d.h)],
});

/** Each clip's sampled frames in time order. */
function clipFrames(library: Library): Map<number, ClipFrame[]> {
  const frames = library.db
    .select({
      clipId: images.clipId,
      frameMs: images.frameMs,
      detector: images.detector,
      state: images.state,
    })
    .from(images)
    .where(eq(images.mediaType, 'frame'))
    .orderBy(images.clipId, images.frameMs)
    .all()
    .map((f): ClipFrame & { clipId: number } => ({
      clipId: f.clipId!,
      frameMs: f.frameMs!,
      detection: f.detector !== null ? 'done' : f.state === 'failed' ? 'failed' : 'waiting',
    }));
  return groupBy(frames, (f) => f.clipId);
}

/** The detectors whose boxes the clips' frames have. */
function clipFrameDetectors(library: Library): string[] {
  return library.db
    .selectDistinct({ detector: images.detector })
    .from(images)
    .where(and(eq(images.mediaType, 'frame'), isNotNull(images.detector)))
    .all()
    .map((r) => r.detector!);
}

/**
 * Photos and clips that were processed (boxes or failure); those still waiting for detection are left out. The
 * detector named is the one whose boxes the photos and clip frames have.
 */
export function megadetectorExport(library: Library, now = new Date()): MdFile {
  const rows = loadLibraryRows(library.db);
  const byPhoto = groupBy(rows.detections, (d) => d.imageId);
  const framesByClip = clipFrames(library);
  const frameDetectors = clipFrameDetectors(library);
  const detectors = [
    ...new Set([...rows.photos.map((p) => p.detector).filter((d): d is string => d !== null), ...frameDetectors]),
  ];
  const images: MdEntry[] = [];
  for (const photo of rows.photos) {
    const file = mdFilePath(library, photo);
    if (photo.mediaType === 'clip') {
      const entry = mdVideoEntry(photo, file, framesByClip.get(photo.id) ?? [], byPhoto.get(photo.id) ?? [], mdBox);
      if (entry) images.push(entry);
      continue;
    }
    if (photo.state === 'failed') {
      images.push({ file, detections: null, failure: photo.error ?? 'failed' });
      continue;
    }
    if (photo.detector === null) continue;
    images.push({
      file,
      detections: (byPhoto.get(photo.id) ?? []).map(mdBox),
    });
  }
  const threshold = detectors.length === 1 ? thresholdOf(detectors[0]!) : 0.2;
  // MegaDetector's convention: the conservative threshold is the lower one (more boxes kept, more false ones), as
  // MDv5's 0.05 against its typical 0.2.
  const conservative = round4(Math.min(threshold, threshold / 4));
  return {
    info: {
      format_version: '1.6',
      detector: detectors.length > 0 ? `thumper:${detectors.join('+')}` : 'thumper',
      detection_completion_time: mdTime(now),
      detector_metadata: {
        typical_detection_threshold: threshold,
        conservative_detection_threshold: conservative,
      },
    },
    detection_categories: Object.fromEntries(Object.entries(MD_CATEGORIES).map(([name, id]) => [id, name])),
    images,
  };
}

/** MegaDetector's own completion time format (run_detector_batch: UTC, "%Y-%m-%d %H:%M:%S"). */
export function mdTime(d: Date): string {
  return d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '');
}

// Keys whose numbers MegaDetector's validator requires to be floats: JSON.stringify writes a hand-drawn box's 1 as
// `1`, which validate_batch_results rejects ("illegal confidence value").
const FLOAT_KEYS = new Set(['conf', 'bbox', 'typical_detection_threshold', 'conservative_detection_threshold']);

const float = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

function write(value: unknown, asFloat: boolean, indent: string): string {
  if (typeof value === 'number') return asFloat ? float(value) : JSON.stringify(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent} `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + write(v, asFloat, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, FLOAT_KEYS.has(k), inner)}`);
  return `{\n${body.join(',\n')}\n${indent}}`;
}

/** The file's text: JSON indented by one space, confidences, boxes and thresholds always written as floats. */
export function megadetectorJson(md: MdFile): string {
  return `${write(md, false, '')}\n`;
}
