// The last reviews of a competition submitted at the same moment on the real PostgreSQL server (PGlite has one
// connection, nothing runs side by side): its organisers are told exactly once that every review is in, neither
// never (each seeing the other's still open) nor twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';
import { assignments, notifications } from '../../src/db/schema/index.js';

let t: TestApp;
beforeAll(async () => { if (isRealPostgres) t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe.runIf(isRealPostgres)('reviews completed, raced', () => {
  it('12 last reviews submitted at once tell each organiser exactly once', async () => {
    for (let round = 0; round < 3; round++) {
      const op = await makeOperator(t);
      const organisers = await Promise.all([makeUser(t, 'organiser', { operatorId: op.id }), makeUser(t, 'organiser', { operatorId: op.id })]);
      const experts: TestUser[] = await Promise.all(Array.from({ length: 4 }, () => makeUser(t, 'expert')));
      const owner = await makeUser(t, 'applicant');
      const comp = await makeCompetition(t, op.id, {
        status: 'review', experts: experts.map((e) => e.id), reviewersPerApplication: 2, divergenceThreshold: 100,
        criteria: [{ code: 'K1', weight: 1, maxScore: 10 }],
      });
      for (let i = 0; i < 6; i++) await makeApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id, { status: 'admitted' });
      expect((await call(t, organisers[0].token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`)).json.created).toBe(12);
      const rows = await t.db.select().from(assignments).where(eq(assignments.competitionId, comp.id));
      const token = (id: string) => experts.find((e) => e.id === id)!.token;
      for (const a of rows) {
        const saved = await call(t, token(a.expertId), 'PUT', `/api/v1/assignments/${a.id}/review`, { scores: [{ criterionCode: 'K1', score: 7, comment: '' }], comment: '' });
        expect(saved.status).toBe(200);
      }
      const submitted = await Promise.all(rows.map((a) => call(t, token(a.expertId), 'POST', `/api/v1/assignments/${a.id}/review/submit`)));
      expect(submitted.map((r) => r.status)).toEqual(rows.map(() => 200));
      const told = await t.db.select().from(notifications)
        .where(and(eq(notifications.kind, 'reviews-completed'), eq(notifications.objectId, comp.id)));
      expect(told.map((n) => n.userId).sort()).toEqual(organisers.map((o) => o.id).sort());
      expect(told[0]!.body).toContain('получено 12 оценок');
    }
  });
});
