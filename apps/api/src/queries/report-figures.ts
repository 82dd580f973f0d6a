// The report figures of the totals and of the open data (PRODUCT.md "After the award"): what the winners have spent
// (reports are cumulative: an application's latest accepted report says it), how many reports were accepted and how
// many are still owed after their deadline; and, per winner, how its reporting stands.
import { sql, type SQL } from 'drizzle-orm';
import { REPORT_OWED, type TotalsGroup, type WinnerReportStatus } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import { rowsOf } from '../db/bulk.js';
import { applications, competitions, reports } from '../db/schema/index.js';

export interface ReportFigures { spentKopecks: number; reportsAccepted: number; reportsOverdue: number }

const OWED = sql.raw(REPORT_OWED.map((s) => `'${s}'`).join(', '));
const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/** The key of a report's group, as the totals name it (queries/stats.ts). */
const GROUP_KEY: Record<TotalsGroup, SQL> = {
  region: sql`a.region_code`,
  direction: sql`coalesce(a.direction_code, '')`,
  competition: sql`r.competition_id::text`,
  operator: sql`c.operator_id::text`,
};

/**
 * The report figures of the competitions in `scope` (a condition on competitions; undefined: all), by the totals'
 * group key: one aggregation over the reports, which a few hundred thousand rows at most (a handful per winner) keep quick.
 */
export async function reportFigures(db: Executor, groupBy: TotalsGroup, scope: SQL | undefined, now: Date): Promise<Map<string, ReportFigures>> {
  const inScope = scope ? sql`where ${reports.competitionId} in (select ${competitions.id} from ${competitions} where ${scope})` : sql``;
  const result = await db.execute(sql`
    select ${GROUP_KEY[groupBy]} as key,
      coalesce(sum(r.grant_spent_kopecks) filter (where r.status = 'accepted' and r.seq = r.last_accepted), 0)::bigint as spent,
      (count(*) filter (where r.status = 'accepted'))::int as accepted,
      (count(*) filter (where r.status in (${OWED}) and r.due_at < ${at(now)}))::int as overdue
    from (
      select ${reports.applicationId} as application_id, ${reports.competitionId} as competition_id, ${reports.status} as status, ${reports.seq} as seq,
        ${reports.dueAt} as due_at, ${reports.grantSpentKopecks} as grant_spent_kopecks,
        max(${reports.seq}) filter (where ${reports.status} = 'accepted') over (partition by ${reports.applicationId}) as last_accepted
      from ${reports} ${inScope}
    ) r
    join ${applications} a on a.id = r.application_id
    join ${competitions} c on c.id = r.competition_id
    group by 1`);
  const rows = rowsOf<{ key: string; spent: string | number; accepted: number; overdue: number }>(result);
  return new Map(rows.map((r) => [String(r.key), { spentKopecks: Number(r.spent), reportsAccepted: Number(r.accepted), reportsOverdue: Number(r.overdue) }]));
}

/**
 * How a winner's reporting stands, as SQL over `applicationId` (open data): 'accepted' when every report is accepted,
 * 'overdue' when one is still owed after its deadline, else 'submitted' when one awaits review, else 'in_progress'
 * (none due yet, or being written). One look-up of the application's few reports by (application_id, seq).
 */
export function winnerReportStatusSql(applicationId: SQL | typeof applications.id, now: Date): SQL<WinnerReportStatus> {
  return sql<WinnerReportStatus>`(select case
      when count(*) > 0 and bool_and(rs.status = 'accepted') then 'accepted'
      when coalesce(bool_or(rs.status in (${OWED}) and rs.due_at < ${at(now)}), false) then 'overdue'
      when coalesce(bool_or(rs.status = 'submitted'), false) then 'submitted'
      else 'in_progress' end
    from ${reports} rs where rs.application_id = ${applicationId})`;
}
