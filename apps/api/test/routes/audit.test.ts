import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../src/services/audit-log.js';
import { applications } from '../../src/db/schema/index.js';
import type { AuditInput } from '../../src/domain/audit.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ now: '2027-02-01T12:00:00Z' }); });
afterAll(async () => { await t?.close(); });

const audit = (user: TestUser, query = '') => call(t, user.token, 'GET', `/api/v1/audit${query}`);
const record = (input: Omit<AuditInput, 'at'> & { at?: Date }) => t.db.transaction((tx) => recordAudit(tx, { at: t.clock.now(), ...input }));

async function world() {
  const op = await makeOperator(t);
  const admin = await makeUser(t, 'admin');
  const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  const expert = await makeUser(t, 'expert', { operatorId: op.id });
  const owner = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, owner.id);
  const comp = await makeCompetition(t, op.id, { status: 'review' });
  const app = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted', submittedAt: new Date('2027-01-20T10:00:00Z') });
  return { op, admin, organiser, expert, owner, org, comp, app };
}

describe('GET /audit: events people can read', () => {
  it('names the actor, the object and every id before/after mention; the system has no actor', async () => {
    const w = await world();
    const screen = await call(t, w.organiser.token, 'POST', `/api/v1/applications/${w.app.id}/screening`, { decision: 'admit' });
    expect(screen.status).toBe(200);
    await record({ actorId: null, action: 'assignment.created', entityType: 'competition', entityId: w.comp.id, operatorId: w.op.id,
      after: { applicationId: w.app.id, expertId: w.expert.id, expertIds: [w.expert.id], organizationId: w.org.id } });

    const r = await audit(w.admin, `?entityType=application&entityId=${w.app.id}`);
    expect(r.status).toBe(200);
    expect(r.json.items[0]).toMatchObject({
      action: 'application.admitted', actorId: w.organiser.id,
      actor: { id: w.organiser.id, fullName: `organiser ${w.organiser.email}`, role: 'organiser' },
      entity: { number: w.app.number, title: 'Школа волонтёров' },
      before: { status: 'submitted' }, after: { status: 'admitted' }, refs: {},
    });

    const c = await audit(w.admin, `?entityType=competition&entityId=${w.comp.id}`);
    expect(c.json.items[0]).toMatchObject({
      actorId: null, actor: null, entity: { code: w.comp.code, title: 'Тестовый конкурс' },
      refs: { [w.app.id]: `${w.app.number} «Школа волонтёров»`, [w.expert.id]: `expert ${w.expert.email}`, [w.org.id]: w.org.shortName },
    });
  });

  it('names an assignment by its application and expert, a user and an organisation by name', async () => {
    const w = await world();
    const assigned = await call(t, w.organiser.token, 'POST', `/api/v1/competitions/${w.comp.id}/experts`, { expertIds: [w.expert.id] });
    expect(assigned.status).toBeLessThan(300);
    const screen = await call(t, w.organiser.token, 'POST', `/api/v1/applications/${w.app.id}/screening`, { decision: 'admit' });
    expect(screen.status).toBe(200);
    const a = await call(t, w.organiser.token, 'POST', '/api/v1/assignments', { applicationId: w.app.id, expertId: w.expert.id });
    expect(a.status).toBe(201);
    const r = await audit(w.admin, `?entityType=assignment&entityId=${a.json.id}`);
    expect(r.json.items[0]).toMatchObject({
      action: 'assignment.created', entity: { number: w.app.number, title: 'Школа волонтёров', expertName: `expert ${w.expert.email}`, applicationId: w.app.id },
    });
    await record({ actorId: w.admin.id, action: 'user.updated', entityType: 'user', entityId: w.expert.id, before: { active: true }, after: { active: false } });
    await record({ actorId: w.owner.id, action: 'organization.updated', entityType: 'organization', entityId: w.org.id, before: { phone: null }, after: { phone: '+7 900' } });
    const u = await audit(w.admin, `?entityType=user&entityId=${w.expert.id}`);
    expect(u.json.items[0]).toMatchObject({ actor: { fullName: `admin ${w.admin.email}`, role: 'admin' }, entity: { title: `expert ${w.expert.email}` } });
    const o = await audit(w.admin, `?entityType=organization&entityId=${w.org.id}`);
    expect(o.json.items[0]).toMatchObject({ actor: { role: 'applicant' }, entity: { code: w.org.inn, title: w.org.shortName } });
  });

  it('reads the names of a whole page in one statement, however many objects it shows', async () => {
    const w = await world();
    for (let i = 0; i < 12; i++) {
      const a = await makeApplication(t, w.comp, w.org.id, w.owner.id, { status: 'submitted' });
      const u = await makeUser(t, 'expert');
      await record({ actorId: u.id, action: 'application.admitted', entityType: 'application', entityId: a.id, operatorId: w.op.id, after: { expertId: u.id } });
    }
    const execute = vi.spyOn(t.db, 'execute');
    const select = vi.spyOn(t.db, 'select');
    const r = await audit(w.admin, '?action=application.admitted&limit=12');
    expect(r.json.items).toHaveLength(12);
    expect(r.json.items.every((e: { actor: unknown; entity: { number?: string } }) => e.actor && e.entity?.number)).toBe(true);
    expect(execute.mock.calls.length + select.mock.calls.length).toBeLessThanOrEqual(2);
    execute.mockRestore();
    select.mockRestore();
  });

  it('filters by action and by a time range (from inclusive, to exclusive)', async () => {
    const w = await world();
    const at = (iso: string) => new Date(iso);
    await record({ actorId: w.admin.id, action: 'competition.updated', entityType: 'competition', entityId: w.comp.id, operatorId: w.op.id, at: at('2027-01-10T09:00:00Z') });
    await record({ actorId: w.admin.id, action: 'competition.updated', entityType: 'competition', entityId: w.comp.id, operatorId: w.op.id, at: at('2027-01-11T09:00:00Z') });
    await record({ actorId: w.admin.id, action: 'competition.open', entityType: 'competition', entityId: w.comp.id, operatorId: w.op.id, at: at('2027-01-11T10:00:00Z') });
    const byAction = await audit(w.admin, `?entityId=${w.comp.id}&action=competition.updated`);
    expect(byAction.json.items.map((e: { at: string }) => e.at)).toEqual(['2027-01-11T09:00:00.000Z', '2027-01-10T09:00:00.000Z']);
    const range = await audit(w.admin, `?entityId=${w.comp.id}&from=${encodeURIComponent('2027-01-11T00:00:00+03:00')}&to=${encodeURIComponent('2027-01-11T10:00:00Z')}`);
    expect(range.json.items.map((e: { action: string; at: string }) => [e.action, e.at])).toEqual([['competition.updated', '2027-01-11T09:00:00.000Z']]);
  });

  it('refuses a malformed filter with a problem naming the field, in Russian', async () => {
    const w = await world();
    for (const [query, field] of [['?from=01.02.2027', 'from'], ['?to=yesterday', 'to'], ['?entityType=draft', 'entityType'], [`?action=${'x'.repeat(101)}`, 'action']]) {
      const r = await audit(w.admin, query);
      expect(r.status, query).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(field);
      expect(r.json.errors[0].message).toMatch(/[а-яё]/i);
    }
  });

  it('shows an organiser its operator’s events, and an application only from its submission on', async () => {
    const w = await world();
    const draft = await makeApplication(t, w.comp, w.org.id, w.owner.id);
    await record({ actorId: w.owner.id, action: 'application.attachment_added', entityType: 'application', entityId: draft.id, operatorId: w.op.id, after: { fileName: 'устав.pdf' } });
    await record({ actorId: w.owner.id, action: 'application.attachment_added', entityType: 'application', entityId: w.app.id, operatorId: w.op.id,
      at: new Date('2027-01-19T10:00:00Z'), after: { fileName: 'до подачи.pdf' } });
    await record({ actorId: w.owner.id, action: 'application.submitted', entityType: 'application', entityId: w.app.id, operatorId: w.op.id,
      at: new Date('2027-01-20T10:00:00Z'), before: { status: 'draft' }, after: { status: 'submitted' } });
    const other = await makeOperator(t);
    await record({ actorId: w.admin.id, action: 'competition.updated', entityType: 'competition', entityId: w.comp.id, operatorId: other.id });

    const mine = await audit(w.organiser, '?limit=500');
    expect(mine.status).toBe(200);
    const ids = mine.json.items.map((e: { entityId: string; action: string }) => `${e.entityId}:${e.action}`);
    expect(ids).toContain(`${w.app.id}:application.submitted`);
    expect(ids).not.toContain(`${w.app.id}:application.attachment_added`);
    expect(ids.some((s: string) => s.startsWith(draft.id))).toBe(false);
    expect(mine.json.items.every((e: { operatorId: string }) => e.operatorId === w.op.id)).toBe(true);
    // The admin is staff too: no draft's event, and an application's from its submission on.
    expect((await audit(w.admin, `?entityId=${draft.id}`)).json.items).toEqual([]);
    expect((await audit(w.admin, `?entityId=${w.app.id}`)).json.items.map((e: { action: string }) => e.action)).toEqual(['application.submitted']);
  });

  it('never shows staff a draft, by any filter, nor names one inside another event', async () => {
    const w = await world();
    const draft = await makeApplication(t, w.comp, w.org.id, w.owner.id, { content: { title: 'Черновик-секрет' } });
    const dropped = await makeApplication(t, w.comp, w.org.id, w.owner.id, { status: 'withdrawn', content: { title: 'Отозванный черновик' } });
    await t.db.update(applications).set({ submittedAt: null }).where(eq(applications.id, dropped.id));
    const at = new Date('2027-01-25T10:00:00Z');
    await record({ actorId: w.owner.id, action: 'application.created', entityType: 'application', entityId: draft.id, operatorId: w.op.id, at, after: { number: draft.number } });
    await record({ actorId: w.owner.id, action: 'application.attachment_added', entityType: 'application', entityId: draft.id, operatorId: w.op.id, at,
      after: { fileName: 'устав.pdf', sha256: 'ab'.repeat(32), sizeBytes: 1234 } });
    await record({ actorId: w.owner.id, action: 'application.withdrawn', entityType: 'application', entityId: dropped.id, operatorId: w.op.id, at,
      before: { status: 'draft' }, after: { status: 'withdrawn' } });
    await record({ actorId: w.organiser.id, action: 'competition.updated', entityType: 'competition', entityId: w.comp.id, operatorId: w.op.id, at,
      after: { applicationIds: [draft.id, w.app.id] } });

    const around = `from=${encodeURIComponent('2027-01-25T00:00:00Z')}&to=${encodeURIComponent('2027-01-26T00:00:00Z')}`;
    for (const reader of [w.admin, w.organiser]) {
      for (const query of ['?limit=500', `?entityId=${draft.id}`, `?entityType=application&entityId=${dropped.id}`, '?action=application.attachment_added&limit=500',
        '?action=application.created&limit=500', '?action=application.withdrawn&limit=500', `?${around}`, `?entityType=application&${around}`]) {
        const r = await audit(reader, query);
        expect(r.status, query).toBe(200);
        expect(r.json.items.filter((e: { entityId: string }) => e.entityId === draft.id || e.entityId === dropped.id), `${reader.role} ${query}`).toEqual([]);
        expect(r.body, `${reader.role} ${query}`).not.toMatch(/Черновик-секрет|Отозванный черновик|устав\.pdf/);
      }
      const c = await audit(reader, `?entityId=${w.comp.id}&action=competition.updated`);
      expect(c.json.items[0].refs, reader.role).toEqual({ [w.app.id]: `${w.app.number} «Школа волонтёров»` });
      expect(c.body).not.toContain(draft.number);
    }
  });
});
