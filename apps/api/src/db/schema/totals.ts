import { bigint, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * The totals of each (competition, region, direction): the figures of /stats/totals pre-aggregated, so that a
 * national report reads a few thousand rows, not 200,000. Maintained only by the statement-level triggers on
 * applications (migration 0003_application_totals_triggers), in the same transaction as the change; never written
 * by the application. `direction_code` is '' for an application without one. Derived data: no foreign keys.
 */
export const applicationTotals = pgTable('application_totals', {
  competitionId: uuid('competition_id').notNull(),
  regionCode: text('region_code').notNull(),
  directionCode: text('direction_code').notNull(),
  submitted: integer('submitted').notNull().default(0),
  admitted: integer('admitted').notNull().default(0),
  winners: integer('winners').notNull().default(0),
  requestedKopecks: bigint('requested_kopecks', { mode: 'number' }).notNull().default(0),
  awardedKopecks: bigint('awarded_kopecks', { mode: 'number' }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.competitionId, t.regionCode, t.directionCode] })]);
