// After the award (PRODUCT.md "After the award"): each winner's reports, their submitted rounds with the organiser's
// decisions, their supporting documents, and the printable documents whose sha256 the audit log recorded. Migration 0013.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DOCUMENT_KINDS, REPORT_KINDS, REPORT_STATUSES, type FieldComment, type ReportFields } from '@konkurs/shared';
import { applications } from './applications.js';
import { competitions } from './competitions.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

const money = (name: string) => bigint(name, { mode: 'number' });

export const reports = pgTable('reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  // The application's, copied for the lists and the scope (an organiser's operator, an organisation's members).
  competitionId: uuid('competition_id').notNull().references(() => competitions.id),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  kind: text('kind', { enum: REPORT_KINDS }).notNull(),
  /** 1, 2… in the schedule's order (the final report last). */
  seq: integer('seq').notNull(),
  /** The deadline: the due date's last second in the competition's timezone. */
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  status: text('status', { enum: REPORT_STATUSES }).notNull().default('due'),
  version: integer('version').notNull().default(1),
  /** Every field as the organisation typed it. */
  content: jsonb('content').$type<ReportFields>().notNull().default({}),
  // Derived from `content` on every save, for lists and totals.
  grantSpentKopecks: money('grant_spent_kopecks').notNull().default(0),
  cofinancingSpentKopecks: money('cofinancing_spent_kopecks').notNull().default(0),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  /** The latest return's comment and comments per field (kept in report_rounds too). */
  reviewComment: text('review_comment'),
  fieldComments: jsonb('field_comments').$type<FieldComment[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('reports_application_seq_key').on(t.applicationId, t.seq),
  index('reports_competition_status_idx').on(t.competitionId, t.status, t.dueAt),
  index('reports_organization_idx').on(t.organizationId),
  // The reminders' sweep: reports still owed, by deadline.
  index('reports_owed_due_idx').on(t.dueAt).where(sql`status in ('due', 'draft', 'returned')`),
]);

/** Each submission of a report, as submitted, with the organiser's decision on it. */
export const reportRounds = pgTable('report_rounds', {
  reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
  round: integer('round').notNull(),
  version: integer('version').notNull(),
  content: jsonb('content').$type<ReportFields>().notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  submittedBy: uuid('submitted_by').references(() => users.id),
  decision: text('decision', { enum: ['accept', 'return'] }),
  comment: text('comment'),
  fieldComments: jsonb('field_comments').$type<FieldComment[]>().notNull().default([]),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
}, (t) => [primaryKey({ columns: [t.reportId, t.round] })]);

/** A report's supporting documents (the same upload rules as an application's), optionally of one budget line. */
export const reportAttachments = pgTable('report_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
  budgetIndex: integer('budget_index'),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  /** Server-made key in the file storage; never derived from the user's file name. */
  storageKey: text('storage_key').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('report_attachments_report_idx').on(t.reportId)]);

/**
 * The printable documents rendered so far: a document's sha256 goes into the audit log the first time those exact
 * bytes are rendered (a second download of the same bytes records nothing; changed data makes another entry).
 */
export const documents = pgTable('documents', {
  kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
  objectId: uuid('object_id').notNull(),
  sha256: text('sha256').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.objectId, t.sha256] })]);
