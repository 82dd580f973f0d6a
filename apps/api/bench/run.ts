// `pnpm bench [--quick] [--keep] [--only=notifications]`: loads the national dataset into a database of its own on the PostgreSQL
// server of DATABASE_URL, measures the figures of TARGETS.md through the real API (in a child process, over
// HTTP), each beside a baseline measured in the same run, and writes docs/PERFORMANCE.md.
// A step whose endpoint does not exist yet reports "skipped (endpoint not available)" and the run goes on. `--only=<step>`
// runs the dataset and that step alone (in a database of its own) and prints its rows without writing the report.
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectPg, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { applicationExportRows } from '../src/queries/exports.js';
import { loadDataset, NATIONAL, QUICK, type Dataset, type Scale } from './dataset.js';
import { fullApplication, fullApplicationRow } from './content.js';
import { Client, closedLoop, noRoute, openLoop, percentile, type LoadResult, type Response } from './load.js';
import type { MemoryReport, ToServer } from './server.js';
import { measureNotifications } from './notifications.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const want = (step: string) => !only || only === step;
const scale: Scale = quick ? QUICK : NATIONAL;
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DB_NAME = only ? `konkurs_bench_${only.replace(/\W/g, '_')}` : 'konkurs_bench';
const REPORT = fileURLToPath(new URL('../../../docs/PERFORMANCE.md', import.meta.url));
const SECRET = randomBytes(32).toString('hex');
const AUTOSAVE_RATE = 333;
const seconds = (quick ? 4 : 8);

interface Figure { what: string; value: string; baseline: string; ratio: string; target: string; verdict: string }
const figures: Figure[] = [];
const notes: string[] = [];

function record(f: Figure) {
  figures.push(f);
  console.log(`  ${f.what}: ${f.value} | baseline ${f.baseline} | ${f.ratio} | target ${f.target} → ${f.verdict}`);
}
const skipped = (what: string, target: string) => record({ what, value: 'skipped (endpoint not available)', baseline: '—', ratio: '—', target, verdict: 'skipped' });
const ms = (v: number) => `${v.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function dbUrl(name: string) {
  const u = new URL(baseUrl);
  u.pathname = '/' + name;
  return u.toString();
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

// ---- the server under test, in a child process --------------------------------------------------------------

interface Server { child: ChildProcess; port: number; ask<T>(msg: ToServer): Promise<T>; close(): Promise<void> }

async function startServer(mode: 'app' | 'bare'): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [mode], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, BENCH_DATABASE_URL: dbUrl(DB_NAME), BENCH_SECRET: SECRET },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the ${mode} server exited with ${code}`)));
  });
  const ask = <T>(msg: ToServer) => new Promise<T>((resolve) => { child.once('message', (m) => resolve(m as T)); child.send(msg); });
  return {
    child, port, ask,
    close: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.send({ cmd: 'close' }); }),
  };
}

async function tokensFor(db: pg.Client, server: Server, userIds: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; user_id: string }>(
    `insert into sessions (user_id, expires_at) select u, now() + interval '1 day' from unnest($1::uuid[]) u returning id, user_id`, [userIds]);
  const { tokens } = await server.ask<{ tokens: string[] }>({ cmd: 'sign', sessions: rows.map((r) => ({ sub: r.user_id, sid: r.id })) });
  return new Map(rows.map((r, i) => [r.user_id, tokens[i]]));
}

// ---- steps ----------------------------------------------------------------------------------------------------

async function stepDataset(db: pg.Client, now: Date): Promise<Dataset> {
  console.log(`(a) dataset: ${scale.applications} applications, ${scale.reviews} reviews, ${scale.organizations} organisations`);
  const [, baseline] = await timed(async () => {
    await db.query(`create table bench_baseline as select i, md5(i::text) as t from generate_series(1, $1) i`, [scale.applications + scale.reviews * 2]);
    await db.query(`drop table bench_baseline`);
  });
  const [dataset, elapsed] = await timed(async () => {
    const d = await loadDataset(db, scale, now, fullApplicationRow(now));
    await db.query('vacuum analyze');
    return d;
  });
  const { rows: [counts] } = await db.query(`select (select count(*) from applications)::int as apps, (select count(*) from reviews)::int as reviews,
    (select count(*) from organizations)::int as orgs, (select count(*) from competitions)::int as comps, pg_size_pretty(pg_database_size(current_database())) as size`);
  notes.push(`Dataset: ${counts.comps} competitions, ${counts.apps} applications, ${counts.reviews} reviews (with as many assignments), `
    + `${counts.orgs} organisations, ${scale.experts} experts; database size ${counts.size}.`);
  record({
    what: `(a) generate and load the dataset (${counts.apps} applications, ${counts.reviews} reviews), incl. VACUUM ANALYZE`,
    value: `${(elapsed / 1000).toFixed(1)} s`, baseline: `${(baseline / 1000).toFixed(1)} s (CREATE TABLE AS of ${scale.applications + scale.reviews * 2} narrow rows)`,
    ratio: `${(elapsed / baseline).toFixed(1)}×`, target: '≤ 120 s', verdict: verdict(elapsed <= 120_000),
  });
  return dataset;
}

async function stepTotals(client: Client, db: pg.Client, token: string) {
  console.log('(b) totals');
  const runs = quick ? 20 : 50;
  for (const groupBy of ['region', 'direction'] as const) {
    const path = `/api/v1/stats/totals?groupBy=${groupBy}`;
    const first = await client.request('GET', path, { token });
    if (noRoute(first)) { skipped(`(b) totals by ${groupBy}`, 'p50 ≤ 50 ms'); continue; }
    if (first.status !== 200) throw new Error(`totals answered ${first.status}: ${first.body}`);
    const latencies: number[] = [];
    for (let i = 0; i < runs; i++) latencies.push((await client.request('GET', path, { token })).ms);
    // The baseline: the same figures by a plain GROUP BY over the application rows, as without application_totals.
    const column = groupBy === 'region' ? 'region_code' : 'direction_code';
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      base.push((await timed(() => db.query(`select ${column}, count(*), count(*) filter (where status in ('admitted', 'under_review', 'reviewed', 'winner', 'not_supported')),
        count(*) filter (where status = 'winner'), sum(requested_kopecks), sum(awarded_kopecks) filter (where status = 'winner')
        from applications where status in ('submitted', 'admitted', 'rejected', 'under_review', 'reviewed', 'winner', 'not_supported') group by 1`)))[1]);
    }
    const p50 = percentile(latencies, 50);
    record({
      what: `(b) totals by ${groupBy} over ${scale.applications} applications, ${runs} requests (${JSON.parse(first.body).rows.length} rows)`,
      value: `p50 ${ms(p50)}, p95 ${ms(percentile(latencies, 95))}`,
      baseline: `p50 ${ms(percentile(base, 50))} (a plain GROUP BY over the rows in SQL, no summary table, no HTTP)`, ratio: `${(p50 / percentile(base, 50)).toFixed(2)}×`,
      target: 'p50 ≤ 50 ms', verdict: verdict(p50 <= 50),
    });
  }
}

async function stepExport(client: Client, server: Server, direct: Database, token: string): Promise<{ rows: number; perSecond: number } | undefined> {
  console.log('(c) CSV export');
  const path = '/api/v1/exports/applications.csv';
  let rows = -1; // the header line
  await server.ask({ cmd: 'mem-start' });
  const started = performance.now();
  const r = await client.request('GET', path, {
    token, onData: (chunk) => { for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++; },
  });
  const elapsed = (performance.now() - started) / 1000;
  const { memory } = await server.ask<{ memory: MemoryReport }>({ cmd: 'mem-stop' });
  if (noRoute(r)) { skipped('(c) CSV export of the applications', '≥ 100,000 rows/s, memory growth ≤ 64 MB'); return undefined; }
  if (r.status !== 200) throw new Error(`the export answered ${r.status}`);
  const [baseRows, baseMs] = await timed(async () => {
    let n = 0;
    for await (const _row of applicationExportRows(direct, { scope: undefined })) n++;
    return n;
  });
  const perSecond = rows / elapsed;
  const basePerSecond = baseRows / (baseMs / 1000);
  const growth = memory.rssPeak - memory.rssBefore;
  record({
    what: `(c) CSV export of ${rows} applications (all competitions, admin)`,
    value: `${Math.round(perSecond).toLocaleString('en')} rows/s (${elapsed.toFixed(2)} s); RSS +${mb(growth)}, heap +${mb(memory.heapPeak - memory.heapBefore)} (RSS before ${mb(memory.rssBefore)})`,
    baseline: `${Math.round(basePerSecond).toLocaleString('en')} rows/s (the same rows read from the database, no CSV, no HTTP)`,
    ratio: `${(perSecond / basePerSecond).toFixed(2)}×`, target: '≥ 100,000 rows/s, memory growth ≤ 64 MB',
    verdict: verdict(perSecond >= 100_000 && growth <= 64 * 1024 * 1024),
  });
  return { rows, perSecond };
}

/** The same export as XLSX (exceljs's streaming writer, deflated): its rows/s and memory against the CSV's. */
async function stepExportXlsx(client: Client, server: Server, token: string, csv: { rows: number; perSecond: number }) {
  console.log('(c2) XLSX export');
  let bytes = 0;
  await server.ask({ cmd: 'mem-start' });
  const started = performance.now();
  const r = await client.request('GET', '/api/v1/exports/applications.xlsx', { token, onData: (chunk) => { bytes += chunk.length; } });
  const elapsed = (performance.now() - started) / 1000;
  const { memory } = await server.ask<{ memory: MemoryReport }>({ cmd: 'mem-stop' });
  if (noRoute(r)) { skipped('(c2) XLSX export of the applications', '≥ 30,000 rows/s, memory growth ≤ 64 MB'); return; }
  if (r.status !== 200) throw new Error(`the XLSX export answered ${r.status}`);
  const perSecond = csv.rows / elapsed;
  const growth = memory.rssPeak - memory.rssBefore;
  record({
    what: `(c2) XLSX export of the same ${csv.rows} applications (typed cells, deflated: ${mb(bytes)})`,
    value: `${Math.round(perSecond).toLocaleString('en')} rows/s (${elapsed.toFixed(2)} s); RSS +${mb(growth)}, heap +${mb(memory.heapPeak - memory.heapBefore)}`,
    baseline: `${Math.round(csv.perSecond).toLocaleString('en')} rows/s (the CSV of (c), this run)`,
    ratio: `${(perSecond / csv.perSecond).toFixed(2)}×`, target: '≥ 30,000 rows/s (TARGETS.md), memory growth ≤ 64 MB',
    verdict: verdict(perSecond >= 30_000 && growth <= 64 * 1024 * 1024),
  });
}

/** Autosave traffic: each application is saved by one client at a time, carrying the version it last got back. */
function autosaver(db: pg.Client, ids: string[], send: (id: string, version: number, revision: number) => Promise<Response>) {
  const versions = new Map<string, number>();
  const idle: string[] = [...ids];
  let revision = 0;
  return {
    async reset() {
      const { rows } = await db.query<{ id: string; version: number }>('select id, version from applications where id = any($1)', [ids]);
      for (const r of rows) versions.set(r.id, r.version);
    },
    async save(id?: string): Promise<Response> {
      const target = id ?? idle.shift();
      // -1: every draft has a save in flight — the server answers slower than each applicant saves.
      if (!target) return { status: -1, body: 'client busy', ms: 0 };
      try {
        const r = await send(target, versions.get(target)!, ++revision);
        if (r.status === 200) versions.set(target, JSON.parse(r.body).version);
        return r;
      } finally {
        if (!id) idle.push(target);
      }
    },
  };
}

async function measureAutosave(label: string, saver: ReturnType<typeof autosaver>, ids: string[], workers: number) {
  await saver.reset();
  const max = await closedLoop(workers, seconds, (w) => () => saver.save(ids[w % ids.length]));
  await saver.reset();
  const fixed = await openLoop(AUTOSAVE_RATE, seconds, () => saver.save());
  console.log(`  ${label}: max ${max.perSecond.toFixed(0)}/s (${JSON.stringify(max.statuses)}), at ${AUTOSAVE_RATE}/s p99 ${percentile(fixed.latencies, 99).toFixed(1)} ms, ${fixed.errors} errors ${JSON.stringify(fixed.statuses)}`);
  return { max, fixed };
}

async function stepAutosave(db: pg.Client, dataset: Dataset, now: Date) {
  console.log('(d) autosave');
  const ids = dataset.autosaveDrafts.map(([id]) => id);
  const workers = Math.min(32, ids.length);
  const body = (version: number, revision: number) => ({ version, ...fullApplication(now, revision) });

  const app = await startServer('app');
  const appClient = new Client(app.port);
  const tokens = await tokensFor(db, app, dataset.autosaveDrafts.map(([, owner]) => owner));
  const owner = new Map(dataset.autosaveDrafts);
  const probe = await appClient.request('PATCH', `/api/v1/applications/${ids[0]}`, { token: tokens.get(owner.get(ids[0])!), body: body(1, 0) });
  let api: { max: LoadResult; fixed: LoadResult } | undefined;
  if (!noRoute(probe)) {
    if (probe.status !== 200) notes.push(`Autosave probe answered ${probe.status}: ${probe.body.slice(0, 300)}`);
    const saver = autosaver(db, ids, (id, version, revision) =>
      appClient.request('PATCH', `/api/v1/applications/${id}`, { token: tokens.get(owner.get(id)!), body: body(version, revision) }));
    api = await measureAutosave('API', saver, ids, workers);
    if (api) await stepCreate(db, dataset, now, appClient, tokens, workers, api.max);
  }
  appClient.close();
  await app.close();

  const bare = await startServer('bare');
  const bareClient = new Client(bare.port);
  const bareSaver = autosaver(db, ids, (id, version, revision) => bareClient.request('PATCH', `/bare/${id}`, { body: body(version, revision) }));
  const base = await measureAutosave('bare', bareSaver, ids, workers);
  bareClient.close();
  await bare.close();

  const target = `max ≥ 50% of the bare route; at ${AUTOSAVE_RATE}/s 0 errors and p99 ≤ 2× the bare p99`;
  if (!api) { skipped('(d) autosave (PATCH of a full ~30 KB application)', target); return base.max.perSecond; }
  const ratio = api.max.perSecond / base.max.perSecond;
  record({
    what: `(d) autosave, maximum throughput (${workers} clients, ${seconds} s)`,
    value: `${api.max.perSecond.toFixed(0)} saves/s (${api.max.errors} errors)`, baseline: `${base.max.perSecond.toFixed(0)} saves/s (bare Fastify + pg versioned UPDATE)`,
    ratio: `${(ratio * 100).toFixed(0)}%`, target: '≥ 50% of the bare route', verdict: verdict(ratio >= 0.5 && api.max.errors === 0),
  });
  const p99 = percentile(api.fixed.latencies, 99);
  const baseP99 = percentile(base.fixed.latencies, 99);
  record({
    what: `(d) autosave at a fixed ${AUTOSAVE_RATE} req/s for ${seconds} s`,
    value: `p99 ${ms(p99)}, ${api.fixed.errors} errors of ${api.fixed.ok + api.fixed.errors}`, baseline: `p99 ${ms(baseP99)}, ${base.fixed.errors} errors (bare route)`,
    ratio: `${(p99 / baseP99).toFixed(2)}×`, target: '0 errors, p99 ≤ 2× the bare p99', verdict: verdict(api.fixed.errors === 0 && p99 <= 2 * baseP99),
  });
  return base.max.perSecond;
}

/** What the backends wait on while a load runs, sampled from pg_stat_activity: the answer to "what serialises them". */
function waitSampler(db: pg.Client) {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await db.query<{ wait: string; n: number }>(`select coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait, count(*)::int as n
        from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and datname = current_database() group by 1`);
      for (const r of rows) counts.set(r.wait, (counts.get(r.wait) ?? 0) + r.n);
      samples++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([w, n]) => `${w} ${(n / Math.max(1, samples)).toFixed(1)}`).join(', ');
  };
}

/**
 * Creating full drafts (~33 KB each) in the open competition, as many clients as the autosave's maximum row, in the
 * same run: the work per request is of the same order (one INSERT against one UPDATE), so creation should not queue.
 */
async function stepCreate(db: pg.Client, dataset: Dataset, now: Date, client: Client, tokens: Map<string, string>, workers: number, autosave: LoadResult) {
  console.log('(d2) draft creation');
  const { rows: owners } = await db.query<{ organization_id: string; created_by: string }>(
    'select distinct on (organization_id) organization_id, created_by from applications where id = any($1)', [dataset.autosaveDrafts.map(([id]) => id)]);
  const body = (organizationId: string) => ({ organizationId, ...fullApplication(now) });
  const stopSampling = waitSampler(db);
  const r = await closedLoop(workers, seconds, (w) => {
    const { organization_id: org, created_by: owner } = owners[w % owners.length];
    return () => client.request('POST', `/api/v1/competitions/${dataset.openCompetitionId}/applications`, { token: tokens.get(owner), body: body(org) });
  });
  const waits = await stopSampling();
  const ratio = r.perSecond / autosave.perSecond;
  const p99 = percentile(r.latencies, 99);
  const autosaveP99 = percentile(autosave.latencies, 99);
  console.log(`  create: ${r.perSecond.toFixed(0)}/s p99 ${p99.toFixed(1)} ms ${JSON.stringify(r.statuses)}; backends waiting on: ${waits}`);
  notes.push(`Draft creation under load, mean active backends per wait event (pg_stat_activity every 50 ms): ${waits}.`);
  record({
    what: `(d2) draft creation, maximum throughput (${workers} clients, ${seconds} s, full ~33 KB drafts)`,
    value: `${r.perSecond.toFixed(0)} creations/s, p99 ${ms(p99)} (${r.errors} errors)`,
    baseline: `${autosave.perSecond.toFixed(0)} autosaves/s, p99 ${ms(autosaveP99)} (row d, same clients)`,
    ratio: `${(ratio * 100).toFixed(0)}%, p99 ${(p99 / autosaveP99).toFixed(2)}×`, target: '≥ 70% of the autosave, p99 ≤ 2× its p99',
    verdict: verdict(ratio >= 0.7 && p99 <= 2 * autosaveP99 && r.errors === 0),
  });
}

async function stepSubmit(db: pg.Client, dataset: Dataset, bareRate: number) {
  console.log('(e) submit');
  const app = await startServer('app');
  const client = new Client(app.port);
  const tokens = await tokensFor(db, app, dataset.submitDrafts.map(([, owner]) => owner));
  const queue = [...dataset.submitDrafts];
  const [firstId, firstOwner] = queue[0];
  const probe = await client.request('POST', `/api/v1/applications/${firstId}/submit`, { token: tokens.get(firstOwner) });
  if (noRoute(probe)) {
    skipped('(e) submit throughput', '≥ 300/s');
  } else {
    if (probe.status !== 200) notes.push(`Submit probe answered ${probe.status}: ${probe.body.slice(0, 300)}`);
    queue.shift();
    const r = await closedLoop(16, quick ? 10 : 20, () => {
      const next = queue.shift();
      return next ? () => client.request('POST', `/api/v1/applications/${next[0]}/submit`, { token: tokens.get(next[1]) }) : null;
    });
    record({
      what: `(e) submit (${r.ok + r.errors} applications, 16 clients)`,
      value: `${r.perSecond.toFixed(0)} submits/s, ${r.errors} errors ${JSON.stringify(r.statuses)}`,
      baseline: `${bareRate.toFixed(0)} req/s (the bare versioned UPDATE, step d)`, ratio: `${(r.perSecond / bareRate * 100).toFixed(0)}%`,
      target: '≥ 300/s', verdict: verdict(r.perSecond >= 300 && r.errors === 0),
    });
  }
  client.close();
  await app.close();
}

async function stepReview(db: pg.Client, direct: Database, dataset: Dataset) {
  console.log('(f) ranking and automatic assignment');
  const app = await startServer('app');
  const client = new Client(app.port);
  const token = (await tokensFor(db, app, [dataset.organiserId])).get(dataset.organiserId)!;
  const rankingPath = `/api/v1/competitions/${dataset.rankingCompetitionId}/ranking`;
  const first = await client.request('GET', rankingPath, { token });
  if (noRoute(first)) {
    skipped(`(f) ranking of a ${scale.rankingApplications}-application competition`, '≤ 200 ms');
  } else {
    // The page shape (API.md): the first page (default limit 200) is what the organiser's screen asks for; the walk
    // over every page at the largest limit is what an export-like reader pays (each page ranks the whole round).
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) latencies.push((await client.request('GET', rankingPath, { token })).ms);
    let rows = 0;
    let cursor: string | null = null;
    const [, walkMs] = await timed(async () => {
      do {
        const page = await client.request('GET', `${rankingPath}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
        const body = JSON.parse(page.body) as { items: unknown[]; nextCursor: string | null };
        rows += body.items.length;
        cursor = body.nextCursor;
      } while (cursor);
    });
    record({
      what: `(f) ranking walked page by page (limit 500): ${rows} rows`, value: ms(walkMs), baseline: '—', ratio: '—',
      target: `${scale.rankingApplications} rows`, verdict: verdict(rows === scale.rankingApplications),
    });
    const base: number[] = [];
    for (let i = 0; i < 10; i++) {
      base.push((await timed(() => db.query(`select a.id, a.number, a.title, a.final_score, a.submitted_at, o.short_name, o.inn
        from applications a join organizations o on o.id = a.organization_id where a.competition_id = $1 order by a.final_score desc nulls last, a.submitted_at`,
      [dataset.rankingCompetitionId])))[1]);
    }
    const p50 = percentile(latencies, 50);
    record({
      what: `(f) ranking of a ${scale.rankingApplications}-application competition, first page (status ${first.status}, 10 requests)`,
      value: `p50 ${ms(p50)}, max ${ms(Math.max(...latencies))}`, baseline: `p50 ${ms(percentile(base, 50))} (a plain ordered SELECT of the rows)`,
      ratio: `${(p50 / percentile(base, 50)).toFixed(1)}×`, target: '≤ 200 ms', verdict: verdict(first.status === 200 && p50 <= 200),
    });
  }

  const autoPath = `/api/v1/competitions/${dataset.assignCompetitionId}/assignments/auto`;
  const [auto, autoMs] = await timed(() => client.request('POST', autoPath, { token, body: {} }));
  if (noRoute(auto)) {
    skipped(`(f) automatic assignment, ${scale.assignmentApplications} × 2 over ${scale.experts} experts`, '≤ 5 s, balanced ±1');
  } else {
    const [, baseMs] = await timed(async () => {
      await db.query('begin');
      await db.query(`insert into assignments (competition_id, application_id, expert_id)
        select a.competition_id, a.id, e.id from (select *, row_number() over () as n from applications where competition_id = $1) a
        cross join generate_series(0, 1) j join (select id, row_number() over () - 1 as k from users where role = 'expert') e on e.k = (a.n * 2 + j) % $2
        on conflict do nothing`, [dataset.assignCompetitionId, scale.experts]);
      await db.query('rollback');
    });
    const { rows: [load] } = await db.query(`select sum(n)::int as total, min(n)::int as min, max(n)::int as max, avg(n)::float as mean from (
        select e.id, count(x.id) as n from users e left join assignments x on x.expert_id = e.id and x.competition_id = $1
        where e.role = 'expert' group by e.id) t`, [dataset.assignCompetitionId]);
    const balanced = load.max - load.mean <= 1 && load.mean - load.min <= 1;
    record({
      what: `(f) automatic assignment, ${scale.assignmentApplications} × 2 over ${scale.experts} experts (status ${auto.status})`,
      value: `${(autoMs / 1000).toFixed(2)} s; ${load.total} assignments, load min ${load.min} / mean ${load.mean.toFixed(1)} / max ${load.max}`,
      baseline: `${(baseMs / 1000).toFixed(2)} s (one INSERT ... SELECT of the same number of rows)`, ratio: `${(autoMs / baseMs).toFixed(1)}×`,
      target: '≤ 5 s, balanced ±1', verdict: verdict(auto.status < 300 && autoMs <= 5000 && balanced),
    });
  }
  client.close();
  await app.close();
  void direct;
}

async function stepNotifications(db: pg.Client, direct: Database, drafts: [string, string][]) {
  console.log('(g) notifications');
  const app = await startServer('app');
  const tokens = await tokensFor(db, app, drafts.map(([, owner]) => owner));
  const result = await measureNotifications({ db, direct, apiPort: app.port, secret: SECRET, drafts, tokens, rate: 20, drain: quick ? 2000 : 5000 });
  for (const f of result.figures) record({ ...f, verdict: f.value.startsWith('skipped') ? 'skipped' : verdict(f.ok) });
  notes.push(...result.notes);
  await app.close();
}

// ---- the run --------------------------------------------------------------------------------------------------

async function machine(db: pg.Client) {
  const { rows: [v] } = await db.query('show server_version');
  const cpu = cpus();
  return `${cpu.length} CPUs (nproc) — ${cpu[0]?.model ?? 'unknown'}, ${mb(totalmem())} RAM; Node ${process.version}; PostgreSQL ${v.server_version} on the same machine; `
    + `load average ${loadavg()[0].toFixed(1)} at the start`;
}

function writeReport(command: string, machineLine: string, totalSeconds: number) {
  const lines = [
    '# Performance',
    '',
    'Written by the benchmark harness (`apps/api/bench/run.ts`); do not edit by hand, run it again.',
    '',
    `- Command: \`${command}\``,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machineLine}`,
    `- Scale: ${quick ? 'quick (a tenth of the national dataset)' : 'national'}; the whole run took ${totalSeconds.toFixed(0)} s; load average ${loadavg()[0].toFixed(1)} at the end`
      + ' (other work on the machine slows every figure, the baselines with it: read the ratios)',
    '- The API runs in a child process of its own, reached over HTTP with keep-alive; every figure has a baseline measured in the same run.',
    '',
    '| what | figure | baseline (same run) | ratio | target | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
    ...figures.map((f) => `| ${[f.what, f.value, f.baseline, f.ratio, f.target, f.verdict].map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
    '## Notes',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ];
  writeFileSync(REPORT, lines.join('\n'));
}

async function main() {
  const runStarted = performance.now();
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  const direct = connectPg(dbUrl(DB_NAME), 4);
  const db = new pg.Client({ connectionString: dbUrl(DB_NAME) });
  try {
    await runMigrations(direct);
    await db.connect();
    const machineLine = await machine(db);
    console.log(machineLine);
    const now = new Date();
    const dataset = await stepDataset(db, now);

    // Drafts of organisations of their own for the notifications step, kept from the submit step.
    const mailDrafts = dataset.submitDrafts.splice(-(quick ? 50 : 100));
    if (!only) {
      const app = await startServer('app');
      const client = new Client(app.port);
      const adminToken = (await tokensFor(db, app, [dataset.adminId])).get(dataset.adminId)!;
      await stepTotals(client, db, adminToken);
      const csv = await stepExport(client, app, direct, adminToken);
      if (csv) await stepExportXlsx(client, app, adminToken, csv);
      client.close();
      await app.close();

      const bareRate = await stepAutosave(db, dataset, now);
      await stepSubmit(db, dataset, bareRate);
      await stepReview(db, direct, dataset);
    }
    if (want('notifications')) await stepNotifications(db, direct, mailDrafts);
    if (only) return;

    // After every step's writes (submits, assignments), the kept totals must still equal a fresh aggregation.
    const { rows: [check] } = await db.query(`with kept as (
        select competition_id, region_code, direction_code, submitted, admitted, winners, requested_kopecks, awarded_kopecks
        from application_totals where submitted <> 0
      ), fresh as (
        select competition_id, region_code, coalesce(direction_code, '') as direction_code, count(*)::int as submitted,
          (count(*) filter (where status in ('admitted', 'under_review', 'reviewed', 'winner', 'not_supported')))::int as admitted,
          (count(*) filter (where status = 'winner'))::int as winners, sum(requested_kopecks) as requested_kopecks,
          coalesce(sum(awarded_kopecks) filter (where status = 'winner'), 0) as awarded_kopecks
        from applications where status in ('submitted', 'admitted', 'rejected', 'under_review', 'reviewed', 'winner', 'not_supported') group by 1, 2, 3
      )
      select (select count(*) from (select * from kept except select * from fresh) a)::int
        + (select count(*) from (select * from fresh except select * from kept) b)::int as differing`);
    notes.push(`application_totals after the run: ${check.differing === 0 ? 'equal to' : `${check.differing} groups differ from`} a fresh aggregation of the applications.`);

    const command = `pnpm bench${args.length ? ' ' + args.join(' ') : ''}   # DATABASE_URL=${baseUrl.replace(/\/\/[^@]*@/, '//***@')}`;
    writeReport(command, machineLine, (performance.now() - runStarted) / 1000);
    console.log(`written ${REPORT}`);
  } finally {
    await db.end().catch(() => {});
    await direct.close();
    if (!keep) await admin.query(`drop database if exists ${DB_NAME} with (force)`).catch(() => {});
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
