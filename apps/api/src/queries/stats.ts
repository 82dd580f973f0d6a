// Totals over applications: the figures a minister quotes ("580 projects submitted, 137 winners, 325 million
// roubles, 290 million spent"), grouped by region, direction, competition or operator, within what the user may see.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Totals, TotalsGroup } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import { applicationTotals, competitions, directions, operators, regions } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { staffCompetitionScope } from './scope.js';
import { reportFigures, type ReportFigures } from './report-figures.js';
import { notFound } from '../domain/errors.js';

export type TotalsRow = Totals['rows'][number];
type Figures = Totals['total'];

/**
 * The competitions whose applications the user's figures cover, as a condition on `competitions`
 * (undefined: all). Officials and organisers see their operator's, a federal official and admins all.
 * A competition or operator filter outside that scope is a 404, as if it did not exist.
 */
export async function figuresScope(db: Executor, user: AuthUser, filter: { competitionId?: string; operatorId?: string }): Promise<SQL | undefined> {
  const scope = await staffCompetitionScope(db, user, { federalSeesAll: true });
  if (filter.operatorId) {
    const [op] = await db.select({ id: operators.id }).from(operators).where(eq(operators.id, filter.operatorId));
    // A scoped user (scope defined) sees their own operator only.
    if (!op || (scope && filter.operatorId !== user.operatorId)) throw notFound('operator');
  }
  if (filter.competitionId) {
    const [comp] = await db.select({ id: competitions.id }).from(competitions).where(and(eq(competitions.id, filter.competitionId), scope));
    if (!comp) throw notFound('competition');
  }
  return and(
    scope,
    filter.competitionId ? eq(competitions.id, filter.competitionId) : undefined,
    filter.operatorId ? eq(competitions.operatorId, filter.operatorId) : undefined,
  );
}

// The figures come from application_totals, kept by triggers per (competition, region, direction) in the same
// transaction as every change to applications (see its schema): a national report sums a few thousand rows.
const FIGURES = sql`
  sum(${applicationTotals.submitted})::int as submitted,
  sum(${applicationTotals.admitted})::int as admitted,
  sum(${applicationTotals.winners})::int as winners,
  sum(${applicationTotals.requestedKopecks})::bigint as requested,
  sum(${applicationTotals.awardedKopecks})::bigint as awarded`;

/** The inner aggregation by `dim`, over the competitions in scope; groups left empty by changes are dropped. */
function aggregate(dim: SQL, scope: SQL | undefined) {
  const inScope = scope
    ? sql`where ${applicationTotals.competitionId} in (select ${competitions.id} from ${competitions} where ${scope})`
    : sql``;
  return sql`select ${dim} as key, ${FIGURES} from ${applicationTotals} ${inScope}
    group by 1 having sum(${applicationTotals.submitted}) > 0`;
}

// Aggregate first, then attach the labels: the join touches a few dozen groups, not 200,000 rows.
function totalsSql(groupBy: TotalsGroup, scope: SQL | undefined, lang: 'ru' | 'en'): SQL {
  switch (groupBy) {
    case 'region':
      return sql`select t.*, r.name as label from (${aggregate(sql`${applicationTotals.regionCode}`, scope)}) t
        left join ${regions} r on r.code = t.key order by t.key`;
    case 'direction': {
      const name = lang === 'en' ? sql`d.name_en` : sql`d.name`;
      return sql`select t.*, coalesce(${name}, '') as label from (${aggregate(sql`${applicationTotals.directionCode}`, scope)}) t
        left join ${directions} d on d.code = t.key order by d.position nulls last, t.key`;
    }
    case 'competition':
      return sql`select t.*, c.title as label from (${aggregate(sql`${applicationTotals.competitionId}`, scope)}) t
        join ${competitions} c on c.id = t.key order by c.opens_at desc, c.code`;
    case 'operator':
      return sql`select c.operator_id::text as key, o.name as label,
          sum(t.submitted)::int as submitted, sum(t.admitted)::int as admitted, sum(t.winners)::int as winners,
          sum(t.requested)::bigint as requested, sum(t.awarded)::bigint as awarded
        from (${aggregate(sql`${applicationTotals.competitionId}`, scope)}) t
        join ${competitions} c on c.id = t.key join ${operators} o on o.id = c.operator_id
        group by c.operator_id, o.name order by o.name, c.operator_id`;
  }
}

const NO_REPORTS: ReportFigures = { spentKopecks: 0, reportsAccepted: 0, reportsOverdue: 0 };

interface RawRow { key: string; label: string | null; submitted: number | string; admitted: number | string; winners: number | string; requested: number | string | bigint; awarded: number | string | bigint }

/**
 * The figures by group; the report figures (spent, accepted, overdue at `now`) come from a second aggregation over
 * the reports, merged by the group's key (every report belongs to a winner, which its group already counts).
 */
export async function totals(db: Executor, groupBy: TotalsGroup, scope: SQL | undefined, now: Date, lang: 'ru' | 'en' = 'ru'): Promise<Totals> {
  // Both drivers answer raw SQL with `{ rows }`.
  const [result, reported] = await Promise.all([
    db.execute(totalsSql(groupBy, scope, lang)) as unknown as Promise<{ rows: RawRow[] }>,
    reportFigures(db, groupBy, scope, now),
  ]);
  const rows: TotalsRow[] = result.rows.map((r) => ({
    key: String(r.key),
    label: r.label ?? String(r.key),
    submitted: Number(r.submitted),
    admitted: Number(r.admitted),
    winners: Number(r.winners),
    requestedKopecks: Number(r.requested),
    awardedKopecks: Number(r.awarded),
    ...(reported.get(String(r.key)) ?? NO_REPORTS),
  }));
  return { rows, total: sumFigures(rows) };
}

/** The totals row: every application falls in exactly one group, so the groups add up to the whole. */
export function sumFigures(rows: readonly Figures[]): Figures {
  const total: Figures = { submitted: 0, admitted: 0, winners: 0, requestedKopecks: 0, awardedKopecks: 0, spentKopecks: 0, reportsAccepted: 0, reportsOverdue: 0 };
  for (const r of rows) {
    total.submitted += r.submitted;
    total.admitted += r.admitted;
    total.winners += r.winners;
    total.requestedKopecks += r.requestedKopecks;
    total.awardedKopecks += r.awardedKopecks;
    total.spentKopecks += r.spentKopecks;
    total.reportsAccepted += r.reportsAccepted;
    total.reportsOverdue += r.reportsOverdue;
  }
  return total;
}
