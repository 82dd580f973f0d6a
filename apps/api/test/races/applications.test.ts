// Races on a real server (PGlite runs one statement at a time, so it cannot race), and the deadline to the
// millisecond with the injected clock (on either database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, notInArray } from 'drizzle-orm';
import { applications } from '../../src/db/schema/index.js';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';

let t: TestApp;
let owner: TestUser;
let org: { id: string };
let operatorId: string;
beforeAll(async () => {
  t = await createTestApp();
  operatorId = (await makeOperator(t)).id;
  owner = await makeUser(t, 'applicant');
  org = await makeOrganization(t, owner.id);
});
afterAll(async () => { await t?.close(); });

const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort().reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe.skipIf(!isRealPostgres)('races (PostgreSQL)', () => {
  it('20 parallel autosaves on one version: exactly one wins, the rest are 412', async () => {
    const comp = await makeCompetition(t, operatorId);
    const app = await makeApplication(t, comp, org.id, owner.id);
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      call(t, owner.token, 'PATCH', `/api/v1/applications/${app.id}`, { version: 1, title: `Версия ${i}` })));
    expect(statuses(rs)).toEqual({ 200: 1, 412: 19 });
    const winner = rs.find((r) => r.status === 200)!.json;
    const [row] = await t.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row).toMatchObject({ version: 2, title: winner.title });
  });

  it('50 parallel submits of one application: exactly one succeeds', async () => {
    const comp = await makeCompetition(t, operatorId);
    const app = await makeApplication(t, comp, org.id, owner.id);
    const rs = await Promise.all(Array.from({ length: 50 }, () => call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/submit`)));
    expect(statuses(rs)).toEqual({ 200: 1, 409: 49 });
    const [row] = await t.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row).toMatchObject({ status: 'submitted', version: 2 });
  });

  it('parallel submits of different applications hold the organisation’s limit', async () => {
    const comp = await makeCompetition(t, operatorId, { maxApplicationsPerOrganization: 2 });
    const drafts = [];
    for (let i = 0; i < 8; i++) drafts.push(await makeApplication(t, comp, org.id, owner.id));
    const rs = await Promise.all(drafts.map((d) => call(t, owner.token, 'POST', `/api/v1/applications/${d.id}/submit`)));
    expect(statuses(rs)).toEqual({ 200: 2, 422: 6 });
    for (const r of rs.filter((x) => x.status === 422)) expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['organizationId']);
    const submitted = await t.db.select({ id: applications.id }).from(applications)
      .where(and(eq(applications.competitionId, comp.id), notInArray(applications.status, ['draft', 'withdrawn'])));
    expect(submitted).toHaveLength(2);
  });

  it('parallel drafts in one competition get distinct consecutive numbers', async () => {
    const comp = await makeCompetition(t, operatorId, { code: `SEQ-${Date.now()}` });
    const rs = await Promise.all(Array.from({ length: 20 }, () => call(t, owner.token, 'POST', `/api/v1/competitions/${comp.id}/applications`, { organizationId: org.id })));
    expect(statuses(rs)).toEqual({ 201: 20 });
    expect(rs.map((r) => r.json.number).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `${comp.code}-${String(i + 1).padStart(6, '0')}`));
  });
});

describe('the deadline, by the server clock', () => {
  it('accepts a submit 1 ms before closesAt and refuses one at or 1 ms after it with 409', async () => {
    const now = t.clock.now().getTime();
    const closesAt = new Date(now + 3_600_000);
    const comp = await makeCompetition(t, operatorId, { closesAt, maxApplicationsPerOrganization: 10 });
    const [before, at, after] = [await makeApplication(t, comp, org.id, owner.id), await makeApplication(t, comp, org.id, owner.id), await makeApplication(t, comp, org.id, owner.id)];
    try {
      t.clock.set(closesAt.getTime() - 1);
      const ok = await call(t, owner.token, 'POST', `/api/v1/applications/${before.id}/submit`);
      expect(ok.status).toBe(200);
      expect(ok.json.submittedAt).toBe(new Date(closesAt.getTime() - 1).toISOString());
      t.clock.set(closesAt.getTime());
      expect((await call(t, owner.token, 'POST', `/api/v1/applications/${at.id}/submit`)).status).toBe(409);
      t.clock.set(closesAt.getTime() + 1);
      const late = await call(t, owner.token, 'POST', `/api/v1/applications/${after.id}/submit`);
      expect(late.status).toBe(409);
      expect(late.json.type).toBe('urn:konkurs:problem:deadline-passed');
    } finally {
      t.clock.set(now);
    }
  });
});
