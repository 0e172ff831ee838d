// library.check: the result of checking a library (core/library/check.ts), for the app's Library check panel.
import { z } from 'zod';

export const CHECK_PROBLEM_KINDS = ['missing', 'changed', 'orphan', 'temp', 'vector', 'cache', 'database'] as const;

export const checkReportSchema = z.object({
  photos: z.number().int(),
  problems: z.array(
    z.object({ kind: z.enum(CHECK_PROBLEM_KINDS), what: z.string(), detail: z.string(), repaired: z.boolean() }),
  ),
  /** Problems left after a repair (all of them without one). */
  remaining: z.number().int(),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

export const checkArgsSchema = z
  .object({ repair: z.boolean().default(false) })
  .strict()
  .default({ repair: false });
