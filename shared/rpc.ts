/** Wire frames shared by every transport (MessagePort, WebSocket, in-process). */
import { z } from 'zod';
import { ErrorBody } from './errors';

export const CallFrame = z.object({
  kind: z.literal('call'),
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  method: z.string().min(1).max(100),
  input: z.unknown(),
});
export type CallFrame = z.infer<typeof CallFrame>;

export const ResultFrame = z.object({
  kind: z.literal('result'),
  id: z.number().int().positive(),
  result: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ErrorBody })]),
});
export type ResultFrame = z.infer<typeof ResultFrame>;

export const EventFrame = z.object({
  kind: z.literal('event'),
  name: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type EventFrame = z.infer<typeof EventFrame>;

export const ServerFrame = z.discriminatedUnion('kind', [ResultFrame, EventFrame]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Largest frame a transport accepts; bigger ones are treated as malformed. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;
