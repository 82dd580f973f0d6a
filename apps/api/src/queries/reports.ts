// The database side of a winner's reports (PRODUCT.md "After the award"): the schedule written at publication, the
// report with its application, organisation and competition, its rounds, the versioned autosave, the lists.
// Scope: an organisation's members see its reports, an operator's organisers (and the admin) its competitions'.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { FieldComment, ReportCounts, ReportFields } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { rowsOf } from '../db/bulk.js';
import { applications, competitions, organizations, reportAttachments, reportRounds, reports, users } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { applicationScope, memberOrganizationIds } from './scope.js';

const NOBODY = '00000000-0000-0000-0000-000000000000';
/** Days after the project's end the final report is due (and after publication, for a project without dates). */
export const FINAL_REPORT_DAYS = 30;

/**
 * Every winner's schedule of a competition in one INSERT … SELECT (a national round has thousands of winners): its
 * interim reports (the competition's dates inside the project's (startDate, endDate), or the project's midpoint when
 * the competition gives none), then the final one FINAL_REPORT_DAYS after the end, each due at the date's last second
 * in the competition's timezone. A project without dates gets only the final report, FINAL_REPORT_DAYS after `now`.
 */
export async function insertReportSchedules(tx: Tx, competitionId: string, now: Date): Promise<number> {
  const result = await tx.execute(sql`
    insert into ${reports} (application_id, competition_id, organization_id, kind, seq, due_at, created_at, updated_at)
    select a.id, a.competition_id, a.organization_id, s.kind, s.seq,
      ((s.d)::timestamp + interval '23:59:59') at time zone c.timezone, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from ${applications} a
    join ${competitions} c on c.id = a.competition_id
    cross join lateral (select nullif(a.content->>'startDate', '')::date as s, nullif(a.content->>'endDate', '')::date as e) p
    cross join lateral (
      select x.d, x.kind::text as kind, (row_number() over (order by x.ord, x.d))::int as seq from (
        select i.d, 'interim' as kind, 0 as ord
        from unnest(case when c.report_interim_dates is null then array[p.s + (p.e - p.s) / 2] else c.report_interim_dates end) as i(d)
        where p.s is not null and p.e is not null and i.d > p.s and i.d < p.e
        union all
        select coalesce(p.e, (${now.toISOString()}::timestamptz at time zone c.timezone)::date) + ${FINAL_REPORT_DAYS}::int, 'final', 1
      ) x
    ) s
    where a.competition_id = ${competitionId} and a.status = 'winner'
    on conflict (application_id, seq) do nothing
    returning 1 as one`);
  return rowsOf(result).length;
}

export type ReportRow = typeof reports.$inferSelect;

/** A report with what its views name: the application (number, title, plan), the organisation, the competition. */
const reportColumns = {
  report: reports,
  applicationNumber: applications.number,
  applicationTitle: applications.title,
  applicationContent: applications.content,
  awardedKopecks: applications.awardedKopecks,
  regionCode: applications.regionCode,
  organizationName: organizations.shortName,
  competitionTitle: competitions.title,
  timezone: competitions.timezone,
  operatorId: competitions.operatorId,
};
export interface ReportWithContext {
  report: ReportRow;
  applicationNumber: string;
  applicationTitle: string | null;
  applicationContent: typeof applications.$inferSelect['content'];
  awardedKopecks: number | null;
  regionCode: string;
  organizationName: string;
  competitionTitle: string;
  timezone: string;
  operatorId: string;
}

/** Who may read reports: the organisation's members, the operator's organisers, the admin. Anyone else: nothing. */
export async function reportScope(db: Executor, user: AuthUser): Promise<SQL | undefined> {
  if (user.role === 'admin') return undefined;
  if (user.role === 'applicant') {
    const orgs = await memberOrganizationIds(db, user.id);
    return orgs.length ? inArray(reports.organizationId, orgs) : eq(reports.id, NOBODY);
  }
  if (user.role === 'organiser') return eq(competitions.operatorId, user.operatorId ?? NOBODY);
  return eq(reports.id, NOBODY);
}

function selectReports(db: Executor, extra: Record<string, SQL> = {}) {
  return db.select({ ...reportColumns, ...extra }).from(reports)
    .innerJoin(applications, eq(applications.id, reports.applicationId))
    .innerJoin(organizations, eq(organizations.id, reports.organizationId))
    .innerJoin(competitions, eq(competitions.id, reports.competitionId));
}

/** One report the user may read (null otherwise); `lock` takes the report row FOR UPDATE. */
export async function findReport(db: Executor, user: AuthUser, id: string, { lock = false } = {}): Promise<ReportWithContext | null> {
  const q = selectReports(db).where(and(eq(reports.id, id), await reportScope(db, user)));
  const [row] = lock ? await q.for('update', { of: reports }) : await q;
  return (row as ReportWithContext | undefined) ?? null;
}

/** The reports of an application the user may read, in schedule order. */
export async function reportsOfApplication(db: Executor, user: AuthUser, applicationId: string): Promise<ReportWithContext[]> {
  return await selectReports(db).where(and(eq(reports.applicationId, applicationId), await reportScope(db, user)))
    .orderBy(asc(reports.seq)) as ReportWithContext[];
}

/** Whether the user may see an application's reports (it may have none yet): its members, its operator's organisers, the admin. */
export async function mayReadApplicationReports(db: Executor, user: AuthUser, applicationId: string): Promise<boolean> {
  if (user.role !== 'applicant' && user.role !== 'organiser' && user.role !== 'admin') return false;
  const [row] = await db.select({ id: applications.id }).from(applications).where(and(eq(applications.id, applicationId), await applicationScope(db, user)));
  return Boolean(row);
}

/**
 * The autosave: one UPDATE guarded by the version and a started, editable status (a `due` report starts through its
 * transition); `sums` are the spent sums when the patch names the spending. Undefined when it changed nothing.
 */
/** The stored content with each field of the patch replaced (the autosave's merge, also used by the first save's move). */
export const mergedContent = (patch: ReportFields): SQL<ReportFields> => sql`${reports.content} || ${JSON.stringify(patch)}::jsonb`;

export async function writeReportContent(tx: Executor, id: string, version: number, patch: ReportFields, sums: Partial<SpentSums>, at: Date): Promise<ReportRow | undefined> {
  const [row] = await tx.update(reports).set({
    content: mergedContent(patch),
    version: sql`${reports.version} + 1`,
    ...sums,
    updatedAt: at,
  }).where(and(eq(reports.id, id), eq(reports.version, version), inArray(reports.status, ['draft', 'returned']))).returning();
  return row;
}

export interface SpentSums { grantSpentKopecks: number; cofinancingSpentKopecks: number }

/** The spent sums derived from the content (the sum of every spending row's amounts). */
export function spentSums(content: ReportFields): SpentSums {
  let grant = 0;
  let cofinancing = 0;
  for (const s of content.spending ?? []) {
    grant += s.grantSpentKopecks ?? 0;
    cofinancing += s.cofinancingSpentKopecks ?? 0;
  }
  return { grantSpentKopecks: grant, cofinancingSpentKopecks: cofinancing };
}

/** The organiser's interim report dates of a competition. */
export async function setInterimDates(tx: Tx, competitionId: string, dates: string[] | null, at: Date): Promise<void> {
  await tx.update(competitions).set({ reportInterimDates: dates, updatedAt: at }).where(eq(competitions.id, competitionId));
}

/** Which part of the competition's list a report sorts in: 0 overdue, 1 still owed, 2 awaiting review, 3 the rest. */
function bucketOf(now: Date): SQL<number> {
  return sql<number>`(case when ${reports.status} in ('due', 'draft', 'returned') and ${reports.dueAt} < ${now.toISOString()}::timestamptz then 0
    when ${reports.status} in ('due', 'draft', 'returned') then 1 when ${reports.status} = 'submitted' then 2 else 3 end)::int`;
}

/** A page of a competition's reports in the order of bucketOf, then deadline, then id; keyset after `after`. */
export async function competitionReports(db: Executor, competitionId: string,
  q: { status?: ReportRow['status']; overdue?: boolean; limit: number; after?: [number, string, string] }, now: Date) {
  const bucket = bucketOf(now);
  const conditions = [
    eq(reports.competitionId, competitionId),
    q.status ? eq(reports.status, q.status) : undefined,
    q.overdue === undefined ? undefined : q.overdue ? sql`${bucket} = 0` : sql`${bucket} <> 0`,
    q.after ? sql`(${bucket}, ${reports.dueAt}, ${reports.id}) > (${q.after[0]}::int, ${q.after[1]}::timestamptz, ${q.after[2]}::uuid)` : undefined,
  ];
  const rows = await selectReports(db, { bucket }).where(and(...conditions))
    .orderBy(bucket, asc(reports.dueAt), asc(reports.id)).limit(q.limit);
  return rows as (ReportWithContext & { bucket: number })[];
}

/** The competition's reports counted by where they stand at `now` (one scan of its rows in the competition index). */
export async function competitionReportCounts(db: Executor, competitionId: string, now: Date): Promise<ReportCounts> {
  const owed = sql`${reports.status} in ('due', 'draft', 'returned')`;
  const [row] = await db.select({
    due: sql<number>`count(*) filter (where ${owed} and ${reports.dueAt} >= ${now.toISOString()}::timestamptz)::int`,
    overdue: sql<number>`count(*) filter (where ${owed} and ${reports.dueAt} < ${now.toISOString()}::timestamptz)::int`,
    submitted: sql<number>`count(*) filter (where ${reports.status} = 'submitted')::int`,
    accepted: sql<number>`count(*) filter (where ${reports.status} = 'accepted')::int`,
  }).from(reports).where(eq(reports.competitionId, competitionId));
  return { due: Number(row?.due ?? 0), overdue: Number(row?.overdue ?? 0), submitted: Number(row?.submitted ?? 0), accepted: Number(row?.accepted ?? 0) };
}

export async function insertReportRound(tx: Tx, report: ReportRow, submittedBy: string | null, at: Date): Promise<number> {
  const [last] = await tx.select({ n: sql<number>`coalesce(max(${reportRounds.round}), 0)::int` }).from(reportRounds).where(eq(reportRounds.reportId, report.id));
  const round = (last?.n ?? 0) + 1;
  await tx.insert(reportRounds).values({ reportId: report.id, round, version: report.version, content: report.content, submittedAt: at, submittedBy });
  return round;
}

/** Records the organiser's decision on the open (latest, undecided) round. */
export async function decideReportRound(tx: Tx, reportId: string, decision: 'accept' | 'return', comment: string | null,
  fieldComments: FieldComment[], reviewedBy: string, at: Date): Promise<void> {
  await tx.update(reportRounds).set({ decision, comment, fieldComments, reviewedAt: at, reviewedBy })
    .where(and(eq(reportRounds.reportId, reportId), sql`${reportRounds.decision} is null`,
      eq(reportRounds.round, sql`(select max(r.round) from ${reportRounds} r where r.report_id = ${reportId})`)));
}

/** Every round of a report, oldest first, with the names of who submitted and who reviewed it. */
export async function roundsOfReport(db: Executor, reportId: string) {
  const result = await db.execute(sql`
    select r.round, r.version, r.content, r.submitted_at as "submittedAt", r.decision, r.comment, r.field_comments as "fieldComments",
      r.reviewed_at as "reviewedAt", s.full_name as "submittedBy", v.full_name as "reviewedBy"
    from ${reportRounds} r
    left join ${users} s on s.id = r.submitted_by
    left join ${users} v on v.id = r.reviewed_by
    where r.report_id = ${reportId}
    order by r.round`);
  return rowsOf<{
    round: number; version: number; content: ReportFields; submittedAt: string | Date; decision: 'accept' | 'return' | null; comment: string | null;
    fieldComments: FieldComment[]; reviewedAt: string | Date | null; submittedBy: string | null; reviewedBy: string | null;
  }>(result);
}

export async function attachmentsOfReport(db: Executor, reportId: string) {
  return db.select().from(reportAttachments).where(eq(reportAttachments.reportId, reportId)).orderBy(asc(reportAttachments.createdAt), asc(reportAttachments.id));
}
