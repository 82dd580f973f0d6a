// The demo a newcomer finds on first start, read as its users read it through the API: last year's competition
// published with its ranking, results and totals, its winners' reports in every state and its commission; this
// season's in review with a divergent application waiting for its extra expert and work for every demo expert; the open
// call. Seeded once on a fresh database (through the use cases).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isValidInn, isValidOgrn } from '@konkurs/shared';
import { DEMO_CODES, DEMO_PASSWORD, seedDemo, type Login } from '../src/seed.js';
import { createTestApp, freshDatabase, type TestApp } from './helper.js';
import { call } from './fixtures.js';

type Competition = { id: string; code: string; status: string; opensAt: string; closesAt: string; budgetKopecks: number; passMark: number };
type Row = { rank: number | null; applicationId: string; number: string; organization: string; organizationId: string; finalScore: number | null;
  reviews: { total: number }[]; divergent: boolean; extraExpert: string | null; waiting: boolean; status: string; requestedKopecks: number };
type Figures = { submitted: number; admitted: number; winners: number; requestedKopecks: number; awardedKopecks: number };

/** The ranking's rows (the answer is a list, or an object holding `items` beside the proposal's context). */
const rows = (answer: Row[] | { items: Row[] }) => (Array.isArray(answer) ? answer : answer.items);

let t: TestApp;
let logins: Login[];
let seedMs = 0;
const tokens = new Map<string, string>();
const comps: Record<keyof typeof DEMO_CODES, Competition> = {} as never;

async function as(email: string) {
  if (!tokens.has(email)) {
    const r = await call(t, null, 'POST', '/api/v1/auth/login', { email, password: DEMO_PASSWORD });
    expect(r.status, `${email} signs in`).toBe(200);
    tokens.set(email, r.json.token);
  }
  return tokens.get(email)!;
}
const get = async (email: string | null, url: string) => {
  const r = await call(t, email ? await as(email) : null, 'GET', `/api/v1${url}`);
  expect(r.status, `GET ${url}`).toBe(200);
  return r.json;
};

beforeAll(async () => {
  t = await createTestApp();
  const started = Date.now();
  logins = await seedDemo(t.db, t.clock.now());
  seedMs = Date.now() - started;
  const { items } = await get('organiser@konkurs.demo', '/competitions?limit=100');
  for (const [key, code] of Object.entries(DEMO_CODES)) comps[key as keyof typeof DEMO_CODES] = items.find((c: Competition) => c.code === code);
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('the demo seed', () => {
  it('prints every role\'s sign-in, and runs once: a second call on the seeded database adds nothing', async () => {
    console.log(`demo seed: ${seedMs} ms`);
    expect(logins.map((l) => l.email)).toEqual([
      'admin@konkurs.demo', 'organiser@konkurs.demo', 'official@konkurs.demo', 'federal.official@konkurs.demo',
      'expert1@konkurs.demo', 'expert2@konkurs.demo', 'expert3@konkurs.demo', 'applicant@konkurs.demo',
    ]);
    expect(await seedDemo(t.db, t.clock.now())).toEqual([]);
    const { items } = await get('organiser@konkurs.demo', '/competitions?limit=100');
    expect(items.map((c: Competition) => c.code).sort()).toEqual(Object.values(DEMO_CODES).sort());
  });

  it('is the same every time: the same experts on the same applications, with the same scores and decisions', async () => {
    const shape = async (db: TestApp['db']) => ((await db.execute(sql`
      select ap.number, ap.status, ap.final_score, ap.awarded_kopecks, u.email, a.status as assignment, a.is_extra, r.status as review, r.total
      from applications ap left join assignments a on a.application_id = ap.id left join users u on u.id = a.expert_id left join reviews r on r.assignment_id = a.id
      order by ap.number, u.email`)) as unknown as { rows: unknown[] }).rows;
    const other = await freshDatabase();
    try {
      await seedDemo(other.db, t.clock.now());
      const [mine, theirs] = [await shape(t.db), await shape(other.db)];
      expect(mine.length).toBeGreaterThan(100);
      expect(theirs).toEqual(mine);
    } finally {
      await other.close();
    }
  }, 120_000);

  it('registers organisations whose ИНН and ОГРН pass the checks', async () => {
    const { items } = await get('applicant@konkurs.demo', '/organizations/mine');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ shortName: 'АНО «Добрые соседи»', regionCode: '40' });
    expect(isValidInn(items[0].inn) && isValidOgrn(items[0].ogrn)).toBe(true);
  });
});

describe('README.md', () => {
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

  it('describes every demo sign-in the seed prints, with the demo password and the three competitions', () => {
    for (const l of logins) expect(readme).toContain(`\`${l.email}\``);
    expect(readme).toContain(`\`${DEMO_PASSWORD}\``);
    for (const code of Object.values(DEMO_CODES)) expect(readme).toContain(`\`${code}\``);
  });

  it('gives sample ИНН/ОГРН pairs that pass the check digits, belong to no demo NGO, and register an organisation', async () => {
    const pairs = [...readme.matchAll(/^\| `(\d{10})` \| `(\d{13})` \|$/gm)].map((m) => ({ inn: m[1], ogrn: m[2] }));
    expect(pairs.length).toBeGreaterThanOrEqual(1);
    for (const { inn, ogrn } of pairs) expect([inn, isValidInn(inn), ogrn, isValidOgrn(ogrn)]).toEqual([inn, true, ogrn, true]);
    const signup = await call(t, null, 'POST', '/api/v1/auth/register', { email: 'readme@example.org', password: 'Readme-sample-2026', fullName: 'Читатель README' });
    expect(signup.status).toBe(201);
    for (const { inn, ogrn } of pairs) {
      const r = await call(t, signup.json.token, 'POST', '/api/v1/organizations', {
        inn, ogrn, kpp: '402701001', fullName: 'Автономная некоммерческая организация «Пример»', shortName: `АНО «Пример ${inn}»`, regionCode: '40',
      });
      expect(r.status, `${inn} / ${ogrn}: ${r.body}`).toBe(201);
    }
  });
});

describe('(a) last year\'s competition, published', () => {
  let ranking: Row[];
  beforeAll(async () => { ranking = rows(await get('organiser@konkurs.demo', `/competitions/${comps.lastYear.id}/ranking`)); });

  it('is published, with 37 admitted applications all reviewed and ranked 1..37', () => {
    expect(comps.lastYear.status).toBe('published');
    expect(ranking).toHaveLength(37);
    expect(ranking.map((r) => r.rank)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(ranking.every((r) => !r.waiting && r.finalScore !== null && r.reviews.length >= 2)).toBe(true);
    expect(ranking.map((r) => r.finalScore)).toEqual([...ranking.map((r) => r.finalScore)].sort((x, y) => y! - x!));
  });

  it('holds one divergent application whose extra review is in: three reviews, final score their mean', () => {
    const divergent = ranking.filter((r) => r.divergent);
    expect(divergent).toHaveLength(1);
    expect(divergent[0]).toMatchObject({ extraExpert: 'reviewed', finalScore: 67 });
    expect(divergent[0].reviews.map((r) => r.total).sort()).toEqual([41, 72, 88]);
    expect(ranking.filter((r) => r.reviews.length === 3)).toHaveLength(1);
  });

  it('has winners within the budget, and passes over below the pass mark, the one-win rule and the budget', () => {
    const winners = ranking.filter((r) => r.status === 'winner');
    const others = ranking.filter((r) => r.status === 'not_supported');
    expect(winners.length).toBe(13);
    expect(winners.length + others.length).toBe(37);
    expect(winners.reduce((s, r) => s + r.requestedKopecks, 0)).toBeLessThanOrEqual(comps.lastYear.budgetKopecks);
    expect(others.filter((r) => r.finalScore! < comps.lastYear.passMark).length).toBeGreaterThanOrEqual(5);
    // «Добрые соседи» won with its first application; its second, above the pass mark, is passed over.
    const neighbours = ranking.filter((r) => r.organization.includes('Добрые соседи'));
    expect(neighbours.map((r) => [r.finalScore, r.status])).toEqual([[91, 'winner'], [84, 'not_supported']]);
    // Above the pass mark, no win of its organisation, and still not supported: the budget ran out.
    const wonBy = new Set(winners.map((r) => r.organizationId));
    const lastWinner = Math.max(...winners.map((r) => r.rank!));
    const outOfBudget = others.filter((r) => r.finalScore! >= comps.lastYear.passMark && !wonBy.has(r.organizationId));
    expect(outOfBudget.length).toBeGreaterThan(0);
    expect(outOfBudget.every((r) => r.rank! > lastWinner)).toBe(true);
  });

  it('shows its winners in the public registry, and the applicant its results with the experts\' scores', async () => {
    const { items } = await get(null, `/public/competitions/${comps.lastYear.id}/results`);
    expect(items).toHaveLength(13);
    const mine = await get('applicant@konkurs.demo', `/applications?competitionId=${comps.lastYear.id}&limit=10`);
    const statuses = mine.items.map((a: { status: string }) => a.status).sort();
    expect(statuses).toEqual(['not_supported', 'winner']);
    const won = mine.items.find((a: { status: string }) => a.status === 'winner');
    const results = await get('applicant@konkurs.demo', `/applications/${won.id}/results`);
    expect(results).toMatchObject({ status: 'winner', finalScore: 91, awardedKopecks: 90_000_000 });
    expect(results.reviews).toHaveLength(2);
  });

  it('gives the officials totals over seven regions: 39 submitted (the withdrawn one not), 37 admitted, 13 winners', async () => {
    for (const official of ['official@konkurs.demo', 'federal.official@konkurs.demo']) {
      const totals: { rows: ({ key: string } & Figures)[]; total: Figures } = await get(official, `/stats/totals?groupBy=region&competitionId=${comps.lastYear.id}`);
      expect(totals.rows.map((r) => r.key).sort()).toEqual(['32', '40', '50', '57', '67', '71', '77']);
      expect(totals.total).toMatchObject({ submitted: 39, admitted: 37, winners: 13 });
      expect(totals.total.awardedKopecks).toBeGreaterThan(0);
      expect(totals.total.awardedKopecks).toBeLessThanOrEqual(comps.lastYear.budgetKopecks);
    }
    const byDirection = await get('official@konkurs.demo', `/stats/totals?groupBy=direction&competitionId=${comps.lastYear.id}`);
    expect(byDirection.rows.length).toBeGreaterThanOrEqual(5);
  });

  it('leaves an intact audit chain whose events carry last year\'s instants', async () => {
    const verified = await get('admin@konkurs.demo', '/audit/verify');
    expect(verified.ok).toBe(true);
    const { items } = await get('admin@konkurs.demo', `/audit?entityId=${comps.lastYear.id}&limit=100`);
    const published = items.find((e: { action: string }) => e.action === 'competition.published' || e.action.endsWith('published'));
    expect(published).toBeTruthy();
    const ageDays = (t.clock.now().getTime() - Date.parse(published.at)) / 86_400_000;
    expect(ageDays).toBeGreaterThan(300);
  });
});

describe('(a) last year\'s reports and commission', () => {
  type Summary = { id: string; applicationId: string; applicationNumber: string; kind: string; seq: number; dueAt: string; status: string; overdue: boolean; grantSpentKopecks: number };
  let all: Summary[];
  beforeAll(async () => { all = (await get('organiser@konkurs.demo', `/competitions/${comps.lastYear.id}/reports?limit=100`)).items; });
  /** How many reports of each `seq:status[:overdue]`. */
  const count = (rows: Summary[]) => rows.reduce<Record<string, number>>((acc, r) => {
    const key = `${r.seq}:${r.status}${r.overdue ? ':overdue' : ''}`;
    return { ...acc, [key]: (acc[key] ?? 0) + 1 };
  }, {});

  it('has every report state: the first interim reports accepted; the second accepted, returned, submitted, overdue; the final ones not yet due', () => {
    expect(all).toHaveLength(13 * 3);
    expect(count(all)).toEqual({
      '1:accepted': 13,
      '2:accepted': 8, '2:returned:overdue': 1, '2:submitted': 2, '2:draft:overdue': 1, '2:due:overdue': 1,
      '3:due': 12, '3:draft': 1,
    });
    const now = t.clock.now().getTime();
    expect(all.filter((r) => r.kind === 'final').every((r) => Date.parse(r.dueAt) > now)).toBe(true);
    expect(all.filter((r) => r.kind === 'interim').every((r) => Date.parse(r.dueAt) < now)).toBe(true);
    // The organiser's list: overdue ones first.
    expect(all.slice(0, 3).every((r) => r.overdue)).toBe(true);
  });

  it('shows the demo applicant its reports: the first accepted, the second returned with comments beside a spending line and the narrative', async () => {
    const mine = await get('applicant@konkurs.demo', `/applications?competitionId=${comps.lastYear.id}&limit=10`);
    const won = mine.items.find((a: { status: string }) => a.status === 'winner');
    const reports: Summary[] = await get('applicant@konkurs.demo', `/applications/${won.id}/reports`);
    expect(reports.map((r) => [r.kind, r.status])).toEqual([['interim', 'accepted'], ['interim', 'returned'], ['final', 'due']]);
    const returned = await get('applicant@konkurs.demo', `/reports/${reports[1].id}`);
    expect(returned.fieldComments.map((c: { path: string }) => c.path)).toEqual(['spending.1.grantSpentKopecks', 'narrative']);
    expect(returned.comment).toMatch(/доработку/);
    expect(returned.history).toHaveLength(1);
    expect(returned.history[0]).toMatchObject({ decision: 'return' });
    expect(returned.links.some((l: string) => l.startsWith('https://vk.com/'))).toBe(true);
    expect(returned.events.every((e: { status: string | null }) => e.status)).toBe(true);
    // One winner's first report was returned once before it was accepted: two rounds in its history.
    const twice = await Promise.all(all.filter((r) => r.seq === 1).map((r) => get('organiser@konkurs.demo', `/reports/${r.id}`)));
    expect(twice.filter((r) => r.history.length === 2).map((r) => r.history.map((h: { decision: string }) => h.decision))).toEqual([['return', 'accept']]);
  });

  it('gives the officials the spent sum, the accepted and the overdue reports in the totals', async () => {
    const totals = await get('official@konkurs.demo', `/stats/totals?groupBy=region&competitionId=${comps.lastYear.id}`);
    expect(totals.total).toMatchObject({ reportsAccepted: 21, reportsOverdue: 3 });
    expect(totals.total.spentKopecks).toBeGreaterThan(0);
    expect(totals.total.spentKopecks).toBeLessThanOrEqual(totals.total.awardedKopecks);
  });

  it('has the ministry\'s commission of five on every demo competition: a chair, a secretary, three members', async () => {
    for (const c of Object.values(comps)) {
      const { members } = await get('organiser@konkurs.demo', `/competitions/${c.id}/commission`);
      expect(members.map((m: { role: string }) => m.role)).toEqual(['chair', 'secretary', 'member', 'member', 'member']);
      expect(members.every((m: { fullName: string; position: string }) => /^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/.test(m.fullName) && m.position.length > 10)).toBe(true);
    }
  });
});

describe('(b) the competition in review', () => {
  let ranking: Row[];
  beforeAll(async () => { ranking = rows(await get('organiser@konkurs.demo', `/competitions/${comps.inReview.id}/ranking`)); });

  it('is in review: one application waits for screening, one was rejected, ten are with the experts', async () => {
    expect(comps.inReview.status).toBe('review');
    expect(ranking).toHaveLength(10);
    const submitted = await get('organiser@konkurs.demo', `/applications?competitionId=${comps.inReview.id}&status=submitted&limit=50`);
    expect(submitted.items).toHaveLength(1);
    const rejected = await get('organiser@konkurs.demo', `/applications?competitionId=${comps.inReview.id}&status=rejected&limit=50`);
    expect(rejected.items).toHaveLength(1);
  });

  it('has a divergent application waiting for its extra expert, after the ranked ones', () => {
    const divergent = ranking.filter((r) => r.divergent);
    expect(divergent).toHaveLength(1);
    expect(divergent[0]).toMatchObject({ extraExpert: 'assigned', waiting: true, rank: null, status: 'under_review' });
    expect(divergent[0].reviews.map((r) => r.total).sort()).toEqual([42, 86]);
    const ranked = ranking.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranking.slice(0, ranked.length)).toEqual(ranked);
  });

  it('gives every demo expert work to do ("Оценить"): assigned reviews in this competition', async () => {
    for (const email of ['expert1@konkurs.demo', 'expert2@konkurs.demo', 'expert3@konkurs.demo']) {
      const { items } = await get(email, '/assignments/mine?limit=200');
      const open = items.filter((a: { status: string; competitionId: string }) => a.status === 'assigned' && a.competitionId === comps.inReview.id);
      expect(open.length, email).toBeGreaterThanOrEqual(2);
      // Last year's work is done.
      expect(items.filter((a: { status: string; competitionId: string }) => a.competitionId === comps.lastYear.id && a.status === 'assigned')).toEqual([]);
    }
  });
});

describe('(c) the open call', () => {
  it('is open now and closes in about 30 days; the public sees it', async () => {
    const { items } = await get(null, '/competitions?status=open');
    const open = items.find((c: Competition) => c.code === DEMO_CODES.open);
    expect(open).toBeTruthy();
    const now = t.clock.now().getTime();
    expect(Date.parse(open.opensAt)).toBeLessThanOrEqual(now);
    const days = (Date.parse(open.closesAt) - now) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThan(31.5);
  });

  it('lets the demo applicant start a draft in it', async () => {
    const { items } = await get('applicant@konkurs.demo', '/organizations/mine');
    const r = await call(t, await as('applicant@konkurs.demo'), 'POST', `/api/v1/competitions/${comps.open.id}/applications`, { organizationId: items[0].id, title: 'Проверка' });
    expect(r.status).toBe(201);
  });
});
