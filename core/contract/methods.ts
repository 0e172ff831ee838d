// Every method the renderer may call: name -> argument schema and result schema. The hosts (Electron main, serve)
// validate arguments with these schemas before anything else runs; results are plain JSON of the result schema.
import { z } from 'zod';
import { checkArgsSchema, checkReportSchema } from './libraryCheck';
import {
  activitySchema,
  appInfoSchema,
  category,
  editResultSchema,
  id,
  importOptionsSchema,
  importPreviewSchema,
  importRecordSchema,
  individualCropSchema,
  individualDetailSchema,
  individualSummarySchema,
  INDIVIDUAL_SORTS,
  jobSchema,
  libraryStatsSchema,
  localTime,
  page,
  paging,
  photoDetailSchema,
  photoFilterSchema,
  photoSummarySchema,
  PHOTO_SORTS,
  recentLibrarySchema,
  sequenceSchema,
  possiblySameSchema,
  settingsSchema,
  sexAgeClass,
  speciesListSchema,
  speciesName,
  suggestionSchema,
  suggestionState,
} from './entities';
import { calibrationSchema, setAutoAcceptArgsSchema } from './calibration';
import {
  addDeploymentSchema,
  cameraPlaceSchema,
  cameraUpdateSchema,
  mergeCamerasSchema,
  splitCameraSchema,
} from './cameras';
import { savedSurveySchema, saveSurveyArgsSchema, surveyResultSchema, surveyWindowSchema } from './survey';
import {
  exportArgsSchema,
  MODEL_ROLES,
  modelListingSchema,
  modelRoleStatusSchema,
  modelsStatusSchema,
  taskRef,
  testRunArgsSchema,
  testRunResultSchema,
} from './models';

export interface MethodDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
  summary: string;
}

function method<A extends z.ZodType, R extends z.ZodType>(summary: string, args: A, result: R): MethodDef<A, R> {
  return { summary, args, result };
}

const none = z.object({}).strict().default({});
const ok = z.object({ ok: z.literal(true) });
const byId = z.object({ id }).strict();
const jobRef = z.object({ jobId: z.number().int() }).strict();

export const METHODS = {
  'app.info': method('Version, host kind, open library and what this host can do.', none, appInfoSchema),

  'library.stats': method('Library totals for the dashboard.', none, libraryStatsSchema),
  'library.check': method(
    'Check every photo file (present, same sha256) and look for leftovers; repair marks lost photos missing with the reason.',
    checkArgsSchema,
    checkReportSchema,
  ),
  'library.activity': method(
    'Detections per day, per hour of day and per camera.',
    z
      .object({ cameraIds: z.array(id).optional() })
      .strict()
      .default({}),
    activitySchema,
  ),
  'library.recent': method('Recently opened libraries (desktop).', none, z.array(recentLibrarySchema)),
  'library.open': method(
    'Open another library (desktop; the window reloads).',
    z.object({ path: z.string().min(1) }).strict(),
    ok,
  ),
  'library.create': method(
    'Create a library in a folder and open it (desktop).',
    z.object({ path: z.string().min(1) }).strict(),
    ok,
  ),

  'photos.query': method(
    'One page of photos matching a filter, in a sort order, with the total count.',
    z
      .object({ filter: photoFilterSchema.default({}), sort: z.enum(PHOTO_SORTS).default('takenAt'), ...paging })
      .strict(),
    page(photoSummarySchema),
  ),
  'photos.get': method('A photo with its detections and its sequence.', byId, photoDetailSchema),
  'photos.retryFailed': method(
    'Retry failed files (all, or these ids): photos the library holds are processed again, refused files are imported again from their source; starts a job.',
    z.object({ ids: z.array(id).min(1).optional() }).strict(),
    z.object({ jobId: z.number(), reprocess: z.number(), reimport: z.number(), missing: z.array(z.string()) }),
  ),

  'sequences.query': method(
    'Sequences (visits) in time order, oldest first unless newestFirst.',
    z
      .object({
        cameraIds: z.array(id).optional(),
        from: localTime.optional(),
        to: localTime.optional(),
        newestFirst: z.boolean().optional(),
        ...paging,
      })
      .strict(),
    page(sequenceSchema),
  ),
  'sequences.get': method(
    'A sequence and its photos in time order.',
    byId,
    z.object({ sequence: sequenceSchema, photos: z.array(photoSummarySchema) }),
  ),

  'cameras.list': method(
    'Every camera: photos and date range, place, deployments, animal detections and relative abundance.',
    none,
    z.array(cameraPlaceSchema),
  ),
  'cameras.update': method(
    "Change a camera's display name, coordinates, place name, UTC offset or notes (its identity stays).",
    cameraUpdateSchema,
    cameraPlaceSchema,
  ),
  'cameras.locateFromPhotos': method(
    "Set a camera's coordinates from the GPS its photos carry; refused when none of them has GPS.",
    byId,
    cameraPlaceSchema,
  ),
  'cameras.addDeployment': method(
    'The camera moved or was re-aimed: a new deployment from a camera-local time on.',
    addDeploymentSchema,
    cameraPlaceSchema,
  ),
  'cameras.removeDeployment': method('Remove a deployment.', byId, ok),
  'cameras.merge': method(
    'Merge camera identities that are one camera into the target (photos, sequences and deployments move).',
    mergeCamerasSchema,
    cameraPlaceSchema,
  ),
  'cameras.split': method(
    'Split a camera identity that is two cameras: photos from a time on become a new camera.',
    splitCameraSchema,
    cameraPlaceSchema,
  ),

  'individuals.query': method(
    'One page of individuals (merged ones excluded).',
    z
      .object({
        category: category.optional(),
        /** 'deer': the Deer gallery; 'other': every other species ("Other animals"). */
        speciesGroup: z.enum(['deer', 'other']).optional(),
        /** One species by name ("deer", "zebra"), case-insensitive. */
        species: speciesName.optional(),
        search: z.string().max(200).optional(),
        confirmed: z.boolean().optional(),
        cameraIds: z.array(id).optional(),
        sort: z.enum(INDIVIDUAL_SORTS).default('-detections'),
        ...paging,
      })
      .strict(),
    page(individualSummarySchema),
  ),
  'individuals.get': method('An individual: profile, cameras, activity, sightings.', byId, individualDetailSchema),
  'individuals.crops': method(
    "One page of an individual's detections (its crops), newest first.",
    z.object({ id, ...paging }).strict(),
    page(individualCropSchema),
  ),

  'individuals.possiblySame': method(
    'The most likely other individuals of the same species (the profile band), with their reasons; writes nothing.',
    z.object({ id, limit: z.number().int().min(1).max(20).default(5) }).strict(),
    z.array(possiblySameSchema),
  ),
  'species.list': method(
    "The library's deer species and every species name in use or remembered, with individual counts.",
    none,
    speciesListSchema,
  ),

  'suggestions.query': method(
    '"Same deer?" suggestions, most likely first.',
    z
      .object({
        state: suggestionState.default('pending'),
        individualId: id.optional(),
        cameraIds: z.array(id).optional(),
        from: localTime.optional(),
        to: localTime.optional(),
        ...paging,
      })
      .strict(),
    page(suggestionSchema),
  ),

  // Edits: one transaction each, journalled, undoable (implemented by core/edits).
  'edits.rename': method(
    'Rename an individual.',
    z.object({ individualId: id, name: z.string().trim().min(1).max(200) }).strict(),
    editResultSchema,
  ),
  'edits.setNotes': method(
    "Replace an individual's notes.",
    z.object({ individualId: id, notes: z.string().max(20_000) }).strict(),
    editResultSchema,
  ),
  'edits.setCover': method(
    "Choose the detection shown as an individual's cover.",
    z.object({ individualId: id, detectionId: id }).strict(),
    editResultSchema,
  ),
  'edits.confirm': method(
    'Mark an individual confirmed (or provisional again).',
    z.object({ individualId: id, confirmed: z.boolean() }).strict(),
    editResultSchema,
  ),
  'edits.merge': method(
    'Merge individuals into the target.',
    z.object({ targetId: id, sourceIds: z.array(id).min(1) }).strict(),
    editResultSchema,
  ),
  'edits.split': method(
    'Move detections (or whole tracklets) out into a new individual, or into an existing one.',
    z
      .object({
        detectionIds: z.array(id).default([]),
        trackletIds: z.array(id).default([]),
        intoIndividualId: id.optional(),
      })
      .strict()
      .refine((a) => a.detectionIds.length + a.trackletIds.length > 0, 'give detectionIds or trackletIds'),
    editResultSchema,
  ),
  'edits.review': method(
    'Decide a suggestion: accept merges the pair.',
    z.object({ suggestionId: id, decision: z.enum(['accept', 'reject', 'skip']) }).strict(),
    editResultSchema,
  ),
  'edits.correctDetection': method(
    'Correct a detection: category, sex/age, or mark it a false detection.',
    z
      .object({
        detectionId: id,
        category: category.optional(),
        sexAge: z.string().max(50).nullable().optional(),
        falsePositive: z.boolean().optional(),
      })
      .strict(),
    editResultSchema,
  ),
  'edits.addBox': method(
    'Draw a missed box by hand on a photo; it joins the pipeline like any other detection.',
    z
      .object({
        imageId: id,
        x: z.number().min(0).max(1),
        y: z.number().min(0).max(1),
        w: z.number().positive().max(1),
        h: z.number().positive().max(1),
        category,
        sexAge: z.string().max(50).nullable().optional(),
      })
      .strict(),
    editResultSchema.extend({ detectionId: id }),
  ),
  'edits.setSpecies': method(
    'Set the species of one or several individuals: "deer", or another species by name (remembered by the library).',
    z.object({ individualIds: z.array(id).min(1).max(500), species: speciesName }).strict(),
    editResultSchema,
  ),
  'edits.setSexAge': method(
    'Set the sex/age class of detections and/or individuals (keys b, d, f, u); null lets an individual follow its detections again and clears a detection.',
    z
      .object({
        detectionIds: z.array(id).max(500).default([]),
        individualIds: z.array(id).max(500).default([]),
        sexAge: sexAgeClass.nullable(),
      })
      .strict()
      .refine((a) => a.detectionIds.length + a.individualIds.length > 0, 'give detectionIds or individualIds'),
    editResultSchema,
  ),
  'edits.undo': method('Undo the latest edit.', none, editResultSchema),
  'edits.redo': method('Redo the latest undone edit.', none, editResultSchema),
  'edits.status': method(
    'Whether an edit can be undone or redone, and which kind of edit undo would undo next (the header Undo).',
    none,
    z.object({ canUndo: z.boolean(), canRedo: z.boolean(), undoKind: z.string().nullable() }),
  ),

  'import.preview': method(
    'What is on a card or in folders, before importing.',
    z.object({ sources: z.array(z.string().min(1)).min(1) }).strict(),
    importPreviewSchema,
  ),
  'import.start': method(
    'Start importing (then processing) photos. One job at a time.',
    importOptionsSchema,
    z.object({ jobId: z.number() }),
  ),
  'import.pause': method('Pause the running job (takes effect within a second).', jobRef, ok),
  'import.resume': method('Resume a paused job.', jobRef, ok),
  'import.cancel': method('Cancel a job; what was imported stays.', jobRef, ok),
  'import.current': method('The running job, if any.', none, jobSchema.nullable()),
  'import.history': method(
    'Past imports, newest first.',
    z
      .object({ ...paging })
      .strict()
      .default({ offset: 0, limit: 100 }),
    page(importRecordSchema),
  ),

  'settings.get': method('Library settings.', none, settingsSchema),
  'settings.set': method('Change some settings; returns them all.', settingsSchema.partial().strict(), settingsSchema),

  'calibration.get': method(
    'Score distributions of accepted and rejected suggestions (current embedder), the proposed auto-accept threshold and the switch.',
    none,
    calibrationSchema,
  ),
  'calibration.setAutoAccept': method(
    'Switch auto-accept on (at the proposed threshold unless one is given) or off; refused until calibrated.',
    setAutoAcceptArgsSchema,
    calibrationSchema,
  ),

  'models.status': method(
    "Whether the library's detector and embedder are installed, and how to get them (first run).",
    none,
    modelsStatusSchema,
  ),
  'models.list': method(
    'Every known model (catalog and added by the user) and whether its file is installed.',
    none,
    z.array(modelListingSchema),
  ),
  'models.fetch': method(
    'Download a catalog model (resumable, sha256-checked); progress as task events.',
    z.object({ id: z.string().min(1) }).strict(),
    taskRef,
  ),
  'models.installFromFolder': method(
    'Copy the catalog models found in a folder (a stick, another computer) into the models folder, checked by sha256.',
    z.object({ dir: z.string().min(1) }).strict(),
    z.object({
      installed: z.array(z.string()),
      alreadyInstalled: z.array(z.string()),
      refused: z.array(z.object({ file: z.string(), reason: z.string() })),
    }),
  ),
  'models.checkFile': method(
    'Whether a typed path is a model file Thumper can add (checked as it is typed; models.add validates the model).',
    z.object({ file: z.string().min(1).max(4096) }).strict(),
    z.object({ problem: z.string().nullable(), bytes: z.number().nullable() }),
  ),
  'models.add': method(
    "Register the user's own ONNX model (validated against its family; Ultralytics names read from its metadata).",
    z
      .object({
        file: z.string().min(1),
        family: z.string().optional(),
        labels: z.array(z.string().min(1)).optional(),
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9_.-]*$/)
          .optional(),
        name: z.string().max(200).optional(),
      })
      .strict(),
    z.object({
      id: z.string(),
      kind: z.enum(MODEL_ROLES),
      family: z.string(),
      notes: z.array(z.string()),
      registry: z.string(),
    }),
  ),
  'models.use': method(
    "Make a model the library's detector or embedder and start the processing job that re-runs what depends on it.",
    z.object({ role: z.enum(MODEL_ROLES), id: z.string().min(1), process: z.boolean().default(true) }).strict(),
    z.object({
      previous: z.string(),
      changed: z.boolean(),
      status: modelRoleStatusSchema,
      jobId: z.number().nullable(),
    }),
  ),

  'models.testRun': method(
    'Run a detector once on a sample photo in a worker of its own, writing nothing: provider, timings and boxes (a check of the model).',
    testRunArgsSchema,
    testRunResultSchema,
  ),

  'exports.run': method(
    'Export the library (Camtrap DP, CSV, MegaDetector JSON); progress as task events.',
    exportArgsSchema,
    taskRef,
  ),

  'survey.run': method(
    'A deer survey (Jacobson et al. 1997) over a window of days and cameras: counts by class, unique bucks, estimate.',
    surveyWindowSchema,
    surveyResultSchema,
  ),
  'survey.csv': method('The same survey as CSV text.', surveyWindowSchema, z.string()),
  'survey.saved': method('Saved surveys, newest first.', none, z.array(savedSurveySchema)),
  'survey.save': method('Save a survey (name, window, cameras) to run again.', saveSurveyArgsSchema, savedSurveySchema),
  'survey.remove': method('Remove a saved survey.', byId, ok),

  'dialog.savePdf': method(
    'Save the window as a PDF where the person chooses (desktop only: printToPDF); null when cancelled.',
    z.object({ suggestedName: z.string().min(1).max(200) }).strict(),
    z.string().nullable(),
  ),
  'dialog.pickFolder': method(
    'Native folder picker (desktop only); null when cancelled.',
    z
      .object({ title: z.string().max(200).optional() })
      .strict()
      .default({}),
    z.string().nullable(),
  ),
  'dialog.pickFile': method(
    'Native file picker (desktop only), showing the files with the given extensions; null when cancelled.',
    z
      .object({
        title: z.string().max(200).optional(),
        extensions: z
          .array(z.string().regex(/^[a-z0-9]{1,16}$/))
          .max(10)
          .optional(),
      })
      .strict()
      .default({}),
    z.string().nullable(),
  ),
} as const satisfies Record<string, MethodDef>;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
/** What the caller passes (defaults may be omitted). */
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
/** What the implementation receives after validation (defaults filled in). */
export type ParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHODS, name);
}
