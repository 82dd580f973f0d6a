import { sql } from 'drizzle-orm';
import { boolean, bigint, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, primaryKey } from 'drizzle-orm/pg-core';
import { COMPETITION_STATUSES, type CommissionMember } from '@konkurs/shared';
import { operators, users } from './users.js';

const money = (name: string) => bigint(name, { mode: 'number' });

export const competitions = pgTable('competitions', {
  id: uuid('id').primaryKey().defaultRandom(),
  operatorId: uuid('operator_id').notNull().references(() => operators.id),
  code: text('code').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  status: text('status', { enum: COMPETITION_STATUSES }).notNull().default('draft'),
  directionCodes: text('direction_codes').array().notNull(),
  regionCodes: text('region_codes').array().notNull().default(sql`'{}'::text[]`),
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  timezone: text('timezone').notNull().default('Europe/Moscow'),
  budgetKopecks: money('budget_kopecks').notNull(),
  minGrantKopecks: money('min_grant_kopecks').notNull(),
  maxGrantKopecks: money('max_grant_kopecks').notNull(),
  maxProjectMonths: integer('max_project_months').notNull(),
  minCofinancingPercent: numeric('min_cofinancing_percent', { mode: 'number' }).notNull(),
  reviewersPerApplication: integer('reviewers_per_application').notNull().default(2),
  divergenceThreshold: numeric('divergence_threshold', { mode: 'number' }).notNull().default(30),
  passMark: numeric('pass_mark', { mode: 'number' }).notNull(),
  oneWinPerOrganization: boolean('one_win_per_organization').notNull().default(true),
  maxApplicationsPerOrganization: integer('max_applications_per_organization').notNull(),
  requiredAttachmentKinds: text('required_attachment_kinds').array().notNull().default(sql`'{}'::text[]`),
  /** Last application sequence number issued: numbers are `<code>-<6-digit seq>`. */
  applicationSeq: integer('application_seq').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  /** The winners' interim report dates (null: one at each project's midpoint). Migration 0013. */
  reportInterimDates: date('report_interim_dates', { mode: 'string' }).array(),
  /** The commission the protocol lists, in order. Migration 0013. */
  commission: jsonb('commission').$type<CommissionMember[]>().notNull().default([]),
}, (t) => [uniqueIndex('competitions_code_key').on(t.code), index('competitions_operator_status_idx').on(t.operatorId, t.status)]);

export const criteria = pgTable('criteria', {
  id: uuid('id').primaryKey().defaultRandom(),
  competitionId: uuid('competition_id').notNull().references(() => competitions.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  weight: numeric('weight', { mode: 'number' }).notNull(),
  maxScore: integer('max_score').notNull(),
  commentRequired: boolean('comment_required').notNull().default(false),
  position: integer('position').notNull(),
}, (t) => [uniqueIndex('criteria_competition_code_key').on(t.competitionId, t.code)]);

/** The competition's expert pool. */
export const competitionExperts = pgTable('competition_experts', {
  competitionId: uuid('competition_id').notNull().references(() => competitions.id, { onDelete: 'cascade' }),
  expertId: uuid('expert_id').notNull().references(() => users.id),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.competitionId, t.expertId] })]);
