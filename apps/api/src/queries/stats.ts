// Totals over applications: the figures a minister quotes ("580 projects submitted, 137 winners, 325 million
// roubles"), grouped by region, direction, competition or operator, within what the user may see.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { COUNTED_AS_ADMITTED, COUNTED_AS_SUBMITTED, type Totals, type TotalsGroup } from '@konkurs/shared';
import type { Tx } from '../db/client.js';
import { applications, competitions, directions, operators, regions } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { staffCompetitionScope } from './scope.js';
import { notFound } from '../lib/problem.js';

export type TotalsRow = Totals['rows'][number];
type Figures = Totals['total'];

/**
 * The competitions whose applications the user's figures cover, as a condition on `competitions`
 * (undefined: all). Officials and organisers see their operator's, a federal official and admins all.
 * A competition or operator filter outside that scope is a 404, as if it did not exist.
 */
export async function figuresScope(db: Tx, user: AuthUser, filter: { competitionId?: string; operatorId?: string }): Promise<SQL | undefined> {
  const scope = await staffCompetitionScope(db, user, { federalSeesAll: true });
  if (filter.operatorId) {
    const [op] = await db.select({ id: operators.id }).from(operators).where(eq(operators.id, filter.operatorId));
    // A scoped user (scope defined) sees their own operator only.
    if (!op || (scope && filter.operatorId !== user.operatorId)) throw notFound('Operator');
  }
  if (filter.competitionId) {
    const [comp] = await db.select({ id: competitions.id }).from(competitions).where(and(eq(competitions.id, filter.competitionId), scope));
    if (!comp) throw notFound('Competition');
  }
  return and(
    scope,
    filter.competitionId ? eq(competitions.id, filter.competitionId) : undefined,
    filter.operatorId ? eq(competitions.operatorId, filter.operatorId) : undefined,
  );
}

// The aggregates of one group. Only applications counted as submitted are read (rejected count, drafts and
// withdrawn ones do not); admitted and winners are subsets of them, so one pass with FILTER gives all five.
const FIGURES = sql`
  count(*)::int as submitted,
  (count(*) filter (where ${inArray(applications.status, COUNTED_AS_ADMITTED)}))::int as admitted,
  (count(*) filter (where ${applications.status} = 'winner'))::int as winners,
  coalesce(sum(${applications.requestedKopecks}), 0)::bigint as requested,
  coalesce(sum(${applications.awardedKopecks}) filter (where ${applications.status} = 'winner'), 0)::bigint as awarded`;

/** The inner aggregation by `dim`, over the applications of the competitions in scope. */
function aggregate(dim: SQL, scope: SQL | undefined) {
  const inScope = scope
    ? sql`and ${applications.competitionId} in (select ${competitions.id} from ${competitions} where ${scope})`
    : sql``;
  return sql`select ${dim} as key, ${FIGURES} from ${applications}
    where ${inArray(applications.status, COUNTED_AS_SUBMITTED)} ${inScope}
    group by 1`;
}

// Aggregate first, then attach the labels: the join touches a few dozen groups, not 200,000 rows.
function totalsSql(groupBy: TotalsGroup, scope: SQL | undefined, lang: 'ru' | 'en'): SQL {
  switch (groupBy) {
    case 'region':
      return sql`select t.*, r.name as label from (${aggregate(sql`${applications.regionCode}`, scope)}) t
        left join ${regions} r on r.code = t.key order by t.key`;
    case 'direction': {
      const name = lang === 'en' ? sql`d.name_en` : sql`d.name`;
      return sql`select t.*, coalesce(${name}, '') as label from (${aggregate(sql`coalesce(${applications.directionCode}, '')`, scope)}) t
        left join ${directions} d on d.code = t.key order by d.position nulls last, t.key`;
    }
    case 'competition':
      return sql`select t.*, c.title as label from (${aggregate(sql`${applications.competitionId}`, scope)}) t
        join ${competitions} c on c.id = t.key order by c.opens_at desc, c.code`;
    case 'operator':
      return sql`select c.operator_id::text as key, o.name as label,
          sum(t.submitted)::int as submitted, sum(t.admitted)::int as admitted, sum(t.winners)::int as winners,
          sum(t.requested)::bigint as requested, sum(t.awarded)::bigint as awarded
        from (${aggregate(sql`${applications.competitionId}`, scope)}) t
        join ${competitions} c on c.id = t.key join ${operators} o on o.id = c.operator_id
        group by c.operator_id, o.name order by o.name, c.operator_id`;
  }
}

interface RawRow { key: string; label: string | null; submitted: number | string; admitted: number | string; winners: number | string; requested: number | string | bigint; awarded: number | string | bigint }

export async function totals(db: Tx, groupBy: TotalsGroup, scope: SQL | undefined, lang: 'ru' | 'en' = 'ru'): Promise<Totals> {
  // Both drivers answer raw SQL with `{ rows }`.
  const result = (await db.execute(totalsSql(groupBy, scope, lang))) as unknown as { rows: RawRow[] };
  const rows: TotalsRow[] = result.rows.map((r) => ({
    key: String(r.key),
    label: r.label ?? String(r.key),
    submitted: Number(r.submitted),
    admitted: Number(r.admitted),
    winners: Number(r.winners),
    requestedKopecks: Number(r.requested),
    awardedKopecks: Number(r.awarded),
  }));
  return { rows, total: sumFigures(rows) };
}

/** The totals row: every application falls in exactly one group, so the groups add up to the whole. */
export function sumFigures(rows: readonly Figures[]): Figures {
  const total: Figures = { submitted: 0, admitted: 0, winners: 0, requestedKopecks: 0, awardedKopecks: 0 };
  for (const r of rows) {
    total.submitted += r.submitted;
    total.admitted += r.admitted;
    total.winners += r.winners;
    total.requestedKopecks += r.requestedKopecks;
    total.awardedKopecks += r.awardedKopecks;
  }
  return total;
}
