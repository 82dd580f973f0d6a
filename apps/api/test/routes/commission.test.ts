// The competition's commission: the organiser replaces it (audited), bad input names the field, one chair and one
// secretary at most, refused once archived; its operator's staff read it, everyone else gets 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeCompetition, makeOperator, makeUser, type TestUser } from '../fixtures.js';

let t: TestApp;
let u: Record<'organiser' | 'official' | 'otherOrganiser' | 'applicant' | 'expert' | 'admin', TestUser>;
let comp: Awaited<ReturnType<typeof makeCompetition>>;
let archived: Awaited<ReturnType<typeof makeCompetition>>;
const members = [
  { fullName: 'Сидоров Алексей Викторович', position: 'Заместитель министра', role: 'chair' },
  { fullName: 'Кузнецова Ольга Николаевна', position: 'Начальник отдела грантов', role: 'secretary' },
  { fullName: 'Морозов Дмитрий Андреевич', position: 'Председатель Общественной палаты', role: 'member' },
];
const url = (id: string) => `/api/v1/competitions/${id}/commission`;

beforeAll(async () => {
  t = await createTestApp();
  const op = await makeOperator(t);
  const otherOp = await makeOperator(t);
  u = {
    organiser: await makeUser(t, 'organiser', { operatorId: op.id }), official: await makeUser(t, 'official', { operatorId: op.id }),
    otherOrganiser: await makeUser(t, 'organiser', { operatorId: otherOp.id }), applicant: await makeUser(t, 'applicant'),
    expert: await makeUser(t, 'expert', { operatorId: op.id }), admin: await makeUser(t, 'admin'),
  };
  comp = await makeCompetition(t, op.id, { status: 'review' });
  archived = await makeCompetition(t, op.id, { status: 'archived' });
});
afterAll(async () => { await t?.close(); });

describe('PUT /competitions/:id/commission', () => {
  it('replaces the commission in the order given, audited with before and after; its staff read it back', async () => {
    expect((await call(t, u.official.token, 'GET', url(comp.id))).json).toEqual({ members: [] });
    const r = await call(t, u.organiser.token, 'PUT', url(comp.id), { members });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ members });
    for (const user of [u.organiser, u.official, u.admin]) expect((await call(t, user.token, 'GET', url(comp.id))).json).toEqual({ members });
    const shorter = await call(t, u.admin.token, 'PUT', url(comp.id), { members: members.slice(0, 1) });
    expect(shorter.json).toEqual({ members: members.slice(0, 1) });
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'competition.commission'), eq(auditEvents.entityId, comp.id)));
    expect(events.map((e) => [e.before, e.after])).toEqual([[{ members: [] }, { members }], [{ members }, { members: members.slice(0, 1) }]]);
  });

  it('names the field of bad input', async () => {
    const cases: [unknown, string][] = [
      [{ members: [{ ...members[0], fullName: '  ' }] }, 'members.0.fullName'],
      [{ members: [members[0], { ...members[1], position: undefined }] }, 'members.1.position'],
      [{ members: [{ ...members[0], role: 'president' }] }, 'members.0.role'],
      [{ members: [{ ...members[0], fullName: 'Я'.repeat(301) }] }, 'members.0.fullName'],
      [{ members: Array.from({ length: 51 }, () => members[2]) }, 'members'],
      [{ members: 'all of them' }, 'members'],
      [{}, 'members'],
      [{ members, extra: 1 }, ''],
    ];
    for (const [body, path] of cases) {
      const r = await call(t, u.organiser.token, 'PUT', url(comp.id), body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      if (path) expect(r.json.errors.map((e: { path: string }) => e.path), path).toContain(path);
      expect(r.json.detail).toMatch(/[А-Яа-я]/);
    }
  });

  it('takes one chair and one secretary at most, naming the second', async () => {
    const two = [...members, { fullName: 'Волкова Елена Сергеевна', position: 'Директор', role: 'chair' }, { fullName: 'Орлов Иван', position: 'Юрист', role: 'secretary' }];
    const r = await call(t, u.organiser.token, 'PUT', url(comp.id), { members: two });
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([['members.3.role', 'commission-one-chair'], ['members.4.role', 'commission-one-secretary']]);
    expect(r.json.errors[0].message).toBe('У комиссии может быть только один председатель');
  });

  it('is refused once the competition is archived', async () => {
    const r = await call(t, u.organiser.token, 'PUT', url(archived.id), { members });
    expect([r.status, r.json.code]).toEqual([409, 'competition-archived']);
  });

  it('is 404 to another operator’s organiser, 403 to officials, applicants and experts', async () => {
    expect((await call(t, u.otherOrganiser.token, 'PUT', url(comp.id), { members })).status).toBe(404);
    for (const user of [u.official, u.applicant, u.expert]) expect((await call(t, user.token, 'PUT', url(comp.id), { members })).status).toBe(403);
    expect((await call(t, u.organiser.token, 'PUT', url('00000000-0000-4000-8000-000000000000'), { members })).status).toBe(404);
  });
});

describe('GET /competitions/:id/commission', () => {
  it('is 404 to another operator’s staff, 403 to applicants and experts', async () => {
    expect((await call(t, u.otherOrganiser.token, 'GET', url(comp.id))).status).toBe(404);
    for (const user of [u.applicant, u.expert]) expect((await call(t, user.token, 'GET', url(comp.id))).status).toBe(403);
  });
});
