// Blind review and the extra expert: an expert is not told that they are the extra one (that would say the first
// reviews diverged, a hint at scores they never see). Their list has no `isExtra`; the organiser's list keeps it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser } from '../fixtures.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ now: '2027-02-01T12:00:00Z' }); });
afterAll(async () => { await t?.close(); });

describe('the extra expert', () => {
  it('reads its assignment without isExtra; the organiser sees the flag', async () => {
    const op = await makeOperator(t);
    const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
    const extra = await makeUser(t, 'expert');
    const owner = await makeUser(t, 'applicant');
    const comp = await makeCompetition(t, op.id, { status: 'review', experts: [extra.id] });
    const app = await makeApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id, { status: 'under_review' });
    const [a] = await t.db.insert(assignments).values({ competitionId: comp.id, applicationId: app.id, expertId: extra.id, isExtra: true }).returning();

    const mine = await call(t, extra.token, 'GET', '/api/v1/assignments/mine');
    expect(mine.status).toBe(200);
    expect(mine.json.items).toEqual([expect.objectContaining({ id: a.id, applicationNumber: app.number, status: 'assigned' })]);
    expect(mine.json.items[0]).not.toHaveProperty('isExtra');
    expect(mine.body).not.toMatch(/extra/i);

    const theirs = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/assignments`);
    expect(theirs.json.items).toEqual([expect.objectContaining({ id: a.id, isExtra: true })]);
  });
});
