// Every event that tells someone today, through the API: who is told (and who never is), in which words and
// language, which page the notice opens, and which e-mails wait in the outbox (a confirmed address with the kind's
// e-mail on: one; the kind turned off: none). An event that fails notifies nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow, type TestUser } from '../fixtures.js';
import { applications, emailOutbox, notifications, users } from '../../src/db/schema/index.js';
import { notify } from '../../src/services/notifications.js';
import { tellIfReviewsCompleted } from '../../src/services/notices.js';

const T0 = new Date('2027-02-01T15:00:00.000Z'); // 18:00 in Moscow
const V1 = '/api/v1';

let t: TestApp;
let opA: { id: string }; let opB: { id: string };
let organiser: TestUser; let organiserEn: TestUser; let organiserB: TestUser;
let owner: TestUser; let member: TestUser; let quiet: TestUser; let outsider: TestUser;
let org: { id: string }; let otherOrg: { id: string };

type Row = typeof notifications.$inferSelect;
async function noticesOf(kind: Row['kind'], objectId?: string) {
  return t.db.select().from(notifications)
    .where(and(eq(notifications.kind, kind), objectId ? eq(notifications.objectId, objectId) : undefined)).orderBy(notifications.createdAt);
}
async function outboxOf(kind: Row['kind'], userIds: string[]) {
  return t.db.select().from(emailOutbox).where(and(eq(emailOutbox.kind, kind), inArray(emailOutbox.userId, userIds)));
}
const byUser = (rows: Row[]) => new Map(rows.map((r) => [r.userId, r]));

beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  opA = await makeOperator(t);
  opB = await makeOperator(t);
  [organiser, organiserEn, organiserB] = await Promise.all([
    makeUser(t, 'organiser', { operatorId: opA.id }), makeUser(t, 'organiser', { operatorId: opA.id }), makeUser(t, 'organiser', { operatorId: opB.id }),
  ]);
  [owner, member, quiet, outsider] = await Promise.all([makeUser(t, 'applicant'), makeUser(t, 'applicant'), makeUser(t, 'applicant'), makeUser(t, 'applicant')]);
  // Every address confirmed (whatever the fixtures do); the member and one organiser read English; `quiet` turns
  // off the e-mail of the receipts.
  await t.db.update(users).set({ emailVerifiedAt: T0 })
    .where(inArray(users.id, [organiser.id, organiserEn.id, organiserB.id, owner.id, member.id, quiet.id, outsider.id]));
  await t.db.update(users).set({ language: 'en' }).where(inArray(users.id, [member.id, organiserEn.id]));
  const off = await call(t, quiet.token, 'PUT', `${V1}/notification-settings`, { email: { 'application-submitted': false } });
  expect(off.status).toBe(200);
  org = await makeOrganization(t, owner.id, '40', [member.id, quiet.id]);
  otherOrg = await makeOrganization(t, outsider.id);
});
afterAll(async () => { await t?.close(); });

describe('a submission', () => {
  let comp: CompetitionRow;
  beforeAll(async () => { comp = await makeCompetition(t, opA.id, { title: 'Добрые дела' }); });

  it('tells every member of the organisation, in their language, with the number and the time in the competition\'s zone', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    await makeApplication(t, comp, otherOrg.id, outsider.id); // another organisation's draft, not submitted
    const res = await call(t, owner.token, 'POST', `${V1}/applications/${app.id}/submit`);
    expect(res.status, res.body).toBe(200);

    const rows = await noticesOf('application-submitted', app.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([owner.id, member.id, quiet.id].sort());
    const seen = byUser(rows);
    expect(seen.get(owner.id)).toMatchObject({
      title: `Заявка № ${app.number} подана`, link: `/applicant/applications/${app.id}`, objectType: 'application', readAt: null,
    });
    expect(seen.get(owner.id)!.body).toBe(`Заявка № ${app.number} «Школа волонтёров» на конкурс «Добрые дела» подана 01.02.2027 18:00 (МСК). `
      + 'Изменить её больше нельзя; о решении о допуске к экспертизе мы сообщим.');
    expect(seen.get(member.id)!.title).toBe(`Application ${app.number} submitted`);
    expect(seen.get(member.id)!.body).toContain('01.02.2027 18:00 (Moscow time)');
    expect(seen.get(member.id)!.body).not.toMatch(/Заявка|подана|конкурс/);

    // E-mails: the owner and the member (in English); `quiet` turned the kind off: the inbox only.
    const mail = await outboxOf('application-submitted', [owner.id, member.id, quiet.id, outsider.id]);
    expect(mail.map((m) => m.userId).sort()).toEqual([owner.id, member.id].sort());
    const toMember = mail.find((m) => m.userId === member.id)!;
    expect(toMember).toMatchObject({ toAddress: member.email, language: 'en', subject: `Application ${app.number} submitted`, status: 'queued' });
    expect(toMember.payload).toEqual({ title: seen.get(member.id)!.title, body: seen.get(member.id)!.body, link: `/applicant/applications/${app.id}` });
  });

  it('in another zone shows the time there', async () => {
    const far = await makeCompetition(t, opA.id, { title: 'Дальний Восток', timezone: 'Asia/Vladivostok' });
    const app = await makeApplication(t, far, org.id, owner.id);
    expect((await call(t, owner.token, 'POST', `${V1}/applications/${app.id}/submit`)).status).toBe(200);
    const [notice] = (await noticesOf('application-submitted', app.id)).filter((r) => r.userId === owner.id);
    expect(notice!.body).toContain('02.02.2027 01:00 (Asia/Vladivostok)');
  });

  it('that is refused (422) tells nobody, and neither does a transaction that rolls back after its notice', async () => {
    const incomplete = await makeApplication(t, comp, org.id, owner.id, { content: { title: 'Черновик' } as never });
    const res = await call(t, owner.token, 'POST', `${V1}/applications/${incomplete.id}/submit`);
    expect(res.status).toBe(422);
    expect(await noticesOf('application-submitted', incomplete.id)).toEqual([]);

    const marker = '00000000-0000-4000-8000-00000000beef';
    await expect(t.db.transaction(async (tx) => {
      const told = await notify(tx, {
        kind: 'application-submitted', recipients: { members: org.id }, params: { number: 'X', title: 'X', competitionTitle: 'X', submittedAt: T0.toISOString() },
        link: '/applicant', object: { type: 'application', id: marker },
      }, T0);
      expect(told).toBe(3);
      throw new Error('the event fails after its notice');
    })).rejects.toThrow('the event fails');
    expect(await noticesOf('application-submitted', marker)).toEqual([]);
    expect(await t.db.select().from(emailOutbox).where(sql`${emailOutbox.payload}->>'link' = '/applicant'`)).toEqual([]);
  });

  it('is not e-mailed to an unconfirmed address or an inactive account; an inactive member is not told at all', async () => {
    const [unconfirmed, gone] = await Promise.all([makeUser(t, 'applicant'), makeUser(t, 'applicant')]);
    await t.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, unconfirmed.id));
    await t.db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    const small = await makeOrganization(t, unconfirmed.id, '40', [gone.id]);
    const app = await makeApplication(t, comp, small.id, unconfirmed.id);
    expect((await call(t, unconfirmed.token, 'POST', `${V1}/applications/${app.id}/submit`)).status).toBe(200);
    expect((await noticesOf('application-submitted', app.id)).map((r) => r.userId)).toEqual([unconfirmed.id]);
    expect(await outboxOf('application-submitted', [unconfirmed.id, gone.id])).toEqual([]);
  });
});

describe('screening', () => {
  it('tells the members the decision, and the reason of a rejection; nobody else', async () => {
    const comp = await makeCompetition(t, opA.id, { title: 'Отбор', status: 'review', closesAt: new Date(T0.getTime() - 86_400_000), opensAt: new Date(T0.getTime() - 10 * 86_400_000) });
    const admitted = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    const rejected = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    const theirs = await makeApplication(t, comp, otherOrg.id, outsider.id, { status: 'submitted' });
    expect((await call(t, organiser.token, 'POST', `${V1}/applications/${admitted.id}/screening`, { decision: 'admit' })).status).toBe(200);
    expect((await call(t, organiser.token, 'POST', `${V1}/applications/${rejected.id}/screening`, { decision: 'reject', reason: 'Нет устава' })).status).toBe(200);
    // Refused (400: no reason): nothing is told.
    expect((await call(t, organiser.token, 'POST', `${V1}/applications/${theirs.id}/screening`, { decision: 'reject' })).status).toBe(400);
    expect(await noticesOf('screening-decision', theirs.id)).toEqual([]);

    const yes = byUser(await noticesOf('screening-decision', admitted.id));
    expect([...yes.keys()].sort()).toEqual([owner.id, member.id, quiet.id].sort());
    expect(yes.get(owner.id)).toMatchObject({ title: `Заявка № ${admitted.number} допущена к экспертизе`, link: `/applicant/applications/${admitted.id}` });
    expect(yes.get(member.id)!.title).toBe(`Application ${admitted.number} admitted to review`);
    const no = byUser(await noticesOf('screening-decision', rejected.id));
    expect(no.get(owner.id)!.title).toBe(`Заявка № ${rejected.number} не допущена к экспертизе`);
    expect(no.get(owner.id)!.body).toBe(`Заявка № ${rejected.number} «Школа волонтёров» не допущена к экспертизе. Причина: Нет устава`);
    expect(no.get(member.id)!.body).toContain('Reason: Нет устава');
    // `quiet` turned off only the receipts: the decision is e-mailed to all three.
    expect((await outboxOf('screening-decision', [owner.id, member.id, quiet.id, outsider.id])).length).toBe(6);
  });
});

describe('review work', () => {
  let comp: CompetitionRow;
  let experts: TestUser[];
  let apps: { id: string; number: string }[];

  beforeAll(async () => {
    experts = await Promise.all([0, 1, 2, 3].map(() => makeUser(t, 'expert')));
    await t.db.update(users).set({ emailVerifiedAt: T0 }).where(inArray(users.id, experts.map((e) => e.id)));
    comp = await makeCompetition(t, opA.id, {
      title: 'Экспертиза', status: 'review', closesAt: new Date(T0.getTime() - 86_400_000), opensAt: new Date(T0.getTime() - 10 * 86_400_000),
      experts: experts.slice(0, 3).map((e) => e.id), reviewersPerApplication: 2, divergenceThreshold: 30, criteria: [{ code: 'K1', weight: 1, maxScore: 10 }],
    });
    apps = [
      await makeApplication(t, comp, org.id, owner.id, { status: 'admitted' }),
      await makeApplication(t, comp, otherOrg.id, outsider.id, { status: 'admitted' }),
    ];
  });

  it('automatic assignment tells each expert of each assignment of theirs, and no one else', async () => {
    const res = await call(t, organiser.token, 'POST', `${V1}/competitions/${comp.id}/assignments/auto`, { dueAt: '2027-02-15T15:00:00.000Z' });
    expect(res.status, res.body).toBe(200);
    expect(res.json.created).toBe(4);
    const list = await call(t, organiser.token, 'GET', `${V1}/competitions/${comp.id}/assignments?limit=100`);
    const rows = await noticesOf('assignment-created');
    const mine = rows.filter((r) => list.json.items.some((a: { id: string }) => a.id === r.objectId));
    expect(mine).toHaveLength(4);
    for (const a of list.json.items as { id: string; expertId: string; applicationId: string }[]) {
      const notice = mine.find((r) => r.objectId === a.id)!;
      const number = apps.find((x) => x.id === a.applicationId)!.number;
      expect(notice).toMatchObject({ userId: a.expertId, link: `/expert/assignments/${a.id}`, objectType: 'assignment', title: `Новая заявка на экспертизу: № ${number}` });
      expect(notice.body).toBe(`Вам назначена экспертиза заявки № ${number} конкурса «Экспертиза». Срок оценки — 15.02.2027 18:00 (МСК). `
        + 'Если у вас конфликт интересов, откажитесь от экспертизы.');
      // Blind: a notice never names another expert.
      for (const e of experts) expect(notice.body).not.toContain(e.email);
    }
    expect(mine.some((r) => r.userId === experts[3]!.id)).toBe(false);
    expect((await outboxOf('assignment-created', experts.map((e) => e.id))).length).toBe(4);
  });

  it('an expert who declines tells the operator\'s organisers (in their language), not another operator\'s; the replacement is told', async () => {
    // An expert of the other organisation's application declines it; the pool's one expert not on it replaces them.
    const list = await call(t, organiser.token, 'GET', `${V1}/competitions/${comp.id}/assignments?applicationId=${apps[1]!.id}`);
    const on = list.json.items as { id: string; applicationId: string; expertId: string }[];
    const first = on[0]!;
    const decliner = experts.find((e) => e.id === first.expertId)!;
    const free = experts.slice(0, 3).find((e) => !on.some((a) => a.expertId === e.id))!;
    const before = (await noticesOf('assignment-created')).length;
    const res = await call(t, decliner.token, 'POST', `${V1}/assignments/${first.id}/decline`, { reason: 'Работал в этой организации' });
    expect(res.status, res.body).toBe(200);
    const number = apps.find((a) => a.id === first.applicationId)!.number;
    const told = byUser(await noticesOf('conflict-declared', first.applicationId));
    expect([...told.keys()].sort()).toEqual([organiser.id, organiserEn.id].sort());
    expect(told.get(organiser.id)).toMatchObject({ title: `Конфликт интересов по заявке № ${number}`, link: `/organiser/competitions/${comp.id}/experts` });
    expect(told.get(organiser.id)!.body).toContain(`Эксперт expert ${decliner.email} отказался от экспертизы заявки № ${number}`);
    expect(told.get(organiserEn.id)!.title).toBe(`A conflict of interest on application ${number}`);
    expect(await outboxOf('conflict-declared', [organiserB.id])).toEqual([]);
    // The replacement: the one expert of the pool not yet on the application.
    const after = await noticesOf('assignment-created');
    expect(res.json.replaced).toBe(true);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ userId: free.id, title: `Новая заявка на экспертизу: № ${number}` });
  });

  it('the last review submitted tells the organisers once that every review is in; the extra expert on divergence is told first', async () => {
    const review = async (e: TestUser, id: string, score: number) => {
      expect((await call(t, e.token, 'PUT', `${V1}/assignments/${id}/review`, { scores: [{ criterionCode: 'K1', score, comment: '' }], comment: '' })).status).toBe(200);
      const res = await call(t, e.token, 'POST', `${V1}/assignments/${id}/review/submit`);
      expect(res.status, res.body).toBe(200);
    };
    const openOnes = async () => {
      const out: { e: TestUser; id: string; applicationId: string }[] = [];
      for (const e of experts) {
        const mine = await call(t, e.token, 'GET', `${V1}/assignments/mine?status=assigned`);
        for (const a of mine.json.items) out.push({ e, id: a.id, applicationId: a.applicationId });
      }
      return out;
    };
    // The organisation's application diverges (10 vs 2 → 100 vs 20); the other one agrees.
    const round = await openOnes();
    const scored = new Map<string, number>();
    for (const a of round) {
      const score = a.applicationId === apps[0]!.id ? (scored.has(a.applicationId) ? 2 : 10) : 8;
      scored.set(a.applicationId, score);
      await review(a.e, a.id, score);
    }
    const left = await openOnes();
    // The extra expert: told of it like any assignment; nothing is complete yet.
    expect(left).toHaveLength(1);
    const extra = left[0]!;
    const [notice] = (await noticesOf('assignment-created')).filter((r) => r.objectId === extra.id);
    expect(notice).toMatchObject({ userId: extra.e.id, link: `/expert/assignments/${extra.id}` });
    expect(await noticesOf('reviews-completed', comp.id)).toEqual([]);
    await review(extra.e, extra.id, 6);
    const done = byUser(await noticesOf('reviews-completed', comp.id));
    expect([...done.keys()].sort()).toEqual([organiser.id, organiserEn.id].sort());
    const submitted = await t.db.execute(sql`select count(*)::int as n from assignments where competition_id = ${comp.id} and status = 'submitted'`);
    const n = (submitted as unknown as { rows: { n: number }[] }).rows[0]!.n;
    expect(done.get(organiser.id)).toMatchObject({ title: `Экспертиза конкурса ${comp.code} завершена`, link: `/organiser/competitions/${comp.id}/ranking` });
    expect(done.get(organiser.id)!.body).toContain(`${n} ${n % 10 === 1 && n % 100 !== 11 ? 'оценка' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'оценки' : 'оценок'}`);
    expect(done.get(organiserEn.id)!.body).toContain(`${n} reviews in all`);
    expect(await outboxOf('reviews-completed', [organiserB.id])).toEqual([]);
    expect((await outboxOf('reviews-completed', [organiser.id, organiserEn.id])).length).toBe(2);

    // Once: asked again (another last submission, another process), it tells nobody a second time.
    await t.db.transaction((tx) => tellIfReviewsCompleted(tx, comp, T0));
    expect((await noticesOf('reviews-completed', comp.id)).length).toBe(2);
    expect((await outboxOf('reviews-completed', [organiser.id, organiserEn.id])).length).toBe(2);
  });
});

describe('a manual assignment', () => {
  it('tells the expert assigned, in English when that is their language', async () => {
    const expert = await makeUser(t, 'expert');
    await t.db.update(users).set({ language: 'en', emailVerifiedAt: T0 }).where(eq(users.id, expert.id));
    const comp = await makeCompetition(t, opA.id, {
      title: 'Ручное назначение', status: 'review', closesAt: new Date(T0.getTime() - 86_400_000), opensAt: new Date(T0.getTime() - 10 * 86_400_000), experts: [expert.id],
    });
    const app = await makeApplication(t, comp, org.id, owner.id, { status: 'admitted' });
    const res = await call(t, organiser.token, 'POST', `${V1}/assignments`, { applicationId: app.id, expertId: expert.id });
    expect(res.status, res.body).toBe(201);
    const [notice] = await noticesOf('assignment-created', res.json.id);
    expect(notice).toMatchObject({ userId: expert.id, title: `A new application to review: ${app.number}`, link: `/expert/assignments/${res.json.id}` });
    expect(notice!.body).toContain('of the competition “Ручное назначение”');
    const [mail] = await outboxOf('assignment-created', [expert.id]);
    expect(mail).toMatchObject({ language: 'en', subject: notice!.title });
    // A refused one (already assigned: 409) tells nothing more.
    expect((await call(t, organiser.token, 'POST', `${V1}/assignments`, { applicationId: app.id, expertId: expert.id })).status).toBe(409);
    expect((await outboxOf('assignment-created', [expert.id])).length).toBe(1);
  });
});

describe('published results', () => {
  it('tell the members of every application that reached screening its outcome; never a draft\'s or a withdrawn one\'s', async () => {
    const [drafter, leaver] = await Promise.all([makeUser(t, 'applicant'), makeUser(t, 'applicant')]);
    const [draftOrg, leftOrg] = await Promise.all([makeOrganization(t, drafter.id), makeOrganization(t, leaver.id)]);
    const comp = await makeCompetition(t, opA.id, {
      title: 'Итоги', status: 'decided', closesAt: new Date(T0.getTime() - 20 * 86_400_000), opensAt: new Date(T0.getTime() - 40 * 86_400_000),
    });
    const winner = await makeApplication(t, comp, org.id, owner.id, { status: 'winner' });
    await t.db.update(applications).set({ awardedKopecks: 150_000_000 }).where(eq(applications.id, winner.id));
    const passed = await makeApplication(t, comp, otherOrg.id, outsider.id, { status: 'not_supported' });
    const rejected = await makeApplication(t, comp, org.id, owner.id, { status: 'rejected' });
    const draft = await makeApplication(t, comp, draftOrg.id, drafter.id);
    const withdrawn = await makeApplication(t, comp, leftOrg.id, leaver.id, { status: 'withdrawn' });

    const res = await call(t, organiser.token, 'POST', `${V1}/competitions/${comp.id}/publish`);
    expect(res.status, res.body).toBe(200);
    const won = byUser(await noticesOf('results-published', winner.id));
    expect([...won.keys()].sort()).toEqual([owner.id, member.id, quiet.id].sort());
    expect(won.get(owner.id)).toMatchObject({ title: 'Итоги конкурса «Итоги» опубликованы', link: `/applicant/applications/${winner.id}` });
    expect(won.get(owner.id)!.body).toBe(`Итоги конкурса «Итоги» опубликованы. Заявка № ${winner.number} «Школа волонтёров»: `
      + 'заявка стала победителем конкурса, размер гранта — 1\u00a0500\u00a0000,00\u00a0₽.');
    expect(won.get(member.id)!.body).toContain('the award is ₽1,500,000.00');
    const lost = byUser(await noticesOf('results-published', passed.id));
    expect([...lost.keys()]).toEqual([outsider.id]);
    expect(lost.get(outsider.id)!.body).toContain('заявка не поддержана');
    expect(lost.get(outsider.id)!.body).not.toContain('₽');
    expect(byUser(await noticesOf('results-published', rejected.id)).get(owner.id)!.body).toContain('не допущена к экспертизе');
    expect(await noticesOf('results-published', draft.id)).toEqual([]);
    expect(await noticesOf('results-published', withdrawn.id)).toEqual([]);
    expect(await outboxOf('results-published', [drafter.id, leaver.id])).toEqual([]);
    expect((await outboxOf('results-published', [owner.id, member.id, quiet.id, outsider.id])).length).toBe(7);
    // A second publish is refused (409) and tells nobody again.
    expect((await call(t, organiser.token, 'POST', `${V1}/competitions/${comp.id}/publish`)).status).toBe(409);
    expect((await noticesOf('results-published', winner.id)).length).toBe(3);
  });
});
