// A list cursor is valid only on the list and filters that issued it (API.md): a cursor of one list replayed on
// another, or on the same list with other filters, is a 400 naming `cursor`, never a 500 from a value of the wrong
// kind reaching a query (a /users cursor holds an e-mail where /audit expects a number and /applications a uuid).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ now: '2027-02-01T12:00:00Z' }); });
afterAll(async () => { await t?.close(); });

/** A list: who reads it, its address, and the values each of its filters may take (undefined: not set). */
interface List { name: string; user: () => TestUser; path: string; filters: Record<string, (string | undefined)[]> }

const query = (filters: Record<string, string | undefined>, cursor?: string) => {
  const q = new URLSearchParams({ limit: '1' });
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) q.set(k, v);
  if (cursor) q.set('cursor', cursor);
  return q.toString();
};

let lists: List[];

beforeAll(async () => {
  const op = await makeOperator(t);
  const admin = await makeUser(t, 'admin');
  const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  const experts = [await makeUser(t, 'expert', { operatorId: op.id }), await makeUser(t, 'expert', { operatorId: op.id })];
  const owner = await makeUser(t, 'applicant');
  const comp = await makeCompetition(t, op.id, { status: 'review', experts: experts.map((e) => e.id) });
  const other = await makeCompetition(t, op.id, { status: 'review', experts: experts.map((e) => e.id) });
  for (let i = 0; i < 3; i++) {
    const org = await makeOrganization(t, owner.id);
    const app = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    expect((await call(t, organiser.token, 'POST', `/api/v1/applications/${app.id}/screening`, { decision: 'admit' })).status).toBe(200);
    for (const e of experts) expect((await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: app.id, expertId: e.id })).status).toBe(201);
  }
  lists = [
    { name: 'users', user: () => admin, path: '/api/v1/users', filters: { role: [undefined, 'expert', 'applicant'] } },
    { name: 'audit', user: () => admin, path: '/api/v1/audit', filters: { action: [undefined, 'application.admitted'], entityType: [undefined, 'application'] } },
    { name: 'applications', user: () => organiser, path: '/api/v1/applications', filters: { status: [undefined, 'admitted'], competitionId: [undefined, comp.id] } },
    { name: 'competitions', user: () => admin, path: '/api/v1/competitions', filters: { status: [undefined, 'review'], operatorId: [undefined, op.id] } },
    { name: 'expert-pool', user: () => organiser, path: `/api/v1/competitions/${comp.id}/experts`, filters: {} },
    { name: 'expert-pool of another competition', user: () => organiser, path: `/api/v1/competitions/${other.id}/experts`, filters: {} },
    { name: 'assignments', user: () => organiser, path: `/api/v1/competitions/${comp.id}/assignments`, filters: { status: [undefined, 'assigned'], expertId: [undefined, experts[0].id] } },
    { name: 'my assignments', user: () => experts[0], path: '/api/v1/assignments/mine', filters: { status: [undefined, 'assigned'] } },
    { name: 'ranking', user: () => organiser, path: `/api/v1/competitions/${comp.id}/ranking`, filters: { sort: [undefined, 'number'], divergent: [undefined, 'false'] } },
  ];
});

async function firstCursor(list: List): Promise<string> {
  const r = await call(t, list.user().token, 'GET', `${list.path}?${query({})}`);
  expect(r.status, `${list.name}: ${r.body}`).toBe(200);
  expect(r.json.nextCursor, list.name).toEqual(expect.any(String));
  return r.json.nextCursor;
}

function expectCursorRefused(r: Awaited<ReturnType<typeof call>>, what: string) {
  expect([r.status, r.headers['content-type'], r.json.errors?.[0]?.path, r.json.errors?.[0]?.code], what)
    .toEqual([400, expect.stringMatching(/problem\+json/), 'cursor', 'cursor-other-list']);
}

describe('list cursors', () => {
  it('goes on where the list left off on the list that issued it', async () => {
    for (const list of lists) {
      const r = await call(t, list.user().token, 'GET', `${list.path}?${query({}, await firstCursor(list))}`);
      expect(r.status, `${list.name}: ${r.body}`).toBe(200);
    }
  });

  it('refuses a cursor of one list on every other list with a 400 naming `cursor`', async () => {
    for (const issuer of lists) {
      const cursor = await firstCursor(issuer);
      for (const target of lists.filter((l) => l !== issuer)) {
        const r = await call(t, target.user().token, 'GET', `${target.path}?${query({}, cursor)}`);
        expectCursorRefused(r, `${issuer.name} → ${target.name}`);
      }
    }
  });

  it('refuses a cursor replayed with other filters, and takes it with the same ones', async () => {
    const cursors = new Map<string, string>();
    for (const list of lists) cursors.set(list.name, await firstCursor(list));
    const withFilters = fc.integer({ min: 0, max: lists.length - 1 }).chain((i) => fc.tuple(fc.constant(lists[i]),
      fc.record(Object.fromEntries(Object.entries(lists[i].filters).map(([k, values]) => [k, fc.constantFrom(...values)])))));
    await fc.assert(fc.asyncProperty(withFilters, async ([list, filters]) => {
      const r = await call(t, list.user().token, 'GET', `${list.path}?${query(filters, cursors.get(list.name))}`);
      const same = Object.values(filters).every((v) => v === undefined);
      if (same) expect(r.status, `${list.name} ${r.body}`).toBe(200);
      else expectCursorRefused(r, `${list.name} ${JSON.stringify(filters)}`);
    }), { numRuns: 60 });
  });
});
