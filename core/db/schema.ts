// The library database: one source of truth for every table. The vector tables (the re-identification hot path, raw
// SQL) are made by core/db/vectorStore.ts right after the migrations.
import { sql } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
// The enums live in the contract (which the browser imports); the tables take their tuples from there.
import {
  CATEGORIES,
  IMAGE_STATES,
  JOB_STATUSES,
  MEDIA_TYPES,
  SUGGESTION_STATES,
  TIME_SOURCES,
} from '../contract/entities';
import { FEATURE_TYPES } from '../contract/cameras';

export { CATEGORIES, IMAGE_STATES, SUGGESTION_STATES, TIME_SOURCES };
export type { Category, ImageState, SuggestionState, TimeSource } from '../contract/entities';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** A physical camera. `key` is its identity (serial, or a name), `name` what people see. */
export const cameras = sqliteTable('cameras', {
  id: integer('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  make: text('make'),
  model: text('model'),
  serial: text('serial'),
  /** "+02:00"; used only when exporting to formats that need a zone. */
  utcOffset: text('utc_offset'),
  /** A place name people use ("the feeder"); coordinates are latitude/longitude. */
  location: text('location'),
  /** WGS84 degrees where the camera stands (its first placement; later moves are deployments). */
  latitude: real('latitude'),
  longitude: real('longitude'),
  notes: text('notes').notNull().default(''),
  /** Set when this identity was merged into another camera: photos imported under it go there (a trigger). */
  mergedInto: integer('merged_into').references((): AnySQLiteColumn => cameras.id),
  createdAt: createdAt(),
});

/** A camera moved or re-aimed: from `start` (camera-local) on, its photos were taken here, set up like this. */
export const deployments = sqliteTable(
  'deployments',
  {
    id: integer('id').primaryKey(),
    cameraId: integer('camera_id')
      .notNull()
      .references(() => cameras.id, { onDelete: 'cascade' }),
    start: text('start').notNull(),
    latitude: real('latitude'),
    longitude: real('longitude'),
    locationName: text('location_name'),
    /** Metres above the ground. */
    cameraHeight: real('camera_height'),
    cameraTilt: integer('camera_tilt'),
    cameraHeading: integer('camera_heading'),
    baitUse: integer('bait_use', { mode: 'boolean' }),
    featureType: text('feature_type', { enum: FEATURE_TYPES }),
    habitat: text('habitat'),
    comments: text('comments').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('deployments_camera_start').on(t.cameraId, t.start)],
);

/** One import job: a card or a set of folders. */
export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey(),
  sources: text('sources', { mode: 'json' }).$type<string[]>().notNull(),
  options: text('options', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  status: text('status', { enum: JOB_STATUSES }).notNull(),
  summary: text('summary', { mode: 'json' }).$type<Record<string, unknown>>(),
  startedAt: createdAt(),
  finishedAt: text('finished_at'),
});

/**
 * A photo. `sha256` is its identity; rows for files that could not be read keep the reason in `error` and may have
 * no hash (a file that vanished mid-copy), in which case `sourcePath` identifies them.
 */
export const images = sqliteTable(
  'images',
  {
    id: integer('id').primaryKey(),
    sha256: text('sha256').unique(),
    /** Library-relative for copied photos, absolute for photos referenced in place; null when nothing was kept. */
    path: text('path'),
    inPlace: integer('in_place', { mode: 'boolean' }).notNull().default(false),
    fileName: text('file_name').notNull(),
    sourcePath: text('source_path').notNull(),
    importId: integer('import_id').references(() => imports.id),
    cameraId: integer('camera_id').references(() => cameras.id),
    /** Camera-local wall-clock time as written, ISO 8601 without zone; null when unknown. */
    takenAt: text('taken_at'),
    takenAtSource: text('taken_at_source', { enum: TIME_SOURCES }),
    /** Why the time is unknown or was not taken from EXIF (e.g. "EXIF date 1970-01-01 is implausible"). */
    timeNote: text('time_note'),
    width: integer('width'),
    height: integer('height'),
    orientation: integer('orientation'),
    bytes: integer('bytes'),
    /** The camera's own trigger grouping when it records one (Reconyx: event number, "3 of 10"). */
    triggerEvent: integer('trigger_event'),
    triggerFrame: integer('trigger_frame'),
    triggerFrames: integer('trigger_frames'),
    state: text('state', { enum: IMAGE_STATES }).notNull(),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    sequenceId: integer('sequence_id'),
    /** Detector whose boxes the photo has (null before detection): switching models re-runs only what differs. */
    detector: text('detector'),
    /** Embedder whose vectors the photo's detections have. */
    embedder: text('embedder'),
    /**
     * photo; clip (a video: its file is the clip, its detections are its frames'); frame (a sampled frame of a clip:
     * a JPEG in cache/frames/, processed like a photo, never listed as one).
     */
    mediaType: text('media_type', { enum: MEDIA_TYPES }).notNull().default('photo'),
    /** A frame's clip. */
    clipId: integer('clip_id'),
    /** A frame's time in its clip. */
    frameMs: integer('frame_ms'),
    /** A clip's length. */
    durationMs: integer('duration_ms'),
    /** A clip's frames per second (its frames' numbers in exports are their times at this rate). */
    frameRate: real('frame_rate'),
    createdAt: createdAt(),
  },
  (t) => [
    index('images_clip').on(t.clipId, t.frameMs),
    index('images_state').on(t.state),
    index('images_camera_time').on(t.cameraId, t.takenAt),
    index('images_taken_at').on(t.takenAt),
    index('images_sequence').on(t.sequenceId),
    index('images_source_path').on(t.sourcePath),
    // Import history counts a job's photos by state from the index alone.
    index('images_import_state').on(t.importId, t.state),
  ],
);

/** Files found on a card that are not photos we process yet (videos), listed so nothing is silently dropped. */
export const skippedFiles = sqliteTable(
  'skipped_files',
  {
    id: integer('id').primaryKey(),
    importId: integer('import_id').references(() => imports.id),
    sourcePath: text('source_path').notNull(),
    reason: text('reason').notNull(),
    bytes: integer('bytes'),
  },
  (t) => [uniqueIndex('skipped_files_source').on(t.importId, t.sourcePath)],
);

/** One visit at one camera: photos whose capture times are within the library's gap. */
export const sequences = sqliteTable(
  'sequences',
  {
    id: integer('id').primaryKey(),
    cameraId: integer('camera_id').references(() => cameras.id),
    start: text('start'),
    end: text('end'),
    photoCount: integer('photo_count').notNull(),
  },
  (t) => [index('sequences_camera_start').on(t.cameraId, t.start), index('sequences_start').on(t.start)],
);

export const detections = sqliteTable(
  'detections',
  {
    id: integer('id').primaryKey(),
    imageId: integer('image_id')
      .notNull()
      .references(() => images.id, { onDelete: 'cascade' }),
    /** Detector model id, or "human" for a box drawn by hand, or "import:<file>" for imported boxes. */
    model: text('model').notNull(),
    rawLabel: text('raw_label').notNull(),
    category: text('category', { enum: CATEGORIES }).notNull(),
    /** Sex/age class when a model or a person knows it (doe, fawn, buck...). */
    sexAge: text('sex_age'),
    confidence: real('confidence').notNull(),
    /** Normalised box in the oriented (as displayed) image: top-left x, y, width, height in 0-1. */
    x: real('x').notNull(),
    y: real('y').notNull(),
    w: real('w').notNull(),
    h: real('h').notNull(),
    /** Overlaps a stronger box of the same photo: kept for transparency, excluded from tracking. */
    duplicate: integer('duplicate', { mode: 'boolean' }).notNull().default(false),
    /** A person marked it as not an animal/person/vehicle at all. */
    falsePositive: integer('false_positive', { mode: 'boolean' }).notNull().default(false),
    /** Set when a person confirmed or corrected it (classificationMethod human in exports). */
    reviewed: integer('reviewed', { mode: 'boolean' }).notNull().default(false),
    trackletId: integer('tracklet_id'),
    cropPath: text('crop_path'),
    /** How well the crop shows the animal, 0-1 (sharpness x daylight, measured on the crop); null until cropped. */
    quality: real('quality'),
  },
  (t) => [
    index('detections_image').on(t.imageId),
    index('detections_tracklet').on(t.trackletId),
    // Only the boxes that count (core/queries/sqlFilter.ts COUNTED), with the flags as trailing columns so the views'
    // per-photo and per-individual tests read the index alone, never the wide detection rows.
    index('detections_counted_image')
      .on(t.imageId, t.category, t.duplicate, t.falsePositive)
      .where(sql`NOT duplicate AND NOT false_positive`),
    index('detections_counted_tracklet')
      .on(t.trackletId, t.imageId, t.duplicate, t.falsePositive)
      .where(sql`NOT duplicate AND NOT false_positive`),
  ],
);

/** One animal through the frames of one sequence. Individuals are made of tracklets. */
export const tracklets = sqliteTable(
  'tracklets',
  {
    id: integer('id').primaryKey(),
    sequenceId: integer('sequence_id').notNull(),
    category: text('category', { enum: CATEGORIES }).notNull(),
    individualId: integer('individual_id'),
    /** Mean of the members' normalised embeddings, renormalised (float32 little-endian). */
    embedding: blob('embedding', { mode: 'buffer' }),
  },
  (t) => [index('tracklets_sequence').on(t.sequenceId), index('tracklets_individual').on(t.individualId)],
);

export const individuals = sqliteTable(
  'individuals',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    category: text('category', { enum: CATEGORIES }).notNull(),
    sex: text('sex'),
    ageClass: text('age_class'),
    /** "deer", or another species by name; follows the detector's labels unless a person set it (speciesByUser). */
    species: text('species').notNull().default('deer'),
    speciesByUser: integer('species_by_user', { mode: 'boolean' }).notNull().default(false),
    /** buck, doe, fawn or unknown: the majority of its detections' classes unless a person set it (sexAgeByUser). */
    sexAge: text('sex_age'),
    sexAgeByUser: integer('sex_age_by_user', { mode: 'boolean' }).notNull().default(false),
    /** The cover was picked by a person: it stays while it is a member (otherwise the best detection is the cover). */
    coverByUser: integer('cover_by_user', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes').notNull().default(''),
    coverDetectionId: integer('cover_detection_id'),
    confirmed: integer('confirmed', { mode: 'boolean' }).notNull().default(false),
    /** Set when merged into another individual; the row stays so links and undo keep working. */
    mergedInto: integer('merged_into'),
    // Derived from detections by core/individuals (refreshIndividualStats), never edited directly.
    detectionCount: integer('detection_count').notNull().default(0),
    firstSeen: text('first_seen'),
    lastSeen: text('last_seen'),
    /** Mean of its tracklets' normalised embeddings, renormalised (float32 LE); derived like the counts. */
    embedding: blob('embedding', { mode: 'buffer' }),
    createdAt: createdAt(),
  },
  (t) => [index('individuals_merged').on(t.mergedInto), index('individuals_species').on(t.species)],
);

/** "Same deer?": a ranked candidate for an individual, with the parts of its score kept visible. */
export const suggestions = sqliteTable(
  'suggestions',
  {
    id: integer('id').primaryKey(),
    individualId: integer('individual_id').notNull(),
    candidateId: integer('candidate_id').notNull(),
    embedder: text('embedder').notNull(),
    score: real('score').notNull(),
    appearance: real('appearance').notNull(),
    timeGapSeconds: real('time_gap_seconds'),
    sameCamera: integer('same_camera', { mode: 'boolean' }).notNull(),
    rank: integer('rank').notNull(),
    /** The members (tracklet ids) of both sides when proposed: a rejection holds until the members change. */
    memberSignature: text('member_signature').notNull(),
    state: text('state', { enum: SUGGESTION_STATES }).notNull().default('pending'),
    createdAt: createdAt(),
    decidedAt: text('decided_at'),
  },
  (t) => [
    index('suggestions_state_score').on(t.state, t.score),
    index('suggestions_individual').on(t.individualId),
    index('suggestions_candidate').on(t.candidateId),
  ],
);

/** Every user edit with what it takes to undo and redo it. */
export const editJournal = sqliteTable('edit_journal', {
  id: integer('id').primaryKey(),
  kind: text('kind').notNull(),
  forward: text('forward', { mode: 'json' }).notNull(),
  inverse: text('inverse', { mode: 'json' }).notNull(),
  undone: integer('undone', { mode: 'boolean' }).notNull().default(false),
  at: createdAt(),
});

/** Library settings (detector, embedder, sequence gap ...), JSON values; defaults live in core/library/settings.ts. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** A deer survey a user saved to run again (its window and cameras; the numbers are always computed afresh). */
export const surveys = sqliteTable('surveys', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  fromDay: text('from_day'),
  toDay: text('to_day'),
  /** Camera ids (JSON array); empty means every camera. */
  cameraIds: text('camera_ids', { mode: 'json' }).$type<number[]>().notNull(),
  createdAt: createdAt(),
});

/**
 * Counted animal boxes per camera and day and per camera and hour of the day, kept by triggers (migration
 * 0006_activity_aggregate) for the dashboard's charts. cameraKey 0: no camera; day '': no time; hour -1: no hour.
 */
export const activityDays = sqliteTable(
  'activity_days',
  { cameraKey: integer('camera_key').notNull(), day: text('day').notNull(), n: integer('n').notNull() },
  (t) => [primaryKey({ columns: [t.cameraKey, t.day] })],
);

export const activityHours = sqliteTable(
  'activity_hours',
  { cameraKey: integer('camera_key').notNull(), hour: integer('hour').notNull(), n: integer('n').notNull() },
  (t) => [primaryKey({ columns: [t.cameraKey, t.hour] })],
);

/** Photos per camera (cameraKey 0: no camera), kept by triggers (migration 0006_activity_aggregate). */
export const activityPhotos = sqliteTable('activity_photos', {
  cameraKey: integer('camera_key').primaryKey(),
  n: integer('n').notNull(),
});
