// The printable documents over HTTP: who gets which PDF (scope: 404 to whoever may not see the record), when it
// exists (409 before), the headers, byte-identical downloads, and the audit of each distinct rendering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { applications, auditEvents, competitions, documents, reports } from '../../src/db/schema/index.js';
import { applicationContentSha256 } from '../../src/domain/documents/application.js';
import { createTestApp, type TestApp } from '../helper.js';
import { makeApplication, makeCompetition, makeOperator, makeOrganization, makeScoredApplication, makeUser, type TestUser } from '../fixtures.js';
import { pdfText } from '../pdf-text.js';

let t: TestApp;
let u: Record<'owner' | 'stranger' | 'organiser' | 'official' | 'otherOrganiser' | 'expert' | 'admin' | 'fedOfficial', TestUser>;
let org: Awaited<ReturnType<typeof makeOrganization>>;
let published: Awaited<ReturnType<typeof makeCompetition>>;
let review: Awaited<ReturnType<typeof makeCompetition>>;
let winner: Awaited<ReturnType<typeof makeApplication>>;
let loser: Awaited<ReturnType<typeof makeApplication>>;
let draft: Awaited<ReturnType<typeof makeApplication>>;
const decidedAt = new Date('2027-01-20T09:00:00Z');
const publishedAt = new Date('2027-01-25T09:00:00Z');

async function download(user: TestUser | null, url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { ...headers, ...(user ? { authorization: `Bearer ${user.token}` } : {}) } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, json: res.statusCode >= 400 ? res.json() : undefined };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2027-02-10T09:00:00Z' });
  const op = await makeOperator(t);
  const otherOp = await makeOperator(t);
  const fed = await makeOperator(t, 'federal');
  u = {
    owner: await makeUser(t, 'applicant'), stranger: await makeUser(t, 'applicant'),
    organiser: await makeUser(t, 'organiser', { operatorId: op.id }), official: await makeUser(t, 'official', { operatorId: op.id }),
    otherOrganiser: await makeUser(t, 'organiser', { operatorId: otherOp.id }), expert: await makeUser(t, 'expert', { operatorId: op.id }),
    admin: await makeUser(t, 'admin'), fedOfficial: await makeUser(t, 'official', { operatorId: fed.id }),
  };
  org = await makeOrganization(t, u.owner.id, '40');
  const strangerOrg = await makeOrganization(t, u.stranger.id, '40');
  published = await makeCompetition(t, op.id, { status: 'published', decidedAt, publishedAt, budgetKopecks: 150_000_000,
    commission: [{ fullName: 'Сидоров Алексей Викторович', position: 'Заместитель министра', role: 'chair' }] });
  review = await makeCompetition(t, op.id, { status: 'review' });
  winner = await makeScoredApplication(t, published, org.id, u.owner.id, { finalScore: 82.5, requestedKopecks: 100_000_000, status: 'winner' });
  await t.db.update(applications).set({ awardedKopecks: 100_000_000 }).where(eq(applications.id, winner.id));
  loser = await makeScoredApplication(t, published, strangerOrg.id, u.stranger.id, { finalScore: 41, status: 'not_supported' });
  await t.db.update(applications).set({ notSupportedReason: 'below-pass-mark' }).where(eq(applications.id, loser.id));
  draft = await makeApplication(t, review, org.id, u.owner.id);
  await t.db.insert(reports).values([
    { applicationId: winner.id, competitionId: published.id, organizationId: org.id, kind: 'interim', seq: 1, dueAt: new Date('2027-06-30T20:59:59Z') },
    { applicationId: winner.id, competitionId: published.id, organizationId: org.id, kind: 'final', seq: 2, dueAt: new Date('2027-12-30T20:59:59Z') },
  ]);
});
afterAll(async () => { await t?.close(); });

describe('GET /applications/:id/print.pdf', () => {
  it('is the submitted application, headed by its number, submission time and content hash, as a reproducible attachment', async () => {
    const a = await download(u.owner, `/applications/${winner.id}/print.pdf`);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/pdf');
    expect(a.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`Заявка ${winner.number}.pdf`)}`);
    expect(a.headers['cache-control']).toContain('no-store');
    const text = await pdfText(a.bytes);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, winner.id));
    for (const s of [`Заявка № ${winner.number}`, applicationContentSha256(row!.content), org.fullName, org.inn, org.ogrn, org.kpp, '1 000 000,00 ₽'])
      expect(text).toContain(s);
    expect(text).toMatch(/Подана \d\d\.\d\d\.\d{4} \d\d:\d\d \(МСК\)/);
    const b = await download(u.organiser, `/applications/${winner.id}/print.pdf`);
    expect(b.bytes.equals(a.bytes)).toBe(true);
    expect(a.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(b.headers.etag).toBe(a.headers.etag);
  });

  it('audits the first rendering of given bytes once, with its sha256 and size', async () => {
    const a = await download(u.admin, `/applications/${loser.id}/print.pdf`);
    await download(u.organiser, `/applications/${loser.id}/print.pdf`);
    const sha = a.headers.etag!.toString().replace(/"/g, '');
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'document.generated'), eq(auditEvents.entityId, loser.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: 'application', after: { kind: 'application', sha256: sha, sizeBytes: a.bytes.length } });
    expect(await t.db.select().from(documents).where(eq(documents.objectId, loser.id))).toEqual([
      expect.objectContaining({ kind: 'application', sha256: sha, sizeBytes: a.bytes.length }),
    ]);
  });

  it('is 409 for a draft to its members, 404 to staff (who never see drafts) and to others', async () => {
    const r = await download(u.owner, `/applications/${draft.id}/print.pdf`);
    expect([r.status, r.json.code]).toEqual([409, 'not-submitted']);
    expect(r.json.detail).toMatch(/не подана/);
    for (const user of [u.organiser, u.admin, u.stranger]) expect((await download(user, `/applications/${draft.id}/print.pdf`)).status).toBe(404);
  });

  it('is 404 to another organisation, another operator’s organiser and an expert, the operator’s official reads it, 401 without a session', async () => {
    for (const user of [u.stranger, u.otherOrganiser, u.expert]) expect((await download(user, `/applications/${winner.id}/print.pdf`)).status).toBe(404);
    expect((await download(u.official, `/applications/${winner.id}/print.pdf`)).status).toBe(200);
    expect((await download(null, `/applications/${winner.id}/print.pdf`)).status).toBe(401);
    expect((await download(u.owner, '/applications/00000000-0000-4000-8000-000000000000/print.pdf')).status).toBe(404);
    expect((await download(u.owner, '/applications/not-an-id/print.pdf')).status).toBe(400);
  });
});

describe('GET /applications/:id/agreement.pdf', () => {
  it('is the winner’s agreement with the parties, the amount, the control points, dated by the publication', async () => {
    const a = await download(u.owner, `/applications/${winner.id}/agreement.pdf`);
    expect(a.status).toBe(200);
    const text = await pdfText(a.bytes);
    for (const s of [`Соглашение о предоставлении гранта № ${winner.number}`, org.fullName, org.inn, org.ogrn, org.kpp, '1 000 000,00 ₽ (один миллион рублей 00 копеек)',
      'Промежуточный отчёт', 'до 30.06.2027 включительно', 'Итоговый отчёт', 'до 30.12.2027 включительно', '25.01.2027'])
      expect(text).toContain(s);
    expect((await download(u.admin, `/applications/${winner.id}/agreement.pdf`)).bytes.equals(a.bytes)).toBe(true);
  });

  it('is 409 for an application that is not a winner of published results, 404 outside the scope', async () => {
    const r = await download(u.stranger, `/applications/${loser.id}/agreement.pdf`);
    expect([r.status, r.json.code]).toEqual([409, 'agreement-not-available']);
    for (const user of [u.stranger, u.otherOrganiser, u.expert]) expect((await download(user, `/applications/${winner.id}/agreement.pdf`)).status).toBe(404);
  });
});

describe('GET /competitions/:id/protocol.pdf', () => {
  it('lists the ranking with scores, decisions and amounts and the commission, dated by the decision; the same bytes twice', async () => {
    const a = await download(u.official, `/competitions/${published.id}/protocol.pdf`);
    expect(a.status).toBe(200);
    const text = await pdfText(a.bytes);
    for (const s of ['Протокол заседания конкурсной комиссии', published.code, 'от 20.01.2027', '1 500 000,00 ₽', '60,00', winner.number, loser.number,
      '82,50', '41,00', 'Победитель', 'итоговый балл ниже проходного', '1 000 000,00 ₽', 'Сидоров Алексей Викторович', '/ А. В. Сидоров', org.fullName])
      expect(text).toContain(s);
    for (const user of [u.organiser, u.admin, u.fedOfficial]) expect((await download(user, `/competitions/${published.id}/protocol.pdf`)).bytes.equals(a.bytes)).toBe(true);
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'document.generated'), eq(auditEvents.entityId, published.id)));
    expect(events.map((e) => [e.entityType, (e.after as { kind: string }).kind])).toEqual([['competition', 'protocol']]);
  });

  it('changes (and is recorded again) when the commission changes', async () => {
    const before = await download(u.organiser, `/competitions/${published.id}/protocol.pdf`);
    await t.db.update(competitions).set({ commission: [{ fullName: 'Кузнецова Ольга Николаевна', position: 'Министр', role: 'chair' }] }).where(eq(competitions.id, published.id));
    const after = await download(u.organiser, `/competitions/${published.id}/protocol.pdf`);
    expect(after.bytes.equals(before.bytes)).toBe(false);
    expect(await pdfText(after.bytes)).toContain('/ О. Н. Кузнецова');
    expect(await t.db.select().from(documents).where(eq(documents.objectId, published.id))).toHaveLength(2);
  });

  it('is 409 before the awards are decided, 404 to another operator, 403 to applicants and experts', async () => {
    const r = await download(u.organiser, `/competitions/${review.id}/protocol.pdf`, { 'accept-language': 'en' });
    expect([r.status, r.json.code]).toEqual([409, 'awards-not-decided']);
    expect(r.json.detail).toMatch(/not been decided/);
    expect((await download(u.otherOrganiser, `/competitions/${published.id}/protocol.pdf`)).status).toBe(404);
    for (const user of [u.owner, u.expert]) expect((await download(user, `/competitions/${published.id}/protocol.pdf`)).status).toBe(403);
  });
});
