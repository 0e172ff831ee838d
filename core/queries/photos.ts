// Photo queries for the grid and the viewer: filters, sort and paging in SQL, so nothing loads the whole library.
import type { Category, Detection, PhotoDetail, PhotoFilter, PhotoSummary, PHOTO_SORTS } from '../contract';
import type { Db } from '../db/open';
import { pageByDetections } from './photosByDetections';
import { COUNTED, splitIds, splitList, Where } from './sqlFilter';

// Plain column orders, so SQLite walks an index (images_taken_at holds the rowid too) and stops at the page: photos
// of unknown time come first oldest-first and last newest-first, SQLite's own place for NULL. The detection sorts are
// core/queries/photosByDetections.ts.
const ORDER: Record<Exclude<(typeof PHOTO_SORTS)[number], 'detections' | '-detections'>, string> = {
  takenAt: 'i.taken_at, i.id',
  '-takenAt': 'i.taken_at DESC, i.id DESC',
  imported: 'i.id',
  '-imported': 'i.id DESC',
};

/**
 * The photo itself, or a clip's sampled frames: where an item's detections are. A clip counts the most boxes of one
 * frame (the animals seen at once), not the sum over frames, which counts one deer once a second.
 */
const OWN_IMAGES = '(SELECT i.id UNION ALL SELECT f.id FROM images f WHERE f.clip_id = i.id)';

const SUMMARY_COLUMNS = `i.id, i.file_name AS fileName, i.camera_id AS cameraId, c.name AS camera, i.taken_at AS takenAt,
  i.width, i.height, i.state, i.error, i.sequence_id AS sequenceId, i.path IS NOT NULL AS hasOriginal,
  i.media_type AS mediaType, i.duration_ms AS durationMs,
  (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM detections d WHERE d.image_id IN ${OWN_IMAGES} AND ${COUNTED}
    GROUP BY d.image_id)) AS detections,
  (SELECT group_concat(DISTINCT d.category) FROM detections d WHERE d.image_id IN ${OWN_IMAGES} AND ${COUNTED}) AS categories`;

type SummaryRow = Omit<PhotoSummary, 'categories' | 'hasOriginal'> & { categories: string | null; hasOriginal: number };

function toSummary(row: SummaryRow): PhotoSummary {
  return { ...row, hasOriginal: row.hasOriginal === 1, categories: splitList<Category>(row.categories) };
}

/** The same photos either way; `use` picks the form SQLite runs fastest for a count or for a page in index order. */
export function photoWhere(filter: PhotoFilter, use: 'count' | 'page' = 'count'): Where {
  // A clip's sampled frames are processed like photos but listed only through their clip.
  const w = new Where().add("i.media_type != 'frame'");
  if (filter.cameraIds) w.in('i.camera_id', filter.cameraIds);
  w.timeRange('i.taken_at', filter.from, filter.to);
  if (filter.category)
    w.add(
      `EXISTS (SELECT 1 FROM detections d WHERE d.image_id = i.id AND d.category = ? AND ${COUNTED})`,
      filter.category,
    );
  if (filter.empty === true)
    w.add(
      `i.state IN ('detected', 'embedded', 'done') AND NOT EXISTS (SELECT 1 FROM detections d WHERE d.image_id = i.id AND ${COUNTED})`,
    );
  if (filter.empty === false) w.add(`EXISTS (SELECT 1 FROM detections d WHERE d.image_id = i.id AND ${COUNTED})`);
  // Individuals are few next to photos: go from them to their photos through the tracklet and detection indexes.
  if (filter.individualId !== undefined) {
    w.add(
      `i.id IN (SELECT d.image_id FROM tracklets t JOIN detections d ON d.tracklet_id = t.id WHERE t.individual_id = ? AND ${COUNTED})`,
      filter.individualId,
    );
  }
  if (filter.unreviewedSuggestions !== undefined) {
    const pending = `SELECT individual_id FROM suggestions WHERE state = 'pending' UNION SELECT candidate_id FROM suggestions WHERE state = 'pending'`;
    const not = filter.unreviewedSuggestions ? '' : 'NOT ';
    // A count visits every photo: the pending individuals' photos are listed once and each photo looked up in the
    // list (unary + keeps the planner from driving by the list instead). A page walks the sort's index and stops
    // early: a few hundred photos asking the detection and tracklet indexes beat building the whole list.
    if (use === 'count') {
      w.add(
        `+i.id ${not}IN (SELECT d.image_id FROM tracklets t JOIN detections d ON d.tracklet_id = t.id WHERE t.individual_id IN (${pending}) AND ${COUNTED})`,
      );
    } else {
      w.add(
        `${not}EXISTS (SELECT 1 FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE d.image_id = i.id AND ${COUNTED} AND t.individual_id IN (${pending}))`,
      );
    }
  }
  if (filter.sequenceId !== undefined) w.add('i.sequence_id = ?', filter.sequenceId);
  if (filter.states) w.in('i.state', filter.states);
  if (filter.importId !== undefined) w.add('i.import_id = ?', filter.importId);
  return w;
}

export function queryPhotos(
  db: Db,
  args: { filter: PhotoFilter; sort: (typeof PHOTO_SORTS)[number]; offset: number; limit: number },
): { items: PhotoSummary[]; total: number; offset: number } {
  const c = db.$client;
  const counted = photoWhere(args.filter, 'count');
  const total = (c.prepare(`SELECT count(*) AS n FROM images i ${counted.sql}`).get(...counted.params) as { n: number })
    .n;
  const w = photoWhere(args.filter, 'page');
  // The page's ids first (index order, no per-row work), then the columns of those rows only.
  const ids =
    args.sort === 'detections' || args.sort === '-detections'
      ? pageByDetections(db, w, args.sort === '-detections', args.offset, args.limit)
      : (
          c
            .prepare(`SELECT i.id FROM images i ${w.sql} ORDER BY ${ORDER[args.sort]} LIMIT ? OFFSET ?`)
            .all(...w.params, args.limit, args.offset) as { id: number }[]
        ).map((r) => r.id);
  return { items: photoSummaries(db, ids), total, offset: args.offset };
}

/** Summaries of these photos, in this order. */
export function photoSummaries(db: Db, ids: readonly number[]): PhotoSummary[] {
  if (ids.length === 0) return [];
  const rows = db.$client
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM images i LEFT JOIN cameras c ON c.id = i.camera_id WHERE i.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function photoSummariesWhere(db: Db, where: Where): PhotoSummary[] {
  where.add("i.media_type != 'frame'");
  const rows = db.$client
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM images i LEFT JOIN cameras c ON c.id = i.camera_id ${where.sql} ORDER BY ${ORDER.takenAt}`,
    )
    .all(...where.params) as SummaryRow[];
  return rows.map(toSummary);
}

type DetectionRow = Omit<Detection, 'box' | 'duplicate' | 'falsePositive' | 'reviewed' | 'hasCrop'> & {
  x: number;
  y: number;
  w: number;
  h: number;
  duplicate: number;
  falsePositive: number;
  reviewed: number;
  hasCrop: number;
};

export function detectionsOf(db: Db, imageId: number): Detection[] {
  const rows = db.$client
    .prepare(
      `SELECT d.id, d.image_id AS imageId, d.model, d.raw_label AS rawLabel, d.category, d.sex_age AS sexAge, d.confidence,
              d.x, d.y, d.w, d.h, d.duplicate, d.false_positive AS falsePositive, d.reviewed, d.tracklet_id AS trackletId,
              t.individual_id AS individualId, ind.name AS individualName, d.crop_path IS NOT NULL AS hasCrop
       FROM detections d LEFT JOIN tracklets t ON t.id = d.tracklet_id LEFT JOIN individuals ind ON ind.id = t.individual_id
       WHERE d.image_id = ? ORDER BY d.confidence DESC, d.id`,
    )
    .all(imageId) as DetectionRow[];
  return rows.map(({ x, y, w, h, duplicate, falsePositive, reviewed, hasCrop, ...rest }) => ({
    ...rest,
    box: { x, y, w, h },
    duplicate: duplicate === 1,
    falsePositive: falsePositive === 1,
    reviewed: reviewed === 1,
    hasCrop: hasCrop === 1,
  }));
}

/** A clip's sampled frames with their detections, in time order (none for a photo). */
function clipFrames(db: Db, clipId: number): PhotoDetail['clipFrames'] {
  const frames = db.$client
    .prepare("SELECT id, frame_ms AS frameMs FROM images WHERE clip_id = ? AND media_type = 'frame' ORDER BY frame_ms")
    .all(clipId) as { id: number; frameMs: number }[];
  return frames.map((f) => ({ imageId: f.id, frameMs: f.frameMs, detections: detectionsOf(db, f.id) }));
}

export function photoDetail(db: Db, id: number): PhotoDetail | null {
  const c = db.$client;
  const row = c
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, i.source_path AS sourcePath, i.import_id AS importId, i.taken_at_source AS takenAtSource,
              i.time_note AS timeNote, i.orientation, i.bytes, i.trigger_event AS triggerEvent, i.trigger_frame AS triggerFrame,
              i.trigger_frames AS triggerFrames, i.detector, i.embedder, i.clip_id AS clipId, i.frame_ms AS frameMs
       FROM images i LEFT JOIN cameras c ON c.id = i.camera_id WHERE i.id = ?`,
    )
    .get(id) as (SummaryRow & Record<string, unknown>) | undefined;
  if (!row) return null;
  const {
    triggerEvent,
    triggerFrame,
    triggerFrames,
    sourcePath,
    importId,
    takenAtSource,
    timeNote,
    orientation,
    bytes,
    detector,
    embedder,
    clipId,
    frameMs,
    ...summary
  } = row;
  const sequencePhotoIds =
    summary.sequenceId === null
      ? []
      : splitIds(
          (
            c
              .prepare(
                "SELECT group_concat(id) AS ids FROM (SELECT id FROM images WHERE sequence_id = ? AND media_type != 'frame' ORDER BY taken_at, id)",
              )
              .get(summary.sequenceId) as { ids: string | null }
          ).ids,
        );
  return {
    ...toSummary(summary as SummaryRow),
    sourcePath: sourcePath as string,
    importId: importId as number | null,
    takenAtSource: takenAtSource as PhotoDetail['takenAtSource'],
    timeNote: timeNote as string | null,
    orientation: orientation as number | null,
    bytes: bytes as number | null,
    trigger: {
      event: triggerEvent as number | null,
      frame: triggerFrame as number | null,
      frames: triggerFrames as number | null,
    },
    detector: detector as string | null,
    embedder: embedder as string | null,
    detectionList: detectionsOf(db, id),
    sequencePhotoIds,
    clipFrames: clipFrames(db, id),
    ...(clipId !== null && frameMs !== null
      ? { frameOf: { clipId: clipId as number, frameMs: frameMs as number } }
      : {}),
  };
}
