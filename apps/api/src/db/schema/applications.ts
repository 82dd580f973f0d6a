import { bigint, boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES, ATTACHMENT_KINDS, NOT_SUPPORTED_REASONS, type DraftFields } from '@konkurs/shared';
import { competitions } from './competitions.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

const money = (name: string) => bigint(name, { mode: 'number' });

export const applications = pgTable('applications', {
  id: uuid('id').primaryKey().defaultRandom(),
  competitionId: uuid('competition_id').notNull().references(() => competitions.id),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  number: text('number').notNull(),
  status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
  version: integer('version').notNull().default(1),
  /** Every draft field as the applicant typed it (the sections of the form). */
  content: jsonb('content').$type<DraftFields>().notNull().default({}),
  // Columns derived from `content` on every save, for lists, totals and ranking.
  title: text('title'),
  directionCode: text('direction_code'),
  /** The organisation's region when the application was created: totals group by it. */
  regionCode: text('region_code').notNull(),
  totalCostKopecks: money('total_cost_kopecks').notNull().default(0),
  cofinancingKopecks: money('cofinancing_kopecks').notNull().default(0),
  requestedKopecks: money('requested_kopecks').notNull().default(0),
  awardedKopecks: money('awarded_kopecks'),
  finalScore: numeric('final_score', { precision: 6, scale: 2, mode: 'number' }),
  divergent: boolean('divergent').notNull().default(false),
  /** Why the award allocation passed it over (NOT_SUPPORTED_REASONS), recorded with the decision; null otherwise. Migration 0008. */
  notSupportedReason: text('not_supported_reason', { enum: NOT_SUPPORTED_REASONS }),
  extraReviewerAssigned: boolean('extra_reviewer_assigned').notNull().default(false),
  screeningReason: text('screening_reason'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 6 }),
  /** When a member hid the withdrawn application from the organisation's list (null: shown). Migration 0009. */
  hiddenAt: timestamp('hidden_at', { withTimezone: true }),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('applications_number_key').on(t.number),
  index('applications_competition_status_idx').on(t.competitionId, t.status),
  index('applications_organization_idx').on(t.organizationId, t.competitionId),
  index('applications_region_idx').on(t.regionCode, t.status),
  index('applications_direction_idx').on(t.directionCode, t.status),
]);

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  /** Server-made key in the file storage; never derived from the user's file name. */
  storageKey: text('storage_key').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('attachments_application_idx').on(t.applicationId)]);
