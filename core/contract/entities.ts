// The shapes of the data the API returns. Plain JSON only (numbers, strings, booleans, null, arrays, objects), so the
// same values travel over Electron IPC and WebSocket. Times: photo times are camera-local wall-clock ISO strings
// without a zone ("2024-10-03T05:12:44"); bookkeeping times (imports, decisions) are UTC ISO strings with "Z".
import { z } from 'zod';
import { utcOffsetSchema } from './utcOffset';

// The one definition of these enums: core/db/schema.ts builds its columns from these tuples.
export const CATEGORIES = ['animal', 'person', 'vehicle'] as const;
export const IMAGE_STATES = ['imported', 'detected', 'embedded', 'done', 'failed', 'missing'] as const;
export const SUGGESTION_STATES = ['pending', 'accepted', 'rejected', 'skipped', 'superseded'] as const;
/** The deer species a library is about (a setting); the exports name it by its scientific name. */
export const DEER_SPECIES = ['white-tailed', 'mule', 'red', 'roe', 'fallow', 'sika', 'elk', 'moose', 'other'] as const;
/** An individual's or a detection's sex/age class, as the keys b, d, f and u set it. */
export const SEX_AGE_CLASSES = ['buck', 'doe', 'fawn', 'unknown'] as const;
/** The species name that means deer (the Deer gallery); any other name is another animal ("Other animals"). */
export const DEER = 'deer';
export const STAGES = ['scan', 'copy', 'decode', 'detect', 'embed', 'match'] as const;
/** Where a photo's capture time came from (a clip's: its container's creation time, or its name). */
export const TIME_SOURCES = ['exif', 'filename', 'container'] as const;
/** photo; clip (a video, whose detections are its sampled frames'); frame (a sampled frame, never listed itself). */
export const MEDIA_TYPES = ['photo', 'clip', 'frame'] as const;

export type Category = (typeof CATEGORIES)[number];
export type ImageState = (typeof IMAGE_STATES)[number];
export type SuggestionState = (typeof SUGGESTION_STATES)[number];
export type DeerSpecies = (typeof DEER_SPECIES)[number];
export type SexAgeClass = (typeof SEX_AGE_CLASSES)[number];
export type TimeSource = (typeof TIME_SOURCES)[number];
export type MediaType = (typeof MEDIA_TYPES)[number];

export const id = z.number().int().positive();
export const category = z.enum(CATEGORIES);
export const imageState = z.enum(IMAGE_STATES);
export const suggestionState = z.enum(SUGGESTION_STATES);
export const deerSpecies = z.enum(DEER_SPECIES);
export const sexAgeClass = z.enum(SEX_AGE_CLASSES);
/** "deer", or another species by name ("zebra", "coyote"); compared without regard to case. */
export const speciesName = z.string().trim().min(1).max(100);
/** Camera-local wall-clock time, or a date alone ("2024-10-03") in filters. */
export const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]');

export const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0), offset: z.number().int().min(0) });
}

export const libraryStatsSchema = z.object({
  images: z.object({
    total: z.number(),
    done: z.number(),
    failed: z.number(),
    /** Photos whose file left the library (found by `check --repair`); importing their card again restores them. */
    missing: z.number(),
    pending: z.number(),
    /** Photos past detection with no counted detection. */
    empty: z.number(),
  }),
  cameras: z.number(),
  videosSkipped: z.number(),
  sequences: z.number(),
  tracklets: z.number(),
  /** Deer, not merged away (other animals: species.list). */
  individuals: z.number(),
  suggestionsPending: z.number(),
  /** Boxes that count: neither duplicates nor marked false by a person. */
  detections: z.object({ total: z.number(), animal: z.number(), person: z.number(), vehicle: z.number() }),
  /** Execution provider the detector last ran on ("cuda", "cpu"); null before any processing. */
  provider: z.string().nullable(),
  /** Why the models ran on the CPU when CUDA was possible or wanted. */
  providerNote: z.string().nullable(),
});
export type LibraryStats = z.infer<typeof libraryStatsSchema>;

export const activitySchema = z.object({
  /** Animal detections per camera-local day ("2024-10-03"), oldest first. */
  perDay: z.array(z.object({ day: z.string(), detections: z.number() })),
  /** Animal detections per hour of the camera-local day, 24 entries. */
  perHour: z.array(z.number()),
  perCamera: z.array(z.object({ cameraId: id, name: z.string(), photos: z.number(), detections: z.number() })),
});
export type Activity = z.infer<typeof activitySchema>;

export const cameraSchema = z.object({
  id,
  name: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  utcOffset: z.string().nullable(),
  location: z.string().nullable(),
  photos: z.number(),
  firstTaken: z.string().nullable(),
  lastTaken: z.string().nullable(),
});
export type Camera = z.infer<typeof cameraSchema>;

export const boxSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
export type Box = z.infer<typeof boxSchema>;

export const photoSummarySchema = z.object({
  id,
  fileName: z.string(),
  cameraId: id.nullable(),
  camera: z.string().nullable(),
  takenAt: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  state: imageState,
  error: z.string().nullable(),
  sequenceId: id.nullable(),
  /** Counted detections: not duplicates, not marked false; a clip's, the most in one of its sampled frames. */
  detections: z.number(),
  categories: z.array(category),
  /** Whether the library has the file (false for a file that could not be read). */
  hasOriginal: z.boolean(),
  /** A photo or a clip (whose detections are those of its sampled frames). */
  mediaType: z.enum(MEDIA_TYPES),
  /** A clip's length; null for a photo. */
  durationMs: z.number().nullable(),
});
export type PhotoSummary = z.infer<typeof photoSummarySchema>;

export const detectionSchema = z.object({
  id,
  imageId: id,
  model: z.string(),
  rawLabel: z.string(),
  category,
  sexAge: z.string().nullable(),
  confidence: z.number(),
  /** Normalised to the photo as displayed (orientation applied): 0-1. */
  box: boxSchema,
  duplicate: z.boolean(),
  falsePositive: z.boolean(),
  reviewed: z.boolean(),
  trackletId: id.nullable(),
  individualId: id.nullable(),
  individualName: z.string().nullable(),
  hasCrop: z.boolean(),
});
export type Detection = z.infer<typeof detectionSchema>;

export const photoDetailSchema = photoSummarySchema.extend({
  sourcePath: z.string(),
  importId: id.nullable(),
  takenAtSource: z.enum(TIME_SOURCES).nullable(),
  timeNote: z.string().nullable(),
  orientation: z.number().nullable(),
  bytes: z.number().nullable(),
  trigger: z.object({ event: z.number().nullable(), frame: z.number().nullable(), frames: z.number().nullable() }),
  detector: z.string().nullable(),
  embedder: z.string().nullable(),
  detectionList: z.array(detectionSchema),
  /** Photo ids of its sequence in time order (the filmstrip); empty when not sequenced yet. */
  sequencePhotoIds: z.array(id),
  /** A clip's sampled frames in time order, each with its detections; empty for a photo. */
  clipFrames: z.array(z.object({ imageId: id, frameMs: z.number(), detections: z.array(detectionSchema) })),
  /** For a clip's sampled frame (what a clip crop points at): its clip and its time there. */
  frameOf: z.object({ clipId: id, frameMs: z.number() }).optional(),
});
export type PhotoDetail = z.infer<typeof photoDetailSchema>;

export const PHOTO_SORTS = ['takenAt', '-takenAt', 'imported', '-imported', 'detections', '-detections'] as const;

export const photoFilterSchema = z
  .object({
    cameraIds: z.array(id).optional(),
    /** Inclusive, camera-local. A date alone means the whole day. */
    from: localTime.optional(),
    to: localTime.optional(),
    /** Photos with at least one counted detection of this category. */
    category: category.optional(),
    /** true: only photos past detection without counted detections; false: only photos with some. */
    empty: z.boolean().optional(),
    /** Photos showing an individual that has a pending suggestion. */
    unreviewedSuggestions: z.boolean().optional(),
    individualId: id.optional(),
    sequenceId: id.optional(),
    states: z.array(imageState).optional(),
    importId: id.optional(),
  })
  .strict();
export type PhotoFilter = z.infer<typeof photoFilterSchema>;

export const sequenceSchema = z.object({
  id,
  cameraId: id.nullable(),
  camera: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  photoCount: z.number(),
  coverPhotoId: id.nullable(),
  detections: z.number(),
});
export type Sequence = z.infer<typeof sequenceSchema>;

export const individualSummarySchema = z.object({
  id,
  name: z.string(),
  category,
  /** "deer", or another species by name: the Deer gallery lists deer, "Other animals" the rest. */
  species: z.string(),
  /** Set by a person (otherwise it follows the detector's labels). */
  speciesByUser: z.boolean(),
  /** Buck, doe, fawn or unknown: the majority of its detections' classes unless a person set it; null when none. */
  sexAge: sexAgeClass.nullable(),
  sexAgeByUser: z.boolean(),
  sex: z.string().nullable(),
  ageClass: z.string().nullable(),
  confirmed: z.boolean(),
  detectionCount: z.number(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  coverDetectionId: id.nullable(),
  cameraIds: z.array(id),
  pendingSuggestions: z.number(),
});
export type IndividualSummary = z.infer<typeof individualSummarySchema>;

export const individualDetailSchema = individualSummarySchema.extend({
  notes: z.string(),
  /** Set when this individual was merged into another: the renderer follows it. */
  mergedInto: id.nullable(),
  cameras: z.array(z.object({ cameraId: id, name: z.string(), detections: z.number() })),
  /** Detections per hour of the camera-local day, 24 entries. */
  activityByHour: z.array(z.number()),
  /** One entry per sequence the individual was seen in, newest first. */
  sightings: z.array(
    z.object({
      sequenceId: id.nullable(),
      cameraId: id.nullable(),
      start: z.string().nullable(),
      detections: z.number(),
      photoId: id,
    }),
  ),
});
export type IndividualDetail = z.infer<typeof individualDetailSchema>;

export const INDIVIDUAL_SORTS = [
  'name',
  'detections',
  '-detections',
  'lastSeen',
  '-lastSeen',
  'firstSeen',
  '-firstSeen',
] as const;

export const individualCropSchema = z.object({
  detectionId: id,
  imageId: id,
  takenAt: z.string().nullable(),
  cameraId: id.nullable(),
  confidence: z.number(),
  box: boxSchema,
  trackletId: id.nullable(),
  hasCrop: z.boolean(),
});
export type IndividualCrop = z.infer<typeof individualCropSchema>;

export const suggestionSchema = z.object({
  id,
  individualId: id,
  candidateId: id,
  embedder: z.string(),
  score: z.number(),
  appearance: z.number(),
  timeGapSeconds: z.number().nullable(),
  sameCamera: z.boolean(),
  rank: z.number(),
  state: suggestionState,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  individual: individualSummarySchema,
  candidate: individualSummarySchema,
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** One "possibly the same" candidate of an individual (the profile band), with the reasons behind its score. */
export const possiblySameSchema = z.object({
  candidate: individualSummarySchema,
  score: z.number(),
  appearance: z.number(),
  timeGapSeconds: z.number().nullable(),
  sameCamera: z.boolean(),
  /** Plain-language reasons, strongest first ("looks alike (0.81)", "same camera, 4 min apart", "both bucks"). */
  reasons: z.array(z.string()),
  /** The pending review-queue suggestion of this pair, when there is one (decide it with edits.review). */
  suggestionId: id.nullable(),
});
export type PossiblySame = z.infer<typeof possiblySameSchema>;

/** The species of a library: which deer it is about, and every species name in use or used before. */
export const speciesListSchema = z.object({
  deerSpecies,
  /** Scientific name of deerSpecies, as the exports write it. */
  scientificName: z.string(),
  /** "deer" first, then the other names the library remembers (alphabetical), with their individuals (not merged). */
  species: z.array(z.object({ name: z.string(), deer: z.boolean(), individuals: z.number() })),
});
export type SpeciesList = z.infer<typeof speciesListSchema>;

export const editResultSchema = z.object({
  /** Journal entry of the edit (null for undo/redo when there was nothing to do). */
  journalId: id.nullable(),
  /** Individuals whose data changed: refresh them. */
  individualIds: z.array(id),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});
export type EditResult = z.infer<typeof editResultSchema>;

export const failureSchema = z.object({ file: z.string(), reason: z.string() });

export const importPreviewSchema = z.object({
  sources: z.array(z.string()),
  photos: z.number(),
  bytes: z.number(),
  cameras: z.array(
    z.object({ name: z.string(), photos: z.number(), from: z.string().nullable(), to: z.string().nullable() }),
  ),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Photos whose time could not be read. */
  unknownTime: z.number(),
  videos: z.number(),
  otherFiles: z.number(),
  /** Photos already in the library (same file name, size and capture time: confirmed by hash at import). */
  alreadyInLibrary: z.number(),
  unreadable: z.array(failureSchema),
  /** True when only a sample of the photos was read to make the preview (counts are still exact). */
  sampled: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importOptionsSchema = z
  .object({
    sources: z.array(z.string().min(1)).min(1),
    /** Name for photos whose EXIF carries no camera serial. */
    camera: z.string().min(1).max(200).optional(),
    utcOffset: utcOffsetSchema.optional(),
    inPlace: z.boolean().optional(),
    /** Detect, embed and match after copying (default); false copies only. */
    process: z.boolean().optional(),
  })
  .strict();
export type ImportOptionsInput = z.infer<typeof importOptionsSchema>;

export const JOB_STATUSES = ['running', 'done', 'cancelled', 'failed', 'interrupted'] as const;

export const importRecordSchema = z.object({
  id,
  sources: z.array(z.string()),
  /** "interrupted": the app stopped while it ran; importing the same card again finishes it. */
  status: z.enum(JOB_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  photos: z.number(),
  failed: z.number(),
  summary: z.record(z.string(), z.unknown()).nullable(),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

export const stageProgressSchema = z.object({
  stage: z.enum(STAGES),
  done: z.number(),
  total: z.number(),
  failed: z.number(),
  rate: z.number(),
  etaSeconds: z.number().nullable(),
});

export const progressSnapshotSchema = z.object({
  jobId: z.number(),
  stages: z.array(stageProgressSchema),
  currentFile: z.string().nullable(),
  provider: z.string().nullable(),
  failures: z.array(failureSchema),
  paused: z.boolean(),
  elapsedMs: z.number(),
  /** The clip whose frames are being sampled: frames sampled of those expected. */
  clip: z
    .object({
      file: z.string(),
      sampled: z.number(),
      expected: z.number(),
      rate: z.number(),
      etaSeconds: z.number().nullable(),
    })
    .nullable()
    .optional(),
});
export type ProgressSnapshotData = z.infer<typeof progressSnapshotSchema>;

export const jobSchema = z.object({
  jobId: z.number(),
  /** 'process': processing only, what is waiting after a change of models (models.use); its options name no sources. */
  kind: z.enum(['import', 'process']),
  state: z.enum(['running', 'paused']),
  options: importOptionsSchema.extend({ sources: z.array(z.string().min(1)) }),
  /** Times the worker died during this job and was restarted. */
  restarts: z.number(),
  progress: progressSnapshotSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobSummarySchema = z.object({
  importIds: z.array(id),
  imported: z.number(),
  /** Of the imported photos, those processed (detected and beyond). */
  processed: z.number(),
  duplicates: z.number(),
  failed: z.number(),
  /** Video clips imported (among `imported`). */
  videos: z.number(),
  elapsedMs: z.number(),
  failures: z.array(failureSchema),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const settingsSchema = z.object({
  detector: z.string(),
  embedder: z.string(),
  sequenceGapSeconds: z.number().positive(),
  autoAccept: z.boolean(),
  autoAcceptThreshold: z.number().nullable(),
  /** The embedder auto-accept was calibrated for (it stays idle for another). */
  autoAcceptEmbedder: z.string().nullable(),
  /** The deer species the library is about: the exports' scientific name. */
  deerSpecies,
  /** Minutes without an animal before a camera's next animal photo is a new independent detection. */
  independenceMinutes: z.number().int().min(1).max(1440),
  /** Frames sampled per second of a clip, after its first frame. */
  clipFramesPerSecond: z.number().min(0.1).max(10),
});
export type SettingsData = z.infer<typeof settingsSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['desktop', 'serve']),
  library: z.object({ path: z.string(), name: z.string() }).nullable(),
  platform: z.string(),
  /** What this host can do beyond the common API. */
  capabilities: z.object({
    pickFolder: z.boolean(),
    /** A native open-file dialog (desktop); in a browser a file's path is typed instead. */
    pickFile: z.boolean(),
    dropPaths: z.boolean(),
    switchLibrary: z.boolean(),
    /** The host saves the window as PDF itself (desktop); elsewhere the browser's print does. */
    savePdf: z.boolean(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const recentLibrarySchema = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentLibrary = z.infer<typeof recentLibrarySchema>;
