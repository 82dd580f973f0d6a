import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, orgIdentity } from '../fixtures.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

let n = 0;
const body = (region = '40') => ({ ...orgIdentity(700_000 + ++n, region), fullName: `АНО «Светлый путь ${n}»`, shortName: `Светлый путь ${n}`, regionCode: region });
const paths = (r: { json: { errors?: { path: string }[] } }) => [...new Set((r.json.errors ?? []).map((e) => e.path))].sort();
const auditOf = async (admin: string, id: string) => (await call(t, admin, 'GET', `/api/v1/audit?entityType=organization&entityId=${id}`)).json.items.map((e: { action: string }) => e.action);

describe('POST /organizations', () => {
  it('registers the organisation with the caller as owner, audited', async () => {
    const u = await makeUser(t, 'applicant');
    const admin = await makeUser(t, 'admin');
    const input = { ...body(), address: 'г. Калуга, ул. Кирова, 1', email: 'Info@NGO.example', phone: '+7 (4842) 55-55-55', website: 'https://ngo.example' };
    const r = await call(t, u.token, 'POST', '/api/v1/organizations', input);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ inn: input.inn, ogrn: input.ogrn, kpp: input.kpp, regionCode: '40', myRole: 'owner', email: 'info@ngo.example' });
    const mine = await call(t, u.token, 'GET', '/api/v1/organizations/mine');
    expect(mine.json.items.map((o: { id: string }) => o.id)).toEqual([r.json.id]);
    expect(await auditOf(admin.token, r.json.id)).toEqual(['organization.created']);
  });

  it('names the field whose checksum or format is wrong (400)', async () => {
    const u = await makeUser(t, 'applicant');
    const good = body();
    const flip = (s: string) => s.slice(0, -1) + String((Number(s.at(-1)) + 1) % 10);
    for (const [field, value] of [['inn', flip(good.inn)], ['ogrn', flip(good.ogrn)], ['kpp', '12345'], ['inn', '12345'], ['ogrn', '3' + good.ogrn.slice(1)], ['regionCode', '00']] as const) {
      const r = await call(t, u.token, 'POST', '/api/v1/organizations', { ...good, [field]: value });
      expect(r.status, `${field}=${value}`).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(paths(r)).toEqual([field]);
    }
  });

  it('lists every missing or ill-typed field; refuses malformed JSON and overlong text', async () => {
    const u = await makeUser(t, 'applicant');
    const missing = await call(t, u.token, 'POST', '/api/v1/organizations', {});
    expect(missing.status).toBe(400);
    expect(paths(missing)).toEqual(['fullName', 'inn', 'kpp', 'ogrn', 'regionCode', 'shortName']);
    const typed = await call(t, u.token, 'POST', '/api/v1/organizations', { ...body(), inn: 7707083893, fullName: ['x'], email: 'not-an-email' });
    expect(paths(typed)).toEqual(['email', 'fullName', 'inn']);
    const long = await call(t, u.token, 'POST', '/api/v1/organizations', { ...body(), fullName: 'я'.repeat(501) });
    expect(paths(long)).toEqual(['fullName']);
    const blank = await call(t, u.token, 'POST', '/api/v1/organizations', { ...body(), shortName: '   ' });
    expect(paths(blank)).toEqual(['shortName']);
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' }, payload: '{"inn":' });
    expect(malformed.statusCode).toBe(400);
  });

  it('refuses an ИНН that is already registered (409 naming inn)', async () => {
    const a = await makeUser(t, 'applicant');
    const b = await makeUser(t, 'applicant');
    const input = body();
    expect((await call(t, a.token, 'POST', '/api/v1/organizations', input)).status).toBe(201);
    const dup = await call(t, b.token, 'POST', '/api/v1/organizations', { ...input, fullName: 'Другая', shortName: 'Другая' });
    expect(dup.status).toBe(409);
    expect(paths(dup)).toEqual(['inn']);
  });

  it('is for applicants only (401 without a token, 403 for other roles)', async () => {
    expect((await call(t, null, 'POST', '/api/v1/organizations', body())).status).toBe(401);
    for (const role of ['expert', 'organiser', 'admin'] as const) {
      const u = await makeUser(t, role, { operatorId: role === 'organiser' ? (await makeOperator(t)).id : null });
      expect((await call(t, u.token, 'POST', '/api/v1/organizations', body())).status).toBe(403);
    }
  });
});

describe('GET /organizations/:id', () => {
  it('shows the organisation to its members and to staff of an operator with a submitted application of it; 404 to others', async () => {
    const owner = await makeUser(t, 'applicant');
    const stranger = await makeUser(t, 'applicant');
    const org = await makeOrganization(t, owner.id);
    expect((await call(t, owner.token, 'GET', `/api/v1/organizations/${org.id}`)).json).toMatchObject({ id: org.id, myRole: 'owner' });
    expect((await call(t, stranger.token, 'GET', `/api/v1/organizations/${org.id}`)).status).toBe(404);
    expect((await call(t, owner.token, 'GET', '/api/v1/organizations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call(t, owner.token, 'GET', '/api/v1/organizations/not-a-uuid')).status).toBe(400);
    expect((await call(t, null, 'GET', `/api/v1/organizations/${org.id}`)).status).toBe(401);

    const op = await makeOperator(t);
    const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
    const otherOrganiser = await makeUser(t, 'organiser', { operatorId: (await makeOperator(t)).id });
    const comp = await makeCompetition(t, op.id);
    await makeApplication(t, comp, org.id, owner.id); // a draft: staff do not see it, nor its organisation through it
    expect((await call(t, organiser.token, 'GET', `/api/v1/organizations/${org.id}`)).status).toBe(404);
    await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    expect((await call(t, organiser.token, 'GET', `/api/v1/organizations/${org.id}`)).json).toMatchObject({ id: org.id, myRole: null });
    expect((await call(t, otherOrganiser.token, 'GET', `/api/v1/organizations/${org.id}`)).status).toBe(404);
  });
});

describe('PATCH /organizations/:id', () => {
  it('lets the owner change details (audited); a member gets 403, a stranger 404', async () => {
    const owner = await makeUser(t, 'applicant');
    const member = await makeUser(t, 'applicant');
    const stranger = await makeUser(t, 'applicant');
    const admin = await makeUser(t, 'admin');
    const org = await makeOrganization(t, owner.id, '40', [member.id]);
    const r = await call(t, owner.token, 'PATCH', `/api/v1/organizations/${org.id}`, { shortName: 'Новое имя', kpp: '40270A001', phone: '+7 999 000-00-00' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ shortName: 'Новое имя', kpp: '40270A001', inn: org.inn });
    expect(await auditOf(admin.token, org.id)).toContain('organization.updated');
    expect((await call(t, member.token, 'PATCH', `/api/v1/organizations/${org.id}`, { shortName: 'x' })).status).toBe(403);
    expect((await call(t, stranger.token, 'PATCH', `/api/v1/organizations/${org.id}`, { shortName: 'x' })).status).toBe(404);
    const bad = await call(t, owner.token, 'PATCH', `/api/v1/organizations/${org.id}`, { kpp: 'abc', shortName: '' });
    expect(paths(bad)).toEqual(['kpp', 'shortName']);
    // The ИНН and ОГРН identify the organisation: not patchable, ignored if sent.
    expect((await call(t, owner.token, 'PATCH', `/api/v1/organizations/${org.id}`, { inn: '7707083893' })).json.inn).toBe(org.inn);
  });
});

describe('organisation members', () => {
  it('lets the owner add an applicant by e-mail (201), who then sees the organisation', async () => {
    const owner = await makeUser(t, 'applicant');
    const colleague = await makeUser(t, 'applicant');
    const org = await makeOrganization(t, owner.id);
    const r = await call(t, owner.token, 'POST', `/api/v1/organizations/${org.id}/members`, { email: colleague.email.toUpperCase() });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ organizationId: org.id, email: colleague.email });
    expect((await call(t, colleague.token, 'GET', '/api/v1/organizations/mine')).json.items[0]).toMatchObject({ id: org.id, myRole: 'member' });
    const members = await call(t, colleague.token, 'GET', `/api/v1/organizations/${org.id}/members`);
    expect(members.json.items.map((m: { role: string }) => m.role)).toEqual(['owner', 'member']);
    const again = await call(t, owner.token, 'POST', `/api/v1/organizations/${org.id}/members`, { email: colleague.email });
    expect(again.status).toBe(409);
  });

  it('answers unknown e-mails and non-applicants as an applicant (201, nobody added); only the owner adds', async () => {
    const owner = await makeUser(t, 'applicant');
    const member = await makeUser(t, 'applicant');
    const stranger = await makeUser(t, 'applicant');
    const expert = await makeUser(t, 'expert');
    const org = await makeOrganization(t, owner.id, '40', [member.id]);
    for (const email of ['nobody@test.example', expert.email]) {
      const r = await call(t, owner.token, 'POST', `/api/v1/organizations/${org.id}/members`, { email });
      expect(r).toMatchObject({ status: 201, json: { organizationId: org.id, email } });
    }
    expect((await call(t, owner.token, 'GET', `/api/v1/organizations/${org.id}/members`)).json.items).toHaveLength(2);
    expect(paths(await call(t, owner.token, 'POST', `/api/v1/organizations/${org.id}/members`, { email: 'bad' }))).toEqual(['email']);
    expect((await call(t, member.token, 'POST', `/api/v1/organizations/${org.id}/members`, { email: stranger.email })).status).toBe(403);
    expect((await call(t, stranger.token, 'POST', `/api/v1/organizations/${org.id}/members`, { email: stranger.email })).status).toBe(404);
    expect((await call(t, stranger.token, 'GET', `/api/v1/organizations/${org.id}/members`)).status).toBe(404);
  });
});

describe('refusals of organisations by code, in Russian', () => {
  it('a taken ИНН, a plain member’s change, a repeated member each say why', async () => {
    const owner = await makeUser(t, 'applicant');
    const colleague = await makeUser(t, 'applicant');
    const first = await call(t, owner.token, 'POST', '/api/v1/organizations', body());
    const taken = await call(t, colleague.token, 'POST', '/api/v1/organizations', { ...body(), inn: first.json.inn });
    expect(taken.json).toMatchObject({ status: 409, code: 'inn-taken', detail: 'Организация с таким ИНН уже зарегистрирована', errors: [{ path: 'inn', code: 'inn-taken' }] });
    const url = `/api/v1/organizations/${first.json.id}`;
    expect((await call(t, owner.token, 'POST', `${url}/members`, { email: colleague.email })).status).toBe(201);
    expect((await call(t, owner.token, 'POST', `${url}/members`, { email: colleague.email })).json).toMatchObject({ status: 409, code: 'already-member',
      detail: 'Этот пользователь уже состоит в организации', errors: [{ path: 'email', code: 'already-member' }] });
    expect((await call(t, colleague.token, 'PATCH', url, { shortName: 'Моё' })).json).toMatchObject({ status: 403, code: 'owner-only', detail: 'Это может сделать только владелец организации' });
    expect((await call(t, owner.token, 'PATCH', url, { phone: 'звоните' })).json.errors[0]).toMatchObject({ path: 'phone', code: expect.any(String) });
    const stranger = await makeUser(t, 'applicant');
    expect((await call(t, stranger.token, 'GET', url)).json).toMatchObject({ status: 404, code: 'not-found', detail: 'Организация не найдена' });
  });
});
