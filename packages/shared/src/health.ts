// What the health endpoints answer: liveness of the process, and readiness (the database answers).
import { z } from 'zod';

export const health = z.object({ status: z.literal('ok') });
export const readiness = z.object({ status: z.literal('ready') });
export const unavailable = z.object({ status: z.literal('unavailable') });
export type Health = z.infer<typeof health>;
export type Readiness = z.infer<typeof readiness>;
