import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OPERATOR_LEVELS, ROLES } from '@konkurs/shared';
import { regions } from './reference.js';

export const operators = pgTable('operators', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  level: text('level', { enum: OPERATOR_LEVELS }).notNull(),
  regionCode: text('region_code').references(() => regions.code),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  fullName: text('full_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  operatorId: uuid('operator_id').references(() => operators.id),
  expertDirections: text('expert_directions').array().notNull().default(sql`'{}'::text[]`),
  regionCode: text('region_code').references(() => regions.code),
  active: boolean('active').notNull().default(true),
  /** When the owner of the address proved it (a link from the confirmation or reset e-mail); staff accounts at creation. */
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  /** The language notifications and e-mails are written in. */
  language: text('language', { enum: ['ru', 'en'] }).notNull().default('ru'),
  /** The version of the 152-ФЗ consent text the user accepted, and when; null: not given (a client older than the consent). */
  consentVersion: text('consent_version'),
  consentAt: timestamp('consent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_email_key').on(t.email),
  index('users_role_idx').on(t.role, t.operatorId),
]);

/** A signed-in session: the JWT carries its id; logout and a password change revoke it. */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [index('sessions_user_idx').on(t.userId)]);
