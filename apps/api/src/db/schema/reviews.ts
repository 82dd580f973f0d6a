import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { ASSIGNMENT_STATUSES, REVIEW_STATUSES } from '@konkurs/shared';
import { applications } from './applications.js';
import { competitions } from './competitions.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

/** A typed conflict of interest between an expert and an organisation. */
export const conflicts = pgTable('conflicts', {
  id: uuid('id').primaryKey().defaultRandom(),
  expertId: uuid('expert_id').notNull().references(() => users.id),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  kind: text('kind', { enum: ['declared', 'declined'] }).notNull(),
  reason: text('reason').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('conflicts_expert_org_key').on(t.expertId, t.organizationId)]);

export const assignments = pgTable('assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  competitionId: uuid('competition_id').notNull().references(() => competitions.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  expertId: uuid('expert_id').notNull().references(() => users.id),
  status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull().default('assigned'),
  /** The extra expert assigned after a divergence. */
  isExtra: boolean('is_extra').notNull().default(false),
  dueAt: timestamp('due_at', { withTimezone: true }),
  declineReason: text('decline_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('assignments_application_expert_key').on(t.applicationId, t.expertId),
  index('assignments_expert_idx').on(t.expertId, t.status),
  index('assignments_competition_idx').on(t.competitionId),
  /** The reminders' due reviews (queries/reminders.ts): only open work, however many past rounds the table holds. */
  index('assignments_due_idx').on(t.dueAt).where(sql`${t.status} = 'assigned'`),
]);

export interface StoredScore { criterionCode: string; score: number | null; comment: string }

export const reviews = pgTable('reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  expertId: uuid('expert_id').notNull().references(() => users.id),
  status: text('status', { enum: REVIEW_STATUSES }).notNull().default('draft'),
  version: integer('version').notNull().default(1),
  scores: jsonb('scores').$type<StoredScore[]>().notNull().default([]),
  comment: text('comment').notNull().default(''),
  total: numeric('total', { precision: 6, scale: 2, mode: 'number' }),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('reviews_assignment_key').on(t.assignmentId),
  // Covers the ranking's read of a competition's submitted totals (index-only, already in submission order per
  // application): fetching ~24,000 wide review rows from the heap cost more than the rest of the ranking.
  index('reviews_application_totals_idx').on(t.applicationId, t.status, t.submittedAt, t.id, t.expertId, t.total),
]);

export const awards = pgTable('awards', {
  id: uuid('id').primaryKey().defaultRandom(),
  competitionId: uuid('competition_id').notNull().references(() => competitions.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  rank: integer('rank').notNull(),
  amountKopecks: bigint('amount_kopecks', { mode: 'number' }).notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('awards_application_key').on(t.applicationId), index('awards_competition_idx').on(t.competitionId)]);
