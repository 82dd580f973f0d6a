// Finding 7 of the audit, replayed: an organisation of region 62 switches its region to 40, starts a draft in a
// Kaluga-only (40) competition, switches back to 62 and submits. The submit checks the region again: 422 naming
// organizationId, and nothing submitted. On PGlite and on PostgreSQL (DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { call, completeDraft, makeCompetition, makeOperator, makeOrganization, makeUser } from '../fixtures.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ now: '2027-02-01T12:00:00Z' }); });
afterAll(async () => { await t?.close(); });

describe('region scope dodged by switching the region', () => {
  it('switch to 40, start a draft in a Kaluga-only competition, switch back to 62, submit: 422 region-not-allowed', async () => {
    const op = await makeOperator(t);
    const owner = await makeUser(t, 'applicant');
    const org = await makeOrganization(t, owner.id, '62');
    const comp = await makeCompetition(t, op.id, { regionCodes: ['40'] });
    const region = async (regionCode: string) =>
      expect((await call(t, owner.token, 'PATCH', `/api/v1/organizations/${org.id}`, { regionCode })).json).toMatchObject({ regionCode });

    await region('40');
    const draft = await call(t, owner.token, 'POST', `/api/v1/competitions/${comp.id}/applications`, { organizationId: org.id, ...completeDraft(comp) });
    expect(draft.status, draft.body).toBe(201);
    await region('62');

    const r = await call(t, owner.token, 'POST', `/api/v1/applications/${draft.json.id}/submit`);
    expect(r.status, r.body).toBe(422);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.json.errors).toEqual([expect.objectContaining({ path: 'organizationId', code: 'region-not-allowed', params: { code: comp.code, regions: ['40'], regionCode: '62' } })]);
    expect((await call(t, owner.token, 'GET', `/api/v1/applications/${draft.json.id}`)).json).toMatchObject({ status: 'draft', submittedAt: null });

    // Back in 40 (where it may apply), the same draft goes in.
    await region('40');
    expect((await call(t, owner.token, 'POST', `/api/v1/applications/${draft.json.id}/submit`)).status).toBe(200);
  });
});
