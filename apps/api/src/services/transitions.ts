// One place where an application or a competition changes status: checks the move against the
// workflow, guards against a concurrent change (the UPDATE names the status it expects), and writes
// the audit event in the same transaction.
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { uuidArray } from '../db/bulk.js';
import { APPLICATION_MOVES, COMPETITION_MOVES, canMove, type ApplicationStatus, type CompetitionStatus, type Role } from '@konkurs/shared';
import type { Tx } from '../db/client.js';
import { applications, competitions } from '../db/schema/index.js';
import { conflict } from '../lib/problem.js';
import { recordAudit, recordAuditEvents } from './audit-log.js';

export interface Actor { id: string | null; role: Role | 'system' }

type ApplicationRow = typeof applications.$inferSelect;
// A status change never needs the content back (about 30 KB of a full application).
const { content: _content, ...columnsWithoutContent } = getTableColumns(applications);
type CompetitionRow = typeof competitions.$inferSelect;

export async function transitionApplication(
  tx: Tx,
  app: Pick<ApplicationRow, 'id' | 'status' | 'number'>,
  to: ApplicationStatus,
  actor: Actor,
  at: Date,
  options: { set?: Partial<ApplicationRow>; operatorId?: string | null; detail?: Record<string, unknown> } = {},
): Promise<Omit<ApplicationRow, 'content'>> {
  if (!canMove(APPLICATION_MOVES, app.status, to, actor.role))
    throw conflict('wrong-status', `Application ${app.number} is ${app.status}; it cannot become ${to}`);
  const [row] = await tx.update(applications)
    .set({ ...options.set, status: to, updatedAt: at })
    .where(and(eq(applications.id, app.id), eq(applications.status, app.status)))
    .returning(columnsWithoutContent);
  if (!row) throw conflict('wrong-status', `Application ${app.number} was changed by someone else; reload it`);
  await recordAudit(tx, {
    actorId: actor.id, action: `application.${to}`, entityType: 'application', entityId: app.id, operatorId: options.operatorId,
    before: { status: app.status }, after: { status: to, ...options.detail }, at,
  });
  return row;
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
  const byStatus = new Map<ApplicationStatus, string[]>();
  for (const app of apps) {
    if (!canMove(APPLICATION_MOVES, app.status, to, actor.role))
      throw conflict('wrong-status', `Application ${app.number} is ${app.status}; it cannot become ${to}`);
    byStatus.set(app.status, [...(byStatus.get(app.status) ?? []), app.id]);
  }
  for (const [from, ids] of byStatus) {
    const moved = await tx.update(applications).set({ ...options.set, status: to, updatedAt: at })
      .where(and(sql`${applications.id} = any(${uuidArray(ids)})`, eq(applications.status, from)))
      .returning({ id: applications.id });
    if (moved.length !== ids.length) throw conflict('wrong-status', 'Some applications were changed by someone else; reload and try again');
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
  if (!canMove(COMPETITION_MOVES, comp.status, to, actor.role))
    throw conflict('wrong-status', `Competition ${comp.code} is ${comp.status}; it cannot become ${to}`);
  const [row] = await tx.update(competitions)
    .set({ ...options.set, status: to, updatedAt: at })
    .where(and(eq(competitions.id, comp.id), eq(competitions.status, comp.status)))
    .returning();
  if (!row) throw conflict('wrong-status', `Competition ${comp.code} was changed by someone else; reload it`);
  await recordAudit(tx, {
    actorId: actor.id, action: `competition.${to}`, entityType: 'competition', entityId: comp.id, operatorId: comp.operatorId,
    before: { status: comp.status }, after: { status: to, ...options.detail }, at,
  });
  return row;
}
