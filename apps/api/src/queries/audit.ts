// Reading the audit log: a page of events and, in one statement for the whole page, the names people read in
// place of ids (the actor, the object, and every id the events' before/after mention).
import { and, desc, eq, gte, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEntity, AuditEntityType, AuditQuery, Role } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import { applications, auditEvents } from '../db/schema/index.js';
import { rowsOf, uuidArray } from '../db/bulk.js';

export type AuditRow = typeof auditEvents.$inferSelect;

const NOBODY = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_SQL = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/**
 * An application's events from its submission on: every reader of the log is staff (an organiser, the admin), and
 * staff never see what happened to a draft (PRODUCT.md, Audit), whatever the filter: object, action or time.
 */
const FROM_SUBMISSION = or(sql`${auditEvents.entityType} <> 'application'`, sql`exists (select 1 from ${applications}
  where ${applications.id} = (case when ${auditEvents.entityId} ~ ${UUID_SQL} then ${auditEvents.entityId}::uuid end) and ${isNotNull(applications.submittedAt)} and ${auditEvents.at} >= ${applications.submittedAt})`)!;

/** Newest first, limit+1 rows; an application's only from its submission on. `operatorId` set: that operator's events only. */
export async function auditEventsPage(db: Executor, filter: Omit<AuditQuery, 'limit' | 'cursor'> & { operatorId?: string | null; beforeId?: number },
  limit: number): Promise<AuditRow[]> {
  const where: SQL[] = [FROM_SUBMISSION];
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.from) where.push(gte(auditEvents.at, new Date(filter.from)));
  if (filter.to) where.push(lt(auditEvents.at, new Date(filter.to)));
  if (filter.operatorId !== undefined) where.push(eq(auditEvents.operatorId, filter.operatorId ?? NOBODY));
  if (filter.beforeId !== undefined) where.push(lt(auditEvents.id, filter.beforeId));
  return db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.id)).limit(limit + 1);
}

/** What one id names: its kind (an entity type) and the words for it. */
export interface AuditName {
  id: string;
  kind: AuditEntityType;
  number: string | null;
  code: string | null;
  title: string | null;
  role: Role | null;
  expertName: string | null;
  applicationId: string | null;
}

/**
 * Every id of the list that is a user, an organisation, an application, a competition, an operator, an assignment, a
 * review or a report (by its application). A draft is not named: an id of one in an event's before/after stays an id
 * (staff never read a draft's title).
 */
export async function auditNames(db: Executor, ids: readonly string[]): Promise<AuditName[]> {
  if (ids.length === 0) return [];
  const list = uuidArray(ids);
  const result = await db.execute(sql`
    select u.id::text, 'user' as kind, null as number, null as code, u.full_name as title, u.role, null as expert_name, null as application_id
      from users u where u.id = any(${list})
    union all select o.id::text, 'organization', null, o.inn, o.short_name, null, null, null from organizations o where o.id = any(${list})
    union all select a.id::text, 'application', a.number, null, a.title, null, null, null from applications a where a.id = any(${list}) and a.submitted_at is not null
    union all select c.id::text, 'competition', null, c.code, c.title, null, null, null from competitions c where c.id = any(${list})
    union all select p.id::text, 'operator', null, null, p.name, null, null, null from operators p where p.id = any(${list})
    union all select s.id::text, 'assignment', a.number, null, a.title, null, e.full_name, a.id::text
      from assignments s join applications a on a.id = s.application_id join users e on e.id = s.expert_id where s.id = any(${list})
    union all select r.id::text, 'review', a.number, null, a.title, null, e.full_name, a.id::text
      from reviews r join applications a on a.id = r.application_id join users e on e.id = r.expert_id where r.id = any(${list})
    union all select r.id::text, 'report', a.number, null, a.title, null, null, a.id::text
      from reports r join applications a on a.id = r.application_id where r.id = any(${list})`);
  return rowsOf<{ id: string; kind: AuditEntityType; number: string | null; code: string | null; title: string | null; role: Role | null;
    expert_name: string | null; application_id: string | null }>(result)
    .map((r) => ({ id: r.id, kind: r.kind, number: r.number, code: r.code, title: r.title, role: r.role, expertName: r.expert_name, applicationId: r.application_id }));
}

/** The object as the event names it. */
export function entityOf(name: AuditName | undefined): AuditEntity | null {
  if (!name) return null;
  const e: AuditEntity = { title: name.title };
  if (name.number !== null) e.number = name.number;
  if (name.code !== null) e.code = name.code;
  if (name.expertName !== null) e.expertName = name.expertName;
  if (name.applicationId !== null) e.applicationId = name.applicationId;
  return e;
}

/** How an id reads inside before/after: an application or an assignment by number, a competition by code, others by name. */
export function refLabel(name: AuditName): string {
  if (name.kind === 'application') return name.title ? `${name.number} «${name.title}»` : name.number!;
  if (name.kind === 'competition') return name.code!;
  if (name.kind === 'report') return name.number!;
  if (name.kind === 'assignment' || name.kind === 'review') return `${name.number}${name.expertName ? ` — ${name.expertName}` : ''}`;
  return name.title ?? name.id;
}
