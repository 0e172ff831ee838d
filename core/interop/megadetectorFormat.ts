// The MegaDetector batch output format (1.x, see ../shared/interop/INTEROP.md), checked at the boundary so a wrong
// file is a readable error rather than a half-done import.
import { z } from 'zod';

const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);

const detection = z.object({
  category: z.string(),
  conf: z.number().min(0).max(1),
  bbox: box,
  classifications: z.array(z.tuple([z.string(), z.number()])).optional(),
  /** A video's box: the frame it is on (MegaDetector's video convention, format 1.4 and later). */
  frame_number: z.number().int().min(0).optional(),
});

const image = z.object({
  file: z.string().min(1),
  detections: z.array(detection).nullable().optional(),
  failure: z.string().nullable().optional(),
  /** A video's frames per second and the frames detection ran on (format 1.5 and later). */
  frame_rate: z.number().optional(),
  frames_processed: z.array(z.number().int()).optional(),
});

export const megadetectorFile = z.object({
  info: z
    .object({
      format_version: z.string().regex(/^1\./, 'only MegaDetector format 1.x is supported'),
      detector: z.string().optional(),
      detector_metadata: z
        .object({
          typical_detection_threshold: z.number().optional(),
          conservative_detection_threshold: z.number().optional(),
        })
        .passthrough()
        .optional(),
    })
    .passthrough(),
  detection_categories: z.record(z.string(), z.string()),
  classification_categories: z.record(z.string(), z.string()).optional(),
  images: z.array(image),
});

export type MegadetectorFile = z.infer<typeof megadetectorFile>;
export type MegadetectorImage = z.infer<typeof image>;

export class MegadetectorFormatError extends Error {}

/** Parses and checks a MegaDetector JSON text; the error names the first problem and where it is. */
export function parseMegadetector(text: string, name = 'the file'): MegadetectorFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MegadetectorFormatError(`${name} is not JSON: ${(err as Error).message}`);
  }
  const result = megadetectorFile.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new MegadetectorFormatError(
      `${name} is not a MegaDetector batch output file: ${issue.path.join('.') || 'top level'}: ${issue.message}`,
    );
  }
  return result.data;
}
