import { z } from 'zod';
import { DIRECTION_CODES, REGION_CODES } from './reference.js';
import type { MessageParams } from './messages/index.js';

export const id = z.uuid();
/** Money: an integer number of kopecks. */
export const kopecks = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const instant = z.iso.datetime({ offset: true });
export const calendarDate = z.iso.date();
export const regionCode = z.enum(REGION_CODES as [string, ...string[]]);
export const directionCode = z.enum(DIRECTION_CODES as [string, ...string[]]);
export const email = z.email().max(254).transform((s) => s.toLowerCase());
/** A row version: a PostgreSQL integer, so a client cannot send one the column cannot hold. */
export const version = z.number().int().min(1).max(2_147_483_647);

/** Text a user types: trimmed of nothing (what they typed is kept), bounded. */
export const text = (max: number) => z.string().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** One field's problem by code: what a schema check or a rule says, before it is put into words (`errors[]` of a problem). */
export interface FieldIssue { path: string; code: string; params?: MessageParams }

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** A stable code (the end of `type`): clients translate by it. */
  code: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string().optional(), params: z.record(z.string(), z.unknown()).optional(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problem>;

export const idParams = z.object({ id });
