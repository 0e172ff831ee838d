// Every event the renderer may receive. Hosts push them to every connected window/socket.
import { z } from 'zod';
import { id, jobSummarySchema, progressSnapshotSchema } from './entities';
import { taskFinishedSchema, taskProgressSchema } from './models';

export const LIBRARY_SCOPES = [
  'photos',
  'detections',
  'individuals',
  'suggestions',
  'cameras',
  'imports',
  'settings',
  'surveys',
] as const;

export const EVENTS = {
  /** A few times a second while a job runs. */
  'job.progress': progressSnapshotSchema,
  'job.finished': z.object({
    jobId: z.number(),
    status: z.enum(['done', 'cancelled', 'failed']),
    summary: jobSummarySchema,
    /** Why it failed, for a person. */
    error: z.string().nullable(),
  }),
  /** The worker process died during a job and was restarted; the job continues. */
  'job.workerRestarted': z.object({ jobId: z.number(), restarts: z.number(), reason: z.string() }),
  /** A host task (model download, export) moved on: a few times a second at most. */
  'task.progress': taskProgressSchema,
  /** A host task ended; its progress events stop. */
  'task.finished': taskFinishedSchema,
  /** Data changed: views showing these scopes refetch. */
  'library.changed': z.object({ scopes: z.array(z.enum(LIBRARY_SCOPES)), individualIds: z.array(id).optional() }),
  /** Desktop, best effort: a removable volume with a DCIM folder appeared. */
  'volume.detected': z.object({ path: z.string(), label: z.string().nullable() }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof EVENTS;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENTS, name);
}
