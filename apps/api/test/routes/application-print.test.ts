// What a printed application needs from GET /applications/:id: the organisation's ИНН, ОГРН, КПП and region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser } from '../fixtures.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('GET /applications/:id for printing', () => {
  it('names the organisation by its full name, ИНН, ОГРН, КПП and region, to its members and to the organiser', async () => {
    const op = await makeOperator(t);
    const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
    const owner = await makeUser(t, 'applicant');
    const org = await makeOrganization(t, owner.id, '62');
    const comp = await makeCompetition(t, op.id, { status: 'review' });
    const app = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    const identity = { fullName: org.fullName, inn: org.inn, ogrn: org.ogrn, kpp: org.kpp, regionCode: '62' };
    for (const user of [owner, organiser]) {
      const r = await call(t, user.token, 'GET', `/api/v1/applications/${app.id}`);
      expect(r.status).toBe(200);
      expect(r.json.organization).toEqual(identity);
    }
  });
});
