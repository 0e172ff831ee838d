// Messages on the wire between a client and a host (WebSocket frames in serve mode; the same envelopes are the
// results of Electron's ipcRenderer.invoke, because Electron drops custom error fields when a handler throws).
import { z } from 'zod';
import { apiErrorSchema, type ApiErrorData } from './errors';

export const callMessageSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().min(0),
  method: z.string(),
  args: z.unknown(),
});
export type CallMessage = z.infer<typeof callMessageSchema>;

export type Reply = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };
export const replySchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

export type ResultMessage = { type: 'result'; id: number } & Reply;
export interface EventMessage {
  type: 'event';
  event: string;
  payload: unknown;
}
export type ServerMessage = ResultMessage | EventMessage;
