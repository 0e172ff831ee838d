// Deer surveys in the API (Jacobson et al. 1997): what a survey covers, the counts and estimate it gives, and the
// surveys a user saved to compare seasons. Mirrors core/survey's SurveyResult.
import { z } from 'zod';

export const DEER_CLASSES = ['buck', 'doe', 'fawn', 'unknown'] as const;
export type DeerClass = (typeof DEER_CLASSES)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const surveyWindowSchema = z
  .object({
    /** First and last day, inclusive, in the cameras' local time. */
    from: day.nullable().default(null),
    to: day.nullable().default(null),
    /** Camera ids; empty means every camera. */
    cameras: z.array(z.number().int().positive()).max(1000).default([]),
  })
  .strict()
  .refine((w) => !w.from || !w.to || w.from <= w.to, 'the survey ends before it starts');
export type SurveyWindow = z.infer<typeof surveyWindowSchema>;

const byClass = z.object({ buck: z.number(), doe: z.number(), fawn: z.number(), unknown: z.number() });
export type ByClass = z.infer<typeof byClass>;

export const surveyResultSchema = z.object({
  from: day.nullable(),
  to: day.nullable(),
  cameras: z.array(z.number().int()),
  observations: byClass,
  uniqueBucks: z.number().int(),
  /** Deer individuals with at least one sighting in the window, whatever their class. */
  minimumKnownAlive: z.number().int(),
  ratios: z.object({ buckToDoe: z.number().nullable(), fawnToDoe: z.number().nullable() }),
  estimate: z.object({ bucks: z.number(), does: z.number(), fawns: z.number(), total: z.number() }).nullable(),
  interval: z.object({ total: z.tuple([z.number(), z.number()]) }).nullable(),
  /** How the interval was computed, or why there is none, in words. */
  method: z.string(),
  /** Independent visits (trigger sequences) in the window: the bootstrap's resampling unit. */
  visits: z.number().int(),
  perCamera: z.array(
    z.object({
      cameraId: z.number().int(),
      camera: z.string(),
      observations: byClass,
      uniqueBucks: z.number().int(),
      visits: z.number().int(),
    }),
  ),
  /** Observations per week (weeks start on Monday), with the week's fawn:doe ratio. */
  weekly: z.array(z.object({ week: day, observations: byClass, fawnToDoe: z.number().nullable() })),
  /** Observations per hour of day (0-23), local time. */
  hourly: z.array(z.object({ hour: z.number().int(), observations: byClass })),
  /** Each unique buck with the detection that shows it best (for the report's photos). */
  bucks: z.array(
    z.object({
      individualId: z.number().int(),
      name: z.string(),
      detectionId: z.number().int(),
      sightings: z.number(),
    }),
  ),
});
export type SurveyResult = z.infer<typeof surveyResultSchema>;

export const savedSurveySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  from: day.nullable(),
  to: day.nullable(),
  cameras: z.array(z.number().int()),
  createdAt: z.string(),
});
export type SavedSurvey = z.infer<typeof savedSurveySchema>;

export const saveSurveyArgsSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    from: day.nullable().default(null),
    to: day.nullable().default(null),
    cameras: z.array(z.number().int().positive()).max(1000).default([]),
  })
  .strict();
