// Models and exports in the API: the shapes the Models and Export views use. Downloads and exports run as host tasks
// (core/services/tasks.ts): the method answers a task id at once, then `task.progress` events report the steps and one
// `task.finished` event the outcome. Switching models starts an ordinary processing job (`job.*` events).
import { z } from 'zod';
import { category } from './entities';
import { utcOffsetSchema } from './utcOffset';

export const MODEL_ROLES = ['detector', 'embedder'] as const;
export const EXPORT_FORMATS = ['camtrap-dp', 'csv', 'megadetector'] as const;
export const TASK_KINDS = ['models.fetch', 'export'] as const;

export const modelRoleStatusSchema = z.object({
  role: z.enum(MODEL_ROLES),
  id: z.string(),
  status: z.enum(['installed', 'missing', 'unknown', 'wrong-kind']),
  file: z.string().nullable(),
  /** A catalog download exists: offer models.fetch. */
  fetchable: z.boolean(),
  /** What to do when not installed, for a person. */
  howTo: z.string().nullable(),
});

export const modelsStatusSchema = z.object({
  folder: z.object({ dir: z.string(), from: z.enum(['--models', 'THUMPER_MODELS_DIR', 'default']) }),
  roles: z.array(modelRoleStatusSchema),
  /** Both models of the library are installed: processing can run. */
  ready: z.boolean(),
});

export const modelListingSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(MODEL_ROLES),
  family: z.string(),
  licence: z.string(),
  source: z.string(),
  size: z.number().nullable(),
  status: z.enum(['installed', 'missing', 'corrupt']),
  /** Added by the user (models.add) rather than from the catalog. */
  user: z.boolean(),
});

export const taskRef = z.object({ taskId: z.number() });

export const taskProgressSchema = z.object({
  taskId: z.number(),
  kind: z.enum(TASK_KINDS),
  step: z.string(),
  done: z.number(),
  /** Null when the size is not known (a download without a length). */
  total: z.number().nullable(),
});

export const taskFinishedSchema = z.object({
  taskId: z.number(),
  kind: z.enum(TASK_KINDS),
  status: z.enum(['done', 'failed']),
  /** One line for a person: what was written or installed. */
  summary: z.string().nullable(),
  error: z.string().nullable(),
});

export const exportArgsSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    /** Absolute path: a folder for camtrap-dp and csv, a .json file for megadetector. */
    out: z.string().min(1),
    utcOffset: utcOffsetSchema.optional(),
    coordinates: z.string().optional(),
    species: z.string().max(200).optional(),
    contributor: z.string().max(200).optional(),
    title: z.string().max(500).optional(),
  })
  .strict();

export const testRunArgsSchema = z
  .object({
    role: z.literal('detector'),
    /** Default: the library's detector. */
    modelId: z.string().min(1).optional(),
    /** Default: the first processed photo with an animal, else any imported photo. */
    photoId: z.number().int().positive().optional(),
  })
  .strict();

/** One run of a detector on one photo, in the host, written nowhere: what the Models view shows as a check. */
export const testRunResultSchema = z.object({
  modelId: z.string(),
  provider: z.enum(['cuda', 'cpu']),
  /** Why it is not on CUDA when CUDA was wanted or possible. */
  providerNote: z.string().nullable(),
  photoId: z.number(),
  ms: z.object({ load: z.number(), decode: z.number(), infer: z.number() }),
  detections: z.array(
    z.object({
      category,
      confidence: z.number(),
      /** Normalised, oriented image: top-left x, y, width, height. */
      x: z.number(),
      y: z.number(),
      w: z.number(),
      h: z.number(),
      duplicate: z.boolean(),
    }),
  ),
});
