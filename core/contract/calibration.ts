// Calibration of auto-accept in the API: both score distributions of the current embedder's decided suggestions, the
// proposed threshold (or why there is none yet) and the auto-accept switch. Mirrors core/calibration's Calibration.
import { z } from 'zod';

export const calibrationSchema = z.object({
  embedder: z.string(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** Why there is no proposal yet, for a person; null when there is one. */
  waitingFor: z.string().nullable(),
  proposal: z
    .object({
      threshold: z.number(),
      precision: z.number(),
      acceptedAbove: z.number(),
      rejectedAbove: z.number(),
      recall: z.number(),
    })
    .nullable(),
  /** Equal-width bins over the decided scores, accepted and rejected counted separately. */
  histogram: z.array(
    z.object({ from: z.number(), to: z.number(), accepted: z.number().int(), rejected: z.number().int() }),
  ),
  targetPrecision: z.number(),
  autoAccept: z.boolean(),
  autoAcceptThreshold: z.number().nullable(),
  autoAcceptEmbedder: z.string().nullable(),
});
export type CalibrationData = z.infer<typeof calibrationSchema>;

export const setAutoAcceptArgsSchema = z
  .object({ enabled: z.boolean(), threshold: z.number().min(0).max(1).optional() })
  .strict();
