// The national dataset, generated inside PostgreSQL: every table is filled by a few multi-row
// INSERT ... SELECT generate_series statements (no row crosses the wire), with pseudo-random but
// deterministic choices from hashint4, so two runs load the same data.
import type pg from 'pg';
import { DIRECTION_CODES, REGION_CODES } from '@konkurs/shared';

export interface Scale {
  competitions: number;
  applications: number;
  organizations: number;
  reviews: number;
  experts: number;
  /** Applications of the competition in review whose ranking is measured (all reviewed, two reviews each). */
  rankingApplications: number;
  /** Admitted applications of the competition whose automatic assignment is measured (no assignments yet). */
  assignmentApplications: number;
  /** Complete drafts in the open competition, one per organisation, for the submit step. */
  submitDrafts: number;
  /** Drafts in the open competition saved over and over by the autosave step. */
  autosaveDrafts: number;
}

export const NATIONAL: Scale = {
  competitions: 20, applications: 200_000, organizations: 9_000, reviews: 500_000, experts: 800,
  rankingApplications: 12_000, assignmentApplications: 12_000, submitDrafts: 3_000, autosaveDrafts: 2_000,
};
export const QUICK: Scale = {
  competitions: 20, applications: 20_000, organizations: 2_000, reviews: 50_000, experts: 80,
  rankingApplications: 1_200, assignmentApplications: 1_200, submitDrafts: 600, autosaveDrafts: 600,
};

export interface Dataset {
  adminId: string;
  officialId: string;
  organiserId: string;
  federalOperatorId: string;
  assignCompetitionId: string;
  rankingCompetitionId: string;
  openCompetitionId: string;
  /** [applicationId, ownerUserId] of the drafts for the submit step and for the autosave step. */
  submitDrafts: [string, string][];
  autosaveDrafts: [string, string][];
}

const CRITERIA_SHEETS = 64;

/**
 * Loads the dataset into an empty migrated database. `draft` is a complete (~30 KB) application for the open
 * competition, closing 30 days after `now`, with its derived columns; other applications carry a short content.
 */
export async function loadDataset(client: pg.Client, scale: Scale, now: Date, draft: { content: object; requestedKopecks: number; cofinancingKopecks: number; directionCode: string }): Promise<Dataset> {
  const q = async <R extends pg.QueryResultRow = any>(text: string, values: unknown[] = []) => (await client.query<R>(text, values)).rows;
  // A bulk load, as pg_restore does it: no fsync per statement, and no per-row foreign-key triggers (the generated
  // rows are consistent by construction). That also pauses the application_totals triggers: rebuilt at the end.
  await q(`set synchronous_commit = off`);
  await q(`set session_replication_role = replica`);
  const hash = `'$2b$10$bench.bench.bench.bench.bench.bench.bench.bench.bench.b'`; // nobody signs in by password: sessions are made directly

  const [fed] = await q(`insert into operators (name, level) values ('Фонд президентских грантов', 'federal') returning id`);
  const regional = await q(`insert into operators (name, level, region_code)
    select 'Министерство ' || r, 'regional', r from unnest($1::text[]) r returning id`, [['40', '23', '62']]);
  const [admin] = await q(`insert into users (email, password_hash, full_name, role) values ('admin@bench', ${hash}, 'Администратор', 'admin') returning id`);
  const [official] = await q(`insert into users (email, password_hash, full_name, role, operator_id) values ('official@bench', ${hash}, 'Представитель', 'official', $1) returning id`, [fed.id]);
  const [organiser] = await q(`insert into users (email, password_hash, full_name, role, operator_id) values ('organiser@bench', ${hash}, 'Организатор', 'organiser', $1) returning id`, [fed.id]);

  // Applicants (one owner per organisation) and organisations spread over the regions, more in the populous ones.
  await q(`insert into users (email, password_hash, full_name, role)
    select 'applicant' || i || '@bench', ${hash}, 'Заявитель ' || i, 'applicant' from generate_series(1, $1) i`, [scale.organizations]);
  await q(`insert into users (email, password_hash, full_name, role, operator_id, expert_directions)
    select 'expert' || i || '@bench', ${hash}, 'Эксперт ' || i, 'expert', $2,
      array[($3::text[])[1 + abs(hashint4(i)) % 13], ($3::text[])[1 + abs(hashint4(i + 7)) % 13]]
    from generate_series(1, $1) i`, [scale.experts, fed.id, DIRECTION_CODES]);
  // ИНН with a right check digit (weights 2,4,10,3,5,9,4,6,8; sum mod 11 mod 10), ОГРН likewise (mod 11 mod 10).
  await q(`
    with src as (
      select i, r.region, r.region || lpad(i::text, 7, '0') as nine, '122' || r.region || lpad(i::text, 7, '0') as twelve
      from generate_series(1, $1) i
      cross join lateral (select ($2::text[])[1 + (abs(hashint4(i)) % 200) % array_length($2::text[], 1)] as region) r
    )
    insert into organizations (inn, ogrn, kpp, full_name, short_name, region_code, created_by)
    select nine || ((select sum(substr(nine, k, 1)::int * (array[2,4,10,3,5,9,4,6,8])[k]) from generate_series(1, 9) k) % 11 % 10),
      twelve || (twelve::bigint % 11 % 10), region || '0101001',
      'Автономная некоммерческая организация «Инициатива ' || i || '»', 'Инициатива ' || i, region,
      (select id from users where email = 'applicant' || i || '@bench')
    from src`, [scale.organizations, REGION_CODES]);
  await q(`insert into organization_members (organization_id, user_id, role) select id, created_by, 'owner' from organizations`);

  // Competitions: 0 = automatic assignment (admitted, no experts assigned yet), 1 = ranking (reviewed),
  // 2 = open (drafts to submit and autosave), the rest published, decided or in review, a few regional.
  const rest = scale.applications - scale.assignmentApplications - scale.rankingApplications;
  const openSize = scale.submitDrafts + scale.autosaveDrafts + Math.round(rest * 0.02);
  const others = scale.competitions - 3;
  const sizes = [scale.assignmentApplications, scale.rankingApplications, openSize,
    ...Array.from({ length: others }, (_, i) => Math.floor((rest - openSize) / others) + (i < (rest - openSize) % others ? 1 : 0))];
  const day = 86_400_000;
  const comps: { id: string; kind: string; size: number; first: number }[] = [];
  let first = 0;
  for (let c = 0; c < scale.competitions; c++) {
    const kind = c === 0 ? 'assign' : c === 1 ? 'ranking' : c === 2 ? 'open' : c < scale.competitions - 3 ? 'published' : c === scale.competitions - 1 ? 'review' : 'decided';
    const status = kind === 'assign' || kind === 'ranking' || kind === 'review' ? 'review' : kind;
    const operator = c >= 3 && c % 5 === 4 ? regional[c % regional.length].id : fed.id;
    const opensAt = new Date(now.getTime() - (kind === 'open' ? 1 : 200 + c * 30) * day);
    const closesAt = new Date(kind === 'open' ? now.getTime() + 30 * day : opensAt.getTime() + 40 * day);
    const [row] = await q(`insert into competitions (operator_id, code, title, description, status, direction_codes, opens_at, closes_at,
        budget_kopecks, min_grant_kopecks, max_grant_kopecks, max_project_months, min_cofinancing_percent, reviewers_per_application,
        pass_mark, max_applications_per_organization, application_seq, published_at, decided_at, created_by)
      values ($1, $2, $3, '', $4, $5, $6, $7, 50000000000, 50000000, 1000000000, 24, 10, $8, 60, 3, $9, $10, $11, $12) returning id`,
      [operator, `B${String(c + 1).padStart(2, '0')}`, `Конкурс ${c + 1}: ${kind}`, status, c === 2 ? DIRECTION_CODES : DIRECTION_CODES.slice(0, 8 + (c % 6)),
        opensAt, closesAt, kind === 'published' || kind === 'decided' || kind === 'review' ? 3 : 2, sizes[c],
        kind === 'published' ? closesAt : null, kind === 'published' || kind === 'decided' ? closesAt : null, organiser.id]);
    comps.push({ id: row.id, kind, size: sizes[c], first });
    first += sizes[c];
  }
  await q(`insert into criteria (competition_id, code, title, description, weight, max_score, comment_required, position)
    select c, d.code, d.title, d.description, d.weight, d.max_score, d.comment_required, d.position from unnest($1::uuid[]) c cross join default_criteria d`,
    [comps.map((c) => c.id)]);
  await q(`insert into competition_experts (competition_id, expert_id) select c, u.id from unnest($1::uuid[]) c cross join users u where u.role = 'expert'`,
    [comps.map((c) => c.id)]);

  // Applications. Status per kind; in finished competitions: 3% drafts, 2% withdrawn (half before submitting),
  // 10% rejected, 14% winners, the rest not supported (a decided or review one: reviewed / under review).
  const orgs = await q<{ id: string; created_by: string; region_code: string }>(`select id, created_by, region_code from organizations order by inn`);
  await q(`create temporary table bench_orgs (n int primary key, id uuid, owner uuid, region text)`);
  await q(`insert into bench_orgs select n - 1, id, owner, region from unnest($1::uuid[], $2::uuid[], $3::text[]) with ordinality t(id, owner, region, n)`,
    [orgs.map((o) => o.id), orgs.map((o) => o.created_by), orgs.map((o) => o.region_code)]);
  const content = JSON.stringify(draft.content);
  const smallContent = JSON.stringify({ summary: 'Краткое описание проекта', goal: 'Цель проекта', tasks: ['Задача 1', 'Задача 2'], targetGroups: ['молодёжь'] });
  for (const comp of comps) {
    const statusSql = {
      assign: `'admitted'`,
      ranking: `'reviewed'`,
      open: `case when i <= ${scale.submitDrafts + scale.autosaveDrafts} then 'draft' else 'submitted' end`,
      published: `case when h < 3 then 'draft' when h < 4 then 'withdrawn' when h < 5 then 'withdrawn' when h < 15 then 'rejected' when h < 29 then 'winner' else 'not_supported' end`,
      decided: `case when h < 3 then 'draft' when h < 5 then 'withdrawn' when h < 15 then 'rejected' when h < 29 then 'winner' else 'not_supported' end`,
      review: `case when h < 3 then 'draft' when h < 5 then 'withdrawn' when h < 15 then 'rejected' when h < 60 then 'reviewed' else 'under_review' end`,
    }[comp.kind];
    // The open competition's drafts belong to distinct organisations (the per-organisation limit holds at submit).
    const orgOf = comp.kind === 'open' ? `(i - 1) % ${scale.organizations}` : `abs(hashint4(i * 31 + ${comp.first})) % ${scale.organizations}`;
    await q(`
      insert into applications (competition_id, organization_id, number, status, content, title, direction_code, region_code,
        total_cost_kopecks, cofinancing_kopecks, requested_kopecks, awarded_kopecks, final_score, submitted_at, created_by, created_at, updated_at)
      select $1, o.id, $2 || '-' || lpad(i::text, 6, '0'), s.status,
        case when open_draft then $3::jsonb else $4::jsonb end,
        'Проект ' || i || ': ' || (array['Школа волонтёров', 'Добрые соседи', 'Память поколений', 'Чистый берег', '=ЗНАЧ("формула")'])[1 + i % 5],
        case when open_draft then $8::text else d.dir end, o.region,
        case when open_draft then $9::bigint + $10::bigint else req + cof end, case when open_draft then $10::bigint else cof end, case when open_draft then $9::bigint else req end,
        case when s.status = 'winner' then req - (req / 10) * (i % 2) end,
        case when s.status in ('reviewed', 'winner', 'not_supported') then round((40 + (abs(hashint4(i + 5)) % 6000) / 100.0)::numeric, 2) end,
        case when s.status = 'draft' or (s.status = 'withdrawn' and h < 4) then null else $5::timestamptz + make_interval(secs => i) end,
        o.owner, $5::timestamptz, $5::timestamptz
      from generate_series(1, $6) i
      cross join lateral (select abs(hashint4(i + $7)) % 100 as h) hh
      cross join lateral (select ${statusSql} as status) s
      cross join lateral (select $11::boolean and s.status = 'draft' as open_draft) od
      join bench_orgs o on o.n = ${orgOf}
      cross join lateral (select (select direction_codes from competitions where id = $1)[1 + abs(hashint4(i * 3)) % 8] as dir,
        (50000000 + (abs(hashint4(i * 13)) % 950) * 1000000)::bigint as req, (5000000 + (abs(hashint4(i * 17)) % 100) * 1000000)::bigint as cof) d`,
      [comp.id, `B${String(comps.indexOf(comp) + 1).padStart(2, '0')}`, content, smallContent, new Date(now.getTime() - 100 * day - comp.first * 1000), comp.size, comp.first,
        draft.directionCode, draft.requestedKopecks, draft.cofinancingKopecks, comp.kind === 'open']);
  }

  // Reviews (with their assignments): two per application of the ranking competition, the rest spread over the
  // reviewed applications of the finished competitions so that the total is scale.reviews. Scores come from a few
  // dozen precomputed sheets, so that no row builds its own JSON.
  await q(`create temporary table bench_sheets as
    select s as n, jsonb_agg(jsonb_build_object('criterionCode', d.code, 'score', (abs(hashint4(s * 10 + d.position)) % 6) + 5, 'comment', 'Комментарий эксперта') order by d.position) as scores,
      round(100.0 * sum((abs(hashint4(s * 10 + d.position)) % 6) + 5) / 100, 2) as total
    from generate_series(0, ${CRITERIA_SHEETS - 1}) s cross join default_criteria d group by s`);
  const ranking = comps[1];
  const [{ n: reviewable }] = await q(`select count(*)::int as n from applications a join competitions c on c.id = a.competition_id
    where a.status in ('under_review', 'reviewed', 'winner', 'not_supported') and c.id <> $1`, [ranking.id]);
  const perApp = Math.max(0, (scale.reviews - 2 * scale.rankingApplications) / Math.max(1, reviewable));
  const base = Math.floor(perApp);
  const extraPercent = Math.round((perApp - base) * 100);
  await q(`create temporary table bench_review_targets as
    select a.id as application_id, a.competition_id, a.submitted_at, row_number() over () as n,
      case when a.competition_id = $1 then 2 else ${base} + (case when abs(hashtext(a.number)) % 100 < ${extraPercent} then 1 else 0 end) end as k
    from applications a where a.status in ('under_review', 'reviewed', 'winner', 'not_supported')`, [ranking.id]);
  const experts = await q<{ id: string }>(`select id from users where role = 'expert' order by email`);
  await q(`create temporary table bench_experts (n int primary key, id uuid)`);
  await q(`insert into bench_experts select n - 1, id from unnest($1::uuid[]) with ordinality t(id, n)`, [experts.map((e) => e.id)]);
  await q(`
    with a as (
      insert into assignments (competition_id, application_id, expert_id, status, created_at)
      select t.competition_id, t.application_id, e.id, 'submitted', t.submitted_at
      from bench_review_targets t cross join lateral generate_series(0, t.k - 1) j
      join bench_experts e on e.n = (t.n * 7 + j * 131) % ${scale.experts}
      returning id, application_id, expert_id, created_at
    )
    insert into reviews (assignment_id, application_id, expert_id, status, version, scores, comment, total, submitted_at, updated_at)
    select a.id, a.application_id, a.expert_id, 'submitted', 2, s.scores, 'Итоговый комментарий', s.total, a.created_at + interval '20 days', a.created_at + interval '20 days'
    from a join bench_sheets s on s.n = abs(hashtext(a.expert_id::text || a.application_id::text)) % ${CRITERIA_SHEETS}`);
  // The ranking competition's final scores are the means of its reviews, as the review step would leave them.
  await q(`update applications a set final_score = r.score from (
      select application_id, round(avg(total), 2) as score from reviews r join applications x on x.id = r.application_id
      where x.competition_id = $1 group by application_id) r where a.id = r.application_id`, [ranking.id]);
  await q(`insert into awards (competition_id, application_id, rank, amount_kopecks, created_by)
    select competition_id, id, row_number() over (partition by competition_id order by final_score desc, submitted_at), awarded_kopecks, $1
    from applications where status = 'winner'`, [organiser.id]);

  await q(`set session_replication_role = origin`);
  await q(`select application_totals_rebuild()`);

  const drafts = await q<{ id: string; owner: string }>(`select a.id, a.created_by as owner from applications a
    where a.competition_id = $1 and a.status = 'draft' order by a.number`, [comps[2].id]);
  return {
    adminId: admin.id, officialId: official.id, organiserId: organiser.id, federalOperatorId: fed.id,
    assignCompetitionId: comps[0].id, rankingCompetitionId: ranking.id, openCompetitionId: comps[2].id,
    submitDrafts: drafts.slice(0, scale.submitDrafts).map((d) => [d.id, d.owner]),
    autosaveDrafts: drafts.slice(scale.submitDrafts).map((d) => [d.id, d.owner]),
  };
}
