import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import type { EmailKind, NotificationKind } from '@konkurs/shared';
import { users } from './users.js';

/**
 * What a user is told in the app: written by the use case in the transaction of its event, rendered in the user's
 * language. `dedupeKey` (reminders: user, kind, object, step) makes a second write of the same notice a no-op.
 */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  kind: text('kind').$type<NotificationKind>().notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** A path of the SPA (`/applications/…`), never an absolute address. */
  link: text('link').notNull(),
  objectType: text('object_type'),
  objectId: uuid('object_id'),
  dedupeKey: text('dedupe_key'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  readAt: timestamp('read_at', { withTimezone: true, precision: 3 }),
}, (t) => [
  index('notifications_user_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
  index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
]);

/** A user's choice per kind: e-mail on or off (absent: on). The inbox always has every notice. */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id').notNull().references(() => users.id),
  kind: text('kind').$type<NotificationKind>().notNull(),
  email: boolean('email').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.kind] })]);

/**
 * The transactional outbox: one row per e-mail, written in the transaction of its event and sent by the worker
 * (services/mail-worker.ts). The body is rendered when sent or read (lib/email.ts) from `payload`, so that the row
 * needs no public address. `lockedUntil`: claimed by a worker until then (FOR UPDATE SKIP LOCKED).
 */
export const emailOutbox = pgTable('email_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').references(() => users.id),
  toAddress: text('to_address').notNull(),
  kind: text('kind').$type<EmailKind>().notNull(),
  language: text('language', { enum: ['ru', 'en'] }).notNull(),
  subject: text('subject').notNull(),
  /** What the e-mail says: `{ title, body, link, secret? }`; a secret link is scrubbed once the e-mail is sent. */
  payload: jsonb('payload').$type<EmailPayload>().notNull(),
  status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
  lastError: text('last_error'),
  messageId: text('message_id'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
}, (t) => [
  index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
  index('email_outbox_status_idx').on(t.status, t.createdAt.desc(), t.id.desc()),
]);

export interface EmailPayload {
  title: string;
  body: string;
  /** A path of the SPA the e-mail's button opens (made absolute with PUBLIC_URL when rendered). */
  link: string;
  /** The link carries a secret (a reset or confirmation token): scrubbed from the row once sent. */
  secret?: boolean;
}

/** Single-use secrets sent by e-mail (password reset 1 h, e-mail confirmation): only their sha256 is kept. */
export const accountTokens = pgTable('account_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  purpose: text('purpose', { enum: ['password-reset', 'verify-email'] }).notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
}, (t) => [uniqueIndex('account_tokens_hash_key').on(t.tokenHash), index('account_tokens_user_idx').on(t.userId, t.purpose)]);
