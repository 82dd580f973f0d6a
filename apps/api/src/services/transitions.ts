// One place per lifecycle where a status changes (applications, competitions, assignments, reviews): the move
// is checked against packages/shared's workflow, the UPDATE names the status it expects (a concurrent change
// moves nothing and is refused), and the audit event is written in the same transaction.
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../db/bulk.js';
import {
  type AuditEntityType,
  APPLICATION_MOVES, ASSIGNMENT_MOVES, COMPETITION_MOVES, REPORT_MOVES, REVIEW_MOVES, canMove, type Move,
  type ApplicationStatus, type AssignmentStatus, type CompetitionStatus, type MessageParams, type ReportStatus, type ReviewStatus, type Role,
} from '@konkurs/shared';
import type { Tx } from '../db/client.js';
import { applications, assignments, competitions, reports, reviews } from '../db/schema/index.js';
import { conflict } from '../domain/errors.js';
import { recordAudit, recordAuditEvents } from './audit-log.js';

export interface Actor { id: string | null; role: Role | 'system' }

type ApplicationRow = typeof applications.$inferSelect;
// A status change never needs the content back (about 30 KB of a full application).
const { content: _content, ...columnsWithoutContent } = getTableColumns(applications);
type CompetitionRow = typeof competitions.$inferSelect;
type AssignmentRow = typeof assignments.$inferSelect;
type ReviewRow = typeof reviews.$inferSelect;
type ReportRow = typeof reports.$inferSelect;

/** The move is not in the workflow (for this actor). `who` names the thing: `{ entity, number }` or `{ entity, code }`. */
const wrongStatus = (who: MessageParams, from: string, to: string) => conflict('wrong-status', { ...who, from, to });
/** The guarded UPDATE found the row in another status: someone moved it since it was read. */
const statusChanged = (who: MessageParams, from: string, to: string) => conflict('status-changed', { ...who, from, to });

interface MoveEvent { entityType: AuditEntityType; entityId: string; operatorId?: string | null; detail?: Record<string, unknown> }

/**
 * The steps every lifecycle shares: the workflow's check, the UPDATE guarded by the expected status (`update`
 * answers undefined when it moved nothing), and the audit event (`event` null: another event records it).
 */
async function move<S extends string, R>(
  tx: Tx, moves: readonly Move<S>[], who: MessageParams, from: S, to: S, actor: Actor, at: Date,
  update: () => Promise<R | undefined>, event: MoveEvent | null,
): Promise<R> {
  if (!canMove(moves, from, to, actor.role)) throw wrongStatus(who, from, to);
  const row = await update();
  if (!row) throw statusChanged(who, from, to);
  if (event) {
    await recordAudit(tx, {
      actorId: actor.id, action: `${event.entityType}.${to}`, entityType: event.entityType, entityId: event.entityId, operatorId: event.operatorId,
      before: { status: from }, after: { status: to, ...event.detail }, at,
    });
  }
  return row;
}

export async function transitionApplication(
  tx: Tx,
  app: Pick<ApplicationRow, 'id' | 'status' | 'number'>,
  to: ApplicationStatus,
  actor: Actor,
  at: Date,
  options: { set?: Partial<ApplicationRow>; operatorId?: string | null; detail?: Record<string, unknown> } = {},
): Promise<Omit<ApplicationRow, 'content'>> {
  return move(tx, APPLICATION_MOVES, { entity: 'application', number: app.number }, app.status, to, actor, at, async () => {
    const [row] = await tx.update(applications).set({ ...options.set, status: to, updatedAt: at })
      .where(and(eq(applications.id, app.id), eq(applications.status, app.status))).returning(columnsWithoutContent);
    return row;
  }, { entityType: 'application', entityId: app.id, operatorId: options.operatorId, detail: options.detail });
}

/**
 * The same move for many applications at once (automatic assignment, award decisions): one UPDATE per
 * current status and one audit event per application, written in bulk. All or nothing: when any of them
 * was changed in the meantime the whole move is refused.
 */
export async function transitionApplications(
  tx: Tx,
  apps: readonly Pick<ApplicationRow, 'id' | 'status' | 'number'>[],
  to: ApplicationStatus,
  actor: Actor,
  at: Date,
  options: { set?: Partial<ApplicationRow>; operatorId?: string | null; detail?: (id: string) => Record<string, unknown> | undefined } = {},
): Promise<void> {
  const byStatus = new Map<ApplicationStatus, Pick<ApplicationRow, 'id' | 'number'>[]>();
  for (const app of apps) {
    if (!canMove(APPLICATION_MOVES, app.status, to, actor.role)) throw wrongStatus({ entity: 'application', number: app.number }, app.status, to);
    byStatus.set(app.status, [...(byStatus.get(app.status) ?? []), app]);
  }
  for (const [from, group] of byStatus) {
    const moved = await tx.update(applications).set({ ...options.set, status: to, updatedAt: at })
      .where(and(sql`${applications.id} = any(${uuidArray(group.map((a) => a.id))})`, eq(applications.status, from)))
      .returning({ id: applications.id });
    if (moved.length !== group.length) {
      const still = new Set(moved.map((m) => m.id));
      throw statusChanged({ entity: 'application', number: group.find((a) => !still.has(a.id))!.number }, from, to);
    }
  }
  await recordAuditEvents(tx, apps.map((app) => ({
    actorId: actor.id, action: `application.${to}`, entityType: 'application', entityId: app.id, operatorId: options.operatorId,
    before: { status: app.status }, after: { status: to, ...options.detail?.(app.id) }, at,
  })));
}

export async function transitionCompetition(
  tx: Tx,
  comp: Pick<CompetitionRow, 'id' | 'status' | 'code' | 'operatorId'>,
  to: CompetitionStatus,
  actor: Actor,
  at: Date,
  options: { set?: Partial<CompetitionRow>; detail?: Record<string, unknown> } = {},
): Promise<CompetitionRow> {
  return move(tx, COMPETITION_MOVES, { entity: 'competition', code: comp.code }, comp.status, to, actor, at, async () => {
    const [row] = await tx.update(competitions).set({ ...options.set, status: to, updatedAt: at })
      .where(and(eq(competitions.id, comp.id), eq(competitions.status, comp.status))).returning();
    return row;
  }, { entityType: 'competition', entityId: comp.id, operatorId: comp.operatorId, detail: options.detail });
}

/**
 * An assignment declined or completed by its expert. `audit: false` when another event of the same
 * transaction records the change (a review's submission completes its assignment).
 */
export async function transitionAssignment(
  tx: Tx,
  assignment: Pick<AssignmentRow, 'id' | 'status'>,
  to: AssignmentStatus,
  actor: Actor,
  at: Date,
  options: { set?: Partial<AssignmentRow>; operatorId?: string | null; detail?: Record<string, unknown>; audit?: boolean } = {},
): Promise<AssignmentRow> {
  return move(tx, ASSIGNMENT_MOVES, { entity: 'assignment' }, assignment.status, to, actor, at, async () => {
    const [row] = await tx.update(assignments).set({ ...options.set, status: to })
      .where(and(eq(assignments.id, assignment.id), eq(assignments.status, assignment.status))).returning();
    return row;
  }, options.audit === false ? null : { entityType: 'assignment', entityId: assignment.id, operatorId: options.operatorId, detail: options.detail });
}

/** A review submitted by its expert (final: no move leaves `submitted`). */
export async function transitionReview(
  tx: Tx,
  review: Pick<ReviewRow, 'id' | 'status'>,
  to: ReviewStatus,
  actor: Actor,
  at: Date,
  options: { set?: Partial<ReviewRow>; operatorId?: string | null; detail?: Record<string, unknown> } = {},
): Promise<ReviewRow> {
  return move(tx, REVIEW_MOVES, { entity: 'review' }, review.status, to, actor, at, async () => {
    const [row] = await tx.update(reviews).set({ ...options.set, status: to, updatedAt: at })
      .where(and(eq(reviews.id, review.id), eq(reviews.status, review.status))).returning();
    return row;
  }, { entityType: 'review', entityId: review.id, operatorId: options.operatorId, detail: options.detail });
}

/**
 * A report's move (PRODUCT.md "After the award"): started (due → draft on the first save), submitted, accepted or
 * returned. `who` names it by its application's number.
 */
export async function transitionReport(
  tx: Tx,
  report: Pick<ReportRow, 'id' | 'status'>,
  to: ReportStatus,
  actor: Actor,
  at: Date,
  options: { number: string; set?: { [K in keyof ReportRow]?: ReportRow[K] | SQL }; operatorId?: string | null; detail?: Record<string, unknown> },
): Promise<ReportRow> {
  return move(tx, REPORT_MOVES, { entity: 'report', number: options.number }, report.status, to, actor, at, async () => {
    const [row] = await tx.update(reports).set({ ...options.set, status: to, updatedAt: at })
      .where(and(eq(reports.id, report.id), eq(reports.status, report.status))).returning();
    return row;
  }, { entityType: 'report', entityId: report.id, operatorId: options.operatorId, detail: options.detail });
}
