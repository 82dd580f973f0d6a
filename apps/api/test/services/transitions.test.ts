// The one transition function per lifecycle: a move the workflow forbids is a wrong-status DomainError, a row
// changed since it was read is caught by the guarded UPDATE (status-changed), and the audit event commits
// with the change or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { messageText } from '@konkurs/shared';
import { createTestApp, type TestApp } from '../helper.js';
import { makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser } from '../fixtures.js';
import { applications, assignments, auditEvents, competitions, reviews } from '../../src/db/schema/index.js';
import { DomainError } from '../../src/domain/errors.js';
import { transitionApplication, transitionAssignment, transitionCompetition, transitionReview, type Actor } from '../../src/services/transitions.js';
import { verifyAuditChain } from '../../src/services/audit-log.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function reviewWork() {
  const op = await makeOperator(t);
  const expert = await makeUser(t, 'expert');
  const owner = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, owner.id);
  const comp = await makeCompetition(t, op.id, { status: 'review' });
  const app = await makeApplication(t, comp, org.id, owner.id, { status: 'under_review' });
  const [assignment] = await t.db.insert(assignments).values({ competitionId: comp.id, applicationId: app.id, expertId: expert.id }).returning();
  const [review] = await t.db.insert(reviews).values({ assignmentId: assignment.id, applicationId: app.id, expertId: expert.id }).returning();
  const actor: Actor = { id: expert.id, role: 'expert' };
  return { comp, app, assignment, review, actor };
}

/** The DomainError a transaction ends with (it rolls back). */
async function refusal(work: Parameters<TestApp['db']['transaction']>[0]): Promise<DomainError> {
  const err = await t.db.transaction(work).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}
const eventsOf = async (entityId: string) => t.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

describe('review and assignment transitions', () => {
  it('move, guarded by the expected status, with the audit event in the same transaction', async () => {
    const { review, assignment, actor } = await reviewWork();
    const at = t.clock.now();
    await t.db.transaction(async (tx) => {
      await transitionAssignment(tx, assignment, 'submitted', actor, at, { audit: false });
      await transitionReview(tx, review, 'submitted', actor, at, { set: { total: 50, submittedAt: at }, detail: { total: 50 } });
    });
    const [r] = await t.db.select().from(reviews).where(eq(reviews.id, review.id));
    expect(r).toMatchObject({ status: 'submitted', total: 50 });
    expect((await t.db.select().from(assignments).where(eq(assignments.id, assignment.id)))[0].status).toBe('submitted');
    expect((await eventsOf(review.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      ['review.submitted', { status: 'draft' }, { status: 'submitted', total: 50 }],
    ]);
    expect(await eventsOf(assignment.id)).toEqual([]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('refuses a move the workflow forbids (wrong-status) and changes nothing', async () => {
    const { review, assignment, actor } = await reviewWork();
    const at = t.clock.now();
    // A submitted review is final; a declined assignment is never completed; an organiser does not decline for the expert.
    const final = await refusal((tx) => transitionReview(tx, { ...review, status: 'submitted' }, 'submitted', actor, at));
    expect([final.kind, final.code, final.params]).toEqual(['conflict', 'wrong-status', { entity: 'review', from: 'submitted', to: 'submitted' }]);
    const declined = await refusal((tx) => transitionAssignment(tx, { ...assignment, status: 'declined' }, 'submitted', actor, at));
    expect([declined.code, declined.params]).toEqual(['wrong-status', { entity: 'assignment', from: 'declined', to: 'submitted' }]);
    expect(messageText(declined.code, declined.params)).toBe('Назначение на экспертизу в статусе «Отказ от экспертизы»: перевести в статус «Оценка отправлена» нельзя');
    const byOrganiser = await refusal((tx) => transitionAssignment(tx, assignment, 'declined', { id: null, role: 'organiser' }, at));
    expect(byOrganiser.code).toBe('wrong-status');
    expect((await t.db.select().from(assignments).where(eq(assignments.id, assignment.id)))[0].status).toBe('assigned');
    expect(await eventsOf(assignment.id)).toEqual([]);
  });

  it('catches a concurrent change: the row moved since it was read, so nothing moves and nothing is recorded', async () => {
    const { review, assignment, actor } = await reviewWork();
    const at = t.clock.now();
    // Someone else declined the assignment after this caller read it as assigned.
    await t.db.update(assignments).set({ status: 'declined' }).where(eq(assignments.id, assignment.id));
    const changed = await refusal((tx) => transitionAssignment(tx, assignment, 'submitted', actor, at, { audit: false }));
    expect([changed.kind, changed.code, changed.params]).toEqual(['conflict', 'status-changed', { entity: 'assignment', from: 'assigned', to: 'submitted' }]);
    await t.db.update(reviews).set({ status: 'submitted' }).where(eq(reviews.id, review.id));
    const twice = await refusal((tx) => transitionReview(tx, review, 'submitted', actor, at));
    expect(twice.code).toBe('status-changed');
    expect(messageText(twice.code, twice.params)).toBe('Экспертная оценка: статус тем временем изменил кто-то другой. Обновите страницу');
    expect(await eventsOf(review.id)).toEqual([]);
  });

  it('names the application or competition in wrong-status and status-changed', async () => {
    const { comp, app } = await reviewWork();
    const at = t.clock.now();
    const organiser: Actor = { id: null, role: 'organiser' };
    const early = await refusal((tx) => transitionApplication(tx, app, 'winner', organiser, at));
    expect(early.params).toEqual({ entity: 'application', number: app.number, from: 'under_review', to: 'winner' });
    expect(messageText(early.code, early.params)).toBe(`Заявка № ${app.number} в статусе «На экспертизе»: перевести в статус «Победитель» нельзя`);
    await t.db.update(competitions).set({ status: 'decided' }).where(eq(competitions.id, comp.id));
    const stale = await refusal((tx) => transitionCompetition(tx, comp, 'decided', organiser, at));
    expect([stale.code, stale.params]).toEqual(['status-changed', { entity: 'competition', code: comp.code, from: 'review', to: 'decided' }]);
    const [row] = await t.db.select().from(applications).where(and(eq(applications.id, app.id), eq(applications.status, 'under_review')));
    expect(row).toBeDefined();
  });
});
