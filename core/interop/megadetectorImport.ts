// Imports a MegaDetector batch output file for photos already in the library, instead of running the detector:
// each entry's `file`, resolved against a folder the user names, is matched to a photo by where it was imported from
// or where the library keeps it. A matched photo's machine detections are replaced in one transaction; boxes a person
// drew or reviewed are kept, and an imported box that covers one of them is marked duplicate rather than doubled.
// Who is who survives as it does a re-detection: replaced boxes pass their tracklets on, decided individuals stay.
import fs from 'node:fs/promises';
import path from 'node:path';
import { moveImage } from '../db/images';
import { inTransaction, type Db } from '../db/open';
import { detections, images, tracklets } from '../db/schema';
import { eq, inArray, ne } from 'drizzle-orm';
import type { Library } from '../library/library';
import { photoAbsolutePath } from '../library/library';
import { pruneEmptyIndividuals, pruneEmptyTracklets } from '../individuals';
import { decidedIndividuals } from '../individuals/decided';
import { getSettings } from '../library/settings';
import { inheritTracklets, SAME_BOX_IOU, trackedBoxes } from '../reid/keepBoxes';
import { individualsChanged } from '../reid/maintain';
import { refreshTrackletEmbeddings } from '../reid/trackletEmbeddings';
import { iou, type Box } from '../reid/tracklets';
import { deleteDetectionEmbeddings } from '../db/vectorIndex';
import type { ExportProgressCallback } from '../exports/progress';
import { parseSexAge } from '../exports/sexAge';
import { mapLabel } from '../models/labels';
import { clipFrameEntries } from './megadetectorClips';
import { parseMegadetector, type MegadetectorFile, type MegadetectorImage } from './megadetectorFormat';

export interface MegadetectorImportOptions {
  /** The folder the file's `file` paths are relative to (where MegaDetector was pointed). */
  root: string;
  /** Boxes below this confidence are left out; default: the lower of the file's two thresholds, else 0 (keep all). */
  threshold?: number;
  onProgress?: ExportProgressCallback;
}

export interface MegadetectorImportSummary {
  /** Entries in the file. */
  entries: number;
  /** Photos whose detections were replaced. */
  photos: number;
  detections: number;
  /** Entries that match no photo of the library (their `file` as written). */
  unmatched: string[];
  /** Entries MegaDetector could not process, left as they were in the library. */
  failures: { file: string; reason: string }[];
  model: string;
  threshold: number;
}

const BATCH = 200;

/** Both places a photo can be found by: where it was imported from, and where the library keeps it. */
function photoIndex(library: Library): Map<string, number> {
  const index = new Map<string, number>();
  const rows = library.db
    .select({ id: images.id, path: images.path, inPlace: images.inPlace, sourcePath: images.sourcePath })
    .from(images)
    // A clip's frames share its source path; the clip is what a file names.
    .where(ne(images.mediaType, 'frame'))
    .all();
  for (const row of rows) {
    index.set(path.resolve(row.sourcePath), row.id);
    const kept = photoAbsolutePath(library, row);
    if (kept) index.set(path.resolve(kept), row.id);
  }
  return index;
}

/** The more inclusive of the file's two thresholds (tools disagree on which is lower), else keep every box. */
function defaultThreshold(file: MegadetectorFile): number {
  const meta = file.info.detector_metadata;
  const given = [meta?.typical_detection_threshold, meta?.conservative_detection_threshold].filter(
    (t): t is number => t !== undefined,
  );
  return given.length > 0 ? Math.min(...given) : 0;
}

function detectionRows(
  entry: MegadetectorImage,
  file: MegadetectorFile,
  imageId: number,
  model: string,
  threshold: number,
  kept: Box[],
) {
  return (entry.detections ?? [])
    .filter((d) => d.conf >= threshold)
    .flatMap((d) => {
      const [x, y, w, h] = d.bbox;
      const label = file.detection_categories[d.category] ?? `category ${d.category}`;
      // The same reading of labels as the app's own detectors: a file from a COCO model may hold cups and chairs.
      const { category } = mapLabel(label);
      if (category === 'ignored') return [];
      const top = [...(d.classifications ?? [])].sort((a, b) => b[1] - a[1])[0];
      const topName = top ? file.classification_categories?.[top[0]] : undefined;
      const knowsSexAge =
        topName !== undefined && (parseSexAge(topName).sex !== null || parseSexAge(topName).lifeStage !== null);
      return {
        imageId,
        model,
        // A classifier's answer ("white-tailed deer", "coyote", "doe") is the label that names the species
        // (core/individuals/species.ts); the detector's own category ("animal") still decides the category.
        rawLabel: topName ?? label,
        category,
        sexAge: knowsSexAge ? topName : null,
        confidence: d.conf,
        x,
        y,
        w,
        h,
        // An imported box overlapping a kept (human) box this much is the same animal.
        duplicate: kept.some((k) => iou(k, { x, y, w, h }) >= SAME_BOX_IOU),
      };
    });
}

/** A photo's current boxes; those a person drew or reviewed survive a re-import. */
function currentDetections(library: Library, imageId: number) {
  const rows = library.db
    .select({
      id: detections.id,
      x: detections.x,
      y: detections.y,
      w: detections.w,
      h: detections.h,
      reviewed: detections.reviewed,
      model: detections.model,
    })
    .from(detections)
    .where(eq(detections.imageId, imageId))
    .all();
  const human = (r: (typeof rows)[number]) => r.reviewed || r.model === 'human';
  return { kept: rows.filter(human), replaced: rows.filter((r) => !human(r)) };
}

/** Read before the replaced boxes go: their tracklets may go with them. */
function individualsOf(db: Db, trackletIds: number[]): number[] {
  if (trackletIds.length === 0) return [];
  const rows = db
    .selectDistinct({ id: tracklets.individualId })
    .from(tracklets)
    .where(inArray(tracklets.id, trackletIds))
    .all();
  return rows.flatMap((r) => (r.id === null ? [] : [r.id]));
}

/**
 * Replaces one photo's machine detections with the file's boxes (call inside a transaction), by the pipeline's rules
 * (worker/pipeline/writeResults.ts): a new box that is an old one again keeps its tracklet, and so its individual.
 * Tracklets left empty go, the others' embeddings lose the replaced boxes' vectors. The photo goes back to
 * 'detected', so the next processing run embeds its new boxes, and re-tracks and re-matches its sequence.
 * Returns the individuals whose tracklets it touched.
 */
function replaceDetections(
  library: Library,
  embedder: string,
  imageId: number,
  replacedIds: number[],
  rows: ReturnType<typeof detectionRows>,
  model: string,
): number[] {
  const { db } = library;
  const tracked = trackedBoxes(db, imageId);
  const trackletIds = [...new Set(tracked.map((b) => b.trackletId))];
  const touched = individualsOf(db, trackletIds);
  if (replacedIds.length > 0) {
    db.delete(detections).where(inArray(detections.id, replacedIds)).run();
    // Row ids of deleted boxes come back: no vector may outlive its box.
    deleteDetectionEmbeddings(db, embedder, replacedIds);
  }
  if (rows.length > 0) db.insert(detections).values(rows).run();
  inheritTracklets(db, imageId, tracked);
  pruneEmptyTracklets(db, trackletIds);
  refreshTrackletEmbeddings(db, embedder, trackletIds);
  // The photo now has this "detector"'s boxes, without vectors yet; later stages (crops, embeddings) run again from
  // here, and `import:*` boxes are not re-detected (worker/pipeline/pending.ts).
  // A failed photo stays failed (it has no readable file to go on with) but keeps the boxes' provenance.
  const moved = moveImage(db, imageId, 'detected', {
    from: ['imported', 'detected', 'embedded', 'done'],
    detector: model,
    embedder: null,
  });
  if (!moved) db.update(images).set({ detector: model, embedder: null }).where(eq(images.id, imageId)).run();
  return touched;
}

/**
 * The individuals a batch touched, as the track stage leaves them: empty ones go unless a person decided about them
 * (core/individuals/decided.ts), and the rest are brought up to date by the one upkeep entry point.
 */
function individualsTouched(db: Db, embedder: string, ids: number[]): void {
  pruneEmptyIndividuals(db, ids, { keep: decidedIndividuals(db) });
  individualsChanged(db, embedder, ids);
}

export async function importMegadetector(
  library: Library,
  jsonFile: string,
  options: MegadetectorImportOptions,
): Promise<MegadetectorImportSummary> {
  const file = parseMegadetector(await fs.readFile(jsonFile, 'utf8'), path.basename(jsonFile));
  const model = `import:${path.basename(jsonFile)}`;
  const threshold = options.threshold ?? defaultThreshold(file);
  const { embedder } = getSettings(library.db);
  const index = photoIndex(library);
  const root = path.resolve(options.root);
  const summary: MegadetectorImportSummary = {
    entries: file.images.length,
    photos: 0,
    detections: 0,
    unmatched: [],
    failures: [],
    model,
    threshold,
  };

  const matched: { entry: MegadetectorImage; imageId: number }[] = [];
  for (const entry of file.images) {
    const imageId = index.get(path.resolve(root, entry.file.replace(/\\/g, '/')));
    if (imageId === undefined) summary.unmatched.push(entry.file);
    else if (entry.failure || !entry.detections)
      summary.failures.push({ file: entry.file, reason: entry.failure ?? 'no detections listed' });
    else {
      // A clip's boxes go to its sampled frames (megadetectorClips.ts).
      const clip = clipFrameEntries(library.db, imageId, entry);
      if (clip) summary.unmatched.push(...clip.unmatched);
      matched.push(...(clip?.frames ?? [{ entry, imageId }]));
    }
  }
  for (let start = 0; start < matched.length; start += BATCH) {
    inTransaction(library.db, () => {
      const touched: number[] = [];
      for (const { entry, imageId } of matched.slice(start, start + BATCH)) {
        const current = currentDetections(library, imageId);
        const rows = detectionRows(entry, file, imageId, model, threshold, current.kept);
        touched.push(
          ...replaceDetections(
            library,
            embedder,
            imageId,
            current.replaced.map((r) => r.id),
            rows,
            model,
          ),
        );
        summary.photos++;
        summary.detections += rows.length;
      }
      individualsTouched(library.db, embedder, touched);
    });
    options.onProgress?.({ step: 'import', done: Math.min(start + BATCH, matched.length), total: matched.length });
    // Let other work (progress events, cancellation) through between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return summary;
}
