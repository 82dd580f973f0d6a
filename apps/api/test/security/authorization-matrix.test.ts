// The authorisation matrix (TARGETS.md): every route of the OpenAPI document × every kind of actor × the
// records of one operator and of the other. The table below is the contract as data: who passes the role
// gate (the others: 403, anonymous: 401), who reaches the record and with what status (409/412 where the
// record's state refuses, so that the world stays as built), and what everyone else gets (404: the record
// does not exist for them). Each case runs against A's records and against B's, so both directions are
// checked; lists are checked for what they show (nothing of the other side, no drafts to staff). A route
// added to the API without a row here fails the coverage test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { PASSWORD } from '../fixtures.js';
import { documentedRoutes, multipart, runCase, type Case } from './matrix.js';
import { buildWorld, PDF_BYTES, type Rel, type Side, type World } from './world.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => { await t?.close(); });

const V1 = '/api/v1';
const STAFF = ['organiser', 'admin'] as const;
const FIGURES = ['official', 'organiser', 'admin'] as const;
const APPLICANT = ['applicant'] as const;
const EXPERT = ['expert'] as const;

// Who reaches what, by kind of record.
const members = (status: number) => ({ owner: status, member: status });
const runners = (status: number) => ({ organiser: status, admin: status });
/** A submitted application: its organisation, its operator's staff, the admin. Never a federal official, never an expert unassigned. */
const submittedReaders = { ...members(200), organiser: 200, official: 200, admin: 200 };
/** Figures: the operator's staff, the admin, and a federal official (every operator's). */
const figureReaders = (status: number) => ({ organiser: status, official: status, admin: status, fedOfficial: status });

const other = (s: Side) => w.other(s);
const both = <T>(f: (x: Side) => T[]) => [...f(w.A), ...f(w.B)];
const allApps = (x: Side) => Object.values(x.applications);
/** Applications staff may see: submitted once. */
const submittedApps = (x: Side) => [x.applications.submitted, x.applications.underReview, x.applications.winner];
const submittedNumbers = (x: Side) => [x.numbers.submitted, x.numbers.underReview, x.numbers.winner];
const pubComps = (x: Side) => [x.competitions.open.id, x.competitions.published.id];
const allComps = (x: Side) => Object.values(x.competitions).map((c) => c.id);
const staffIds = (x: Side) => [x.users.organiser.id, x.users.official.id, x.users.expert.id, x.users.expert2.id];
const everyone = (ids: string[]): Partial<Record<Rel, string[]>> => Object.fromEntries(
  ['anon', 'admin', 'lone', 'fedOfficial', 'fedOrganiser', 'owner', 'member', 'organiser', 'official', 'expert', 'expert2']
    .flatMap((r) => [[r, ids], [`other.${r}`, ids]]));
/** The same relation for the probed side's actors and, mirrored, the other side's. */
const mirrored = (s: Side, f: (x: Side) => string[], rels: readonly string[]): Partial<Record<Rel, string[]>> =>
  Object.fromEntries(rels.flatMap((r) => [[r, f(s)], [`other.${r}`, f(other(s))]]));

const get = (url: string) => ({ method: 'GET' as const, url });
const post = (url: string, body?: unknown) => ({ method: 'POST' as const, url, body });
const validScores = { scores: [], comment: '' };

const CASES: Case[] = [
  // Health and reference data: open to all.
  { route: 'GET /api/health', name: 'liveness', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get('/api/health') },
  { route: 'GET /api/ready', name: 'readiness', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get('/api/ready') },
  { route: 'GET /api/v1/regions', name: 'regions', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/regions`) },
  { route: 'GET /api/v1/directions', name: 'directions', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/directions`) },
  { route: 'GET /api/v1/criteria/default', name: 'default criteria', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/criteria/default`) },

  // Auth.
  { route: 'POST /api/v1/auth/register', name: 'a taken e-mail', gate: 'public', once: true, otherwise: 409, expect: {},
    request: (_w, s) => post(`${V1}/auth/register`, { email: s.users.owner.email, password: PASSWORD, fullName: 'Двойник' }) },
  { route: 'POST /api/v1/auth/login', name: 'a wrong password', gate: 'public', once: true, otherwise: 401, expect: {},
    request: (_w, s) => post(`${V1}/auth/login`, { email: s.users.owner.email, password: 'not-the-password' }) },
  { route: 'POST /api/v1/auth/logout', name: 'ends the own session', gate: 'any', once: true, fresh: true, otherwise: 204, expect: {},
    request: () => post(`${V1}/auth/logout`) },
  { route: 'GET /api/v1/auth/me', name: 'oneself only', gate: 'any', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/auth/me`),
    check: (res, _w, _s, a) => (a.user && !res.body.includes(a.user.id) ? 'not the caller' : undefined) },
  { route: 'POST /api/v1/auth/password', name: 'a wrong current password', gate: 'any', once: true, fresh: true, otherwise: 400, expect: {},
    request: () => post(`${V1}/auth/password`, { currentPassword: 'not-the-password', newPassword: 'Another-pass-2026!' }) },
  { route: 'POST /api/v1/auth/password-reset', name: 'the same answer for any e-mail', gate: 'public', once: true, otherwise: 202, expect: {},
    request: (_w, _s, a) => post(`${V1}/auth/password-reset`, { email: `nobody-${a.rel}@test.example` }) },
  { route: 'POST /api/v1/auth/password-reset/confirm', name: 'a token of no link', gate: 'public', once: true, otherwise: 400, expect: {},
    request: () => post(`${V1}/auth/password-reset/confirm`, { token: 'A'.repeat(43), password: 'Another-pass-2026!' }) },
  { route: 'POST /api/v1/auth/verify-email', name: 'a token of no link', gate: 'public', once: true, otherwise: 400, expect: {},
    request: () => post(`${V1}/auth/verify-email`, { token: 'A'.repeat(43) }) },
  { route: 'POST /api/v1/auth/verify-email/resend', name: 'oneself only (confirmed: nothing sent)', gate: 'any', once: true, otherwise: 202, expect: {},
    request: () => post(`${V1}/auth/verify-email/resend`) },
  { route: 'POST /api/v1/auth/consent', name: 'oneself only (an outdated text: refused)', gate: 'any', once: true, otherwise: 400, expect: {},
    request: () => post(`${V1}/auth/consent`, { consent: { version: '2020-01-01', accepted: true } }) },
  { route: 'GET /api/v1/legal/consent', name: 'the consent text', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/legal/consent`) },

  // Users.
  { route: 'POST /api/v1/users', name: "an expert of the side's operator: its organiser or the admin", gate: STAFF, otherwise: 400, expect: { admin: 201, organiser: 201 },
    request: (_w, s, a) => post(`${V1}/users`, { email: `mx-${s.name}-${a.rel}@test.example`, password: PASSWORD, fullName: 'Эксперт', role: 'expert', operatorId: s.operatorId }) },
  { route: 'POST /api/v1/users', name: 'an official: the admin only', gate: STAFF, once: true, otherwise: 403, expect: { admin: 201 },
    request: (_w, s) => post(`${V1}/users`, { email: `mx-official-${s.name}@test.example`, password: PASSWORD, fullName: 'Чиновник', role: 'official', operatorId: s.operatorId }) },
  { route: 'GET /api/v1/users', name: "an organiser lists its operator's people only", gate: STAFF, otherwise: 200, expect: {},
    request: () => get(`${V1}/users?limit=500`),
    shows: (_w, s) => ({ universe: [...both(staffIds), w.A.users.owner.id, w.B.users.owner.id],
      by: { ...mirrored(s, staffIds, ['organiser']), admin: [...both(staffIds), w.A.users.owner.id, w.B.users.owner.id] } }) },
  { route: 'PATCH /api/v1/users/{id}', name: 'the admin only', gate: ['admin'], expect: { admin: 200 },
    request: (_w, s) => ({ method: 'PATCH', url: `${V1}/users/${s.users.owner.id}`, body: { fullName: 'Владелец организации' } }) },

  // Operators.
  { route: 'GET /api/v1/operators', name: 'public', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/operators`) },
  { route: 'POST /api/v1/operators', name: 'the admin only', gate: ['admin'], once: true, expect: { admin: 201 },
    request: () => post(`${V1}/operators`, { name: 'Администрация муниципалитета', level: 'municipal', regionCode: '40' }) },

  // Organisations.
  { route: 'POST /api/v1/organizations', name: 'a taken ИНН (409 for any applicant)', gate: APPLICANT, otherwise: 409, expect: {},
    request: (_w, s) => post(`${V1}/organizations`, { ...s.identity, fullName: 'АНО «Двойник»', shortName: 'Двойник', regionCode: '40' }) },
  { route: 'GET /api/v1/organizations/mine', name: 'own organisations only', gate: 'any', otherwise: 200, expect: {},
    request: () => get(`${V1}/organizations/mine`),
    shows: (_w, s) => ({ universe: [w.A.organizationId, w.B.organizationId], by: mirrored(s, (x) => [x.organizationId], ['owner', 'member']) }) },
  { route: 'GET /api/v1/organizations/{id}', name: 'members, and staff reading its applications', gate: 'any', expect: submittedReaders,
    request: (_w, s) => get(`${V1}/organizations/${s.organizationId}`) },
  { route: 'PATCH /api/v1/organizations/{id}', name: 'the owner (a member: 403)', gate: APPLICANT, expect: { owner: 200, member: 403 },
    request: (_w, s) => ({ method: 'PATCH', url: `${V1}/organizations/${s.organizationId}`, body: {} }) },
  { route: 'GET /api/v1/organizations/{id}/members', name: 'members, and staff reading its applications', gate: 'any', expect: submittedReaders,
    request: (_w, s) => get(`${V1}/organizations/${s.organizationId}/members`) },
  { route: 'POST /api/v1/organizations/{id}/members', name: 'the owner (already a member: 409; a member: 403)', gate: APPLICANT, expect: { owner: 409, member: 403 },
    request: (_w, s) => post(`${V1}/organizations/${s.organizationId}/members`, { email: s.users.member.email }) },

  // Competitions.
  { route: 'POST /api/v1/competitions', name: "of the side's operator: its organiser or the admin", gate: STAFF, otherwise: 403, expect: { admin: 201, organiser: 201 },
    request: (_w, s, a) => post(`${V1}/competitions`, newCompetition(s, `MXNEW-${s.name}-${a.rel.replace('.', '-').toUpperCase()}`)) },
  { route: 'GET /api/v1/competitions', name: 'open and published to all; the rest to staff of the operator and the pool', gate: 'public', otherwise: 200, expect: {},
    request: () => get(`${V1}/competitions?limit=500`),
    shows: (_w, s) => {
      const o = other(s);
      const pub = [...pubComps(s), ...pubComps(o)];
      return { universe: both(allComps), by: {
        ...everyone(pub),
        organiser: [...allComps(s), ...pubComps(o)], official: [...allComps(s), ...pubComps(o)],
        'other.organiser': [...pubComps(s), ...allComps(o)], 'other.official': [...pubComps(s), ...allComps(o)],
        expert: [...pub, s.competitions.review.id], expert2: [...pub, s.competitions.review.id],
        'other.expert': [...pub, o.competitions.review.id], 'other.expert2': [...pub, o.competitions.review.id],
        admin: both(allComps), fedOfficial: both(allComps),
      } };
    } },
  { route: 'GET /api/v1/competitions', name: 'a status filter never widens: drafts to their staff only', gate: 'public', otherwise: 200, expect: {},
    request: () => get(`${V1}/competitions?status=draft&limit=500`),
    shows: (_w, s) => ({ universe: both(allComps), by: {
      ...mirrored(s, (x) => [x.competitions.draft.id], ['organiser', 'official']),
      admin: both((x) => [x.competitions.draft.id]), fedOfficial: both((x) => [x.competitions.draft.id]),
    } }) },
  { route: 'GET /api/v1/competitions/{id}', name: 'an open competition: everyone', gate: 'public', otherwise: 200, expect: {},
    request: (_w, s) => get(`${V1}/competitions/${s.competitions.open.id}`) },
  { route: 'GET /api/v1/competitions/{id}', name: "a draft competition: the operator's staff, the admin, a federal official", gate: 'public',
    expect: figureReaders(200), request: (_w, s) => get(`${V1}/competitions/${s.competitions.draft.id}`) },
  { route: 'GET /api/v1/competitions/{id}', name: 'a competition in review: also its pool', gate: 'public',
    expect: { ...figureReaders(200), expert: 200, expert2: 200 }, request: (_w, s) => get(`${V1}/competitions/${s.competitions.review.id}`) },
  { route: 'PATCH /api/v1/competitions/{id}', name: 'its organiser (stale version: 412)', gate: STAFF, expect: runners(412),
    request: (_w, s) => ({ method: 'PATCH', url: `${V1}/competitions/${s.competitions.draft.id}`, body: { version: 999, title: 'Другой конкурс' } }) },
  { route: 'POST /api/v1/competitions/{id}/open', name: 'its organiser (published: 409)', gate: STAFF, expect: runners(409),
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.published.id}/open`) },
  { route: 'POST /api/v1/competitions/{id}/start-review', name: 'its organiser (published: 409)', gate: STAFF, expect: runners(409),
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.published.id}/start-review`) },
  { route: 'POST /api/v1/competitions/{id}/publish', name: 'its organiser (open: 409)', gate: STAFF, expect: runners(409),
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.open.id}/publish`) },
  { route: 'POST /api/v1/competitions/{id}/archive', name: 'its organiser (open: 409)', gate: STAFF, expect: runners(409),
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.open.id}/archive`) },

  // Expert pool.
  { route: 'POST /api/v1/competitions/{id}/experts', name: 'its organiser (already there: added 0)', gate: STAFF, expect: runners(200),
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.review.id}/experts`, { expertIds: [s.users.expert.id] }) },
  { route: 'GET /api/v1/competitions/{id}/experts', name: 'its organiser', gate: STAFF, expect: runners(200),
    request: (_w, s) => get(`${V1}/competitions/${s.competitions.review.id}/experts`) },
  { route: 'DELETE /api/v1/competitions/{id}/experts/{expertId}', name: 'its organiser (has assignments: 409)', gate: STAFF, expect: runners(409),
    request: (_w, s) => ({ method: 'DELETE', url: `${V1}/competitions/${s.competitions.review.id}/experts/${s.users.expert.id}` }) },

  // Applications.
  { route: 'POST /api/v1/competitions/{id}/applications', name: 'for an own organisation only', gate: APPLICANT, expect: members(201),
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.open.id}/applications`, { organizationId: s.organizationId, title: 'Новая заявка' }) },
  { route: 'POST /api/v1/competitions/{id}/applications', name: 'a competition in review is not there for applicants', gate: APPLICANT, expect: {},
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.review.id}/applications`, { organizationId: s.organizationId }) },
  { route: 'POST /api/v1/competitions/{id}/applications', name: 'a draft competition is not there for applicants', gate: APPLICANT, expect: {},
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.draft.id}/applications`, { organizationId: s.organizationId }) },
  { route: 'GET /api/v1/applications', name: "members their organisation's, staff their operator's submitted, experts none", gate: 'any', otherwise: 200, expect: {},
    request: () => get(`${V1}/applications?limit=500`),
    shows: (_w, s) => ({ universe: both(allApps), by: {
      ...mirrored(s, allApps, ['owner', 'member']), ...mirrored(s, submittedApps, ['organiser', 'official']), admin: both(submittedApps),
    } }) },
  { route: 'GET /api/v1/applications/{id}', name: 'a draft: its members only', gate: 'any', expect: members(200),
    request: (_w, s) => get(`${V1}/applications/${s.applications.draft}`) },
  { route: 'GET /api/v1/applications/{id}', name: 'a draft withdrawn unsubmitted: its members only', gate: 'any', expect: members(200),
    request: (_w, s) => get(`${V1}/applications/${s.applications.withdrawnDraft}`) },
  { route: 'GET /api/v1/applications/{id}', name: 'a submitted application', gate: 'any', expect: submittedReaders,
    request: (_w, s) => get(`${V1}/applications/${s.applications.submitted}`) },
  { route: 'GET /api/v1/applications/{id}', name: 'under review: also its assigned experts', gate: 'any', expect: { ...submittedReaders, expert: 200, expert2: 200 },
    request: (_w, s) => get(`${V1}/applications/${s.applications.underReview}`) },
  { route: 'GET /api/v1/applications/{id}', name: 'a winner: also its experts; its members never learn who reviewed', gate: 'any',
    expect: { ...submittedReaders, expert: 200, expert2: 200 }, request: (_w, s) => get(`${V1}/applications/${s.applications.winner}`),
    check: (res, _w, _s, a) => (a.rel === 'owner' || a.rel === 'member' ? namesAnExpert(res.body) : undefined) },
  { route: 'PATCH /api/v1/applications/{id}', name: 'a draft: its members (stale version: 412)', gate: APPLICANT, expect: members(412),
    request: (_w, s) => ({ method: 'PATCH', url: `${V1}/applications/${s.applications.draft}`, body: { version: 999, title: 'Чужая правка' } }) },
  { route: 'PATCH /api/v1/applications/{id}', name: 'a submitted one: its members (409)', gate: APPLICANT, expect: members(409),
    request: (_w, s) => ({ method: 'PATCH', url: `${V1}/applications/${s.applications.submitted}`, body: { version: 1, title: 'Чужая правка' } }) },
  { route: 'POST /api/v1/applications/{id}/submit', name: 'its members (already submitted: 409)', gate: APPLICANT, expect: members(409),
    request: (_w, s) => post(`${V1}/applications/${s.applications.submitted}/submit`) },
  { route: 'POST /api/v1/applications/{id}/withdraw', name: 'its members (a winner: 409)', gate: APPLICANT, expect: members(409),
    request: (_w, s) => post(`${V1}/applications/${s.applications.winner}/withdraw`) },
  { route: 'GET /api/v1/applications/{id}/submit-check', name: 'its members (already submitted: 409)', gate: APPLICANT, expect: members(409),
    request: (_w, s) => get(`${V1}/applications/${s.applications.submitted}/submit-check`) },
  { route: 'DELETE /api/v1/applications/{id}', name: 'its members (submitted, not a draft: 409)', gate: APPLICANT, expect: members(409),
    request: (_w, s) => ({ method: 'DELETE', url: `${V1}/applications/${s.applications.submitted}` }) },
  { route: 'POST /api/v1/applications/{id}/hide', name: 'its members (not withdrawn: 409)', gate: APPLICANT, expect: members(409),
    request: (_w, s) => post(`${V1}/applications/${s.applications.submitted}/hide`) },
  { route: 'POST /api/v1/applications/{id}/unhide', name: 'its members (not withdrawn: 409)', gate: APPLICANT, expect: members(409),
    request: (_w, s) => post(`${V1}/applications/${s.applications.submitted}/unhide`) },
  { route: 'POST /api/v1/applications/{id}/screening', name: "its operator's organiser (competition still open: 409)", gate: STAFF, expect: runners(409),
    request: (_w, s) => post(`${V1}/applications/${s.applications.submitted}/screening`, { decision: 'admit' }) },
  { route: 'POST /api/v1/applications/{id}/screening', name: 'a draft is not there for staff', gate: STAFF, expect: {},
    request: (_w, s) => post(`${V1}/applications/${s.applications.draft}/screening`, { decision: 'admit' }) },

  // Attachments.
  { route: 'POST /api/v1/applications/{id}/attachments', name: 'upload to a draft: its members', gate: APPLICANT, expect: members(201),
    request: (_w, s) => ({ method: 'POST', url: `${V1}/applications/${s.applications.draft}/attachments`, ...multipart('other', 'letter.pdf', PDF_BYTES) }) },
  { route: 'POST /api/v1/applications/{id}/attachments', name: 'upload to a submitted one: its members (409)', gate: APPLICANT, expect: members(409),
    request: (_w, s) => ({ method: 'POST', url: `${V1}/applications/${s.applications.submitted}/attachments`, ...multipart('other', 'letter.pdf', PDF_BYTES) }) },
  { route: 'GET /api/v1/applications/{id}/storage', name: "its organisation's space for documents: its members", gate: APPLICANT, expect: members(200),
    request: (_w, s) => get(`${V1}/applications/${s.applications.submitted}/storage`) },
  { route: 'GET /api/v1/applications/{id}/attachments/{attachmentId}', name: "a draft's document: its members only", gate: 'any', expect: members(200),
    request: (_w, s) => get(`${V1}/applications/${s.applications.draft}/attachments/${s.attachments.draft}`),
    check: (res) => (res.body !== PDF_BYTES.toString() ? 'not the stored bytes' : undefined) },
  { route: 'GET /api/v1/applications/{id}/attachments/{attachmentId}', name: "a submitted application's document", gate: 'any', expect: submittedReaders,
    request: (_w, s) => get(`${V1}/applications/${s.applications.submitted}/attachments/${s.attachments.submitted}`) },
  { route: 'GET /api/v1/applications/{id}/attachments/{attachmentId}', name: 'under review: also its assigned experts', gate: 'any',
    expect: { ...submittedReaders, expert: 200, expert2: 200 },
    request: (_w, s) => get(`${V1}/applications/${s.applications.underReview}/attachments/${s.attachments.underReview}`) },
  { route: 'GET /api/v1/applications/{id}/attachments/{attachmentId}', name: "another application's document through a readable one: nobody", gate: 'any', expect: {},
    request: (_w, s) => get(`${V1}/applications/${s.applications.submitted}/attachments/${other(s).attachments.submitted}`) },
  { route: 'DELETE /api/v1/applications/{id}/attachments/{attachmentId}', name: 'of a submitted one: its members (409)', gate: APPLICANT, expect: members(409),
    request: (_w, s) => ({ method: 'DELETE', url: `${V1}/applications/${s.applications.submitted}/attachments/${s.attachments.submitted}` }) },
  // Report documents (report-attachments part): the organisation writes them; its members, its operator's organisers and the admin read them.
  { route: 'POST /api/v1/reports/{id}/attachments', name: 'upload to a due report: its members', gate: APPLICANT, expect: members(201),
    request: (_w, s) => ({ method: 'POST', url: `${V1}/reports/${s.reports.first}/attachments`, ...multipart('other', 'act.pdf', PDF_BYTES) }) },
  { route: 'GET /api/v1/reports/{id}/attachments/{attachmentId}', name: "a report's document: its members, its operator's organisers, the admin", gate: 'any',
    expect: { ...members(200), ...runners(200) }, request: (_w, s) => get(`${V1}/reports/${s.reports.first}/attachments/${s.reportAttachment}`) },
  { route: 'GET /api/v1/reports/{id}/attachments/{attachmentId}', name: "another report's document through a readable one: nobody", gate: 'any', expect: {},
    request: (_w, s) => get(`${V1}/reports/${s.reports.final}/attachments/${s.reportAttachment}`) },
  { route: 'DELETE /api/v1/reports/{id}/attachments/{attachmentId}', name: "another side's document through a readable report: nobody", gate: APPLICANT, expect: {},
    request: (_w, s) => ({ method: 'DELETE', url: `${V1}/reports/${s.reports.first}/attachments/${other(s).reportAttachment}` }) },

  // Assignments and reviews.
  { route: 'POST /api/v1/competitions/{id}/assignments/auto', name: 'its organiser (competition open: 409)', gate: STAFF, expect: runners(409),
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.open.id}/assignments/auto`, {}) },
  { route: 'POST /api/v1/assignments', name: 'its organiser (already assigned: 409)', gate: STAFF, expect: runners(409),
    request: (_w, s) => post(`${V1}/assignments`, { applicationId: s.applications.underReview, expertId: s.users.expert.id }) },
  { route: 'POST /api/v1/assignments', name: 'a draft is not there for staff', gate: STAFF, expect: {},
    request: (_w, s) => post(`${V1}/assignments`, { applicationId: s.applications.draft, expertId: s.users.expert.id }) },
  { route: 'GET /api/v1/assignments/mine', name: 'an expert sees only their own', gate: EXPERT, otherwise: 200, expect: {},
    request: () => get(`${V1}/assignments/mine?limit=500`),
    shows: (_w, s) => ({
      universe: both((x) => [...Object.values(x.assignments), x.users.expert.id, x.users.expert2.id]),
      by: {
        ...mirrored(s, (x) => [x.assignments.expert, x.assignments.winnerExpert, x.users.expert.id], ['expert']),
        ...mirrored(s, (x) => [x.assignments.expert2, x.assignments.winnerExpert2, x.users.expert2.id], ['expert2']),
      },
    }) },
  { route: 'GET /api/v1/competitions/{id}/assignments', name: 'its organiser', gate: STAFF, expect: runners(200),
    request: (_w, s) => get(`${V1}/competitions/${s.competitions.review.id}/assignments?limit=500`),
    shows: (_w, s) => ({ universe: both((x) => Object.values(x.assignments)), by: {
      organiser: [s.assignments.expert, s.assignments.expert2], admin: [s.assignments.expert, s.assignments.expert2],
    } }) },
  { route: 'POST /api/v1/assignments/{id}/decline', name: 'its expert (reviewed: 409)', gate: EXPERT, expect: { expert2: 409 },
    request: (_w, s) => post(`${V1}/assignments/${s.assignments.expert2}/decline`, { reason: 'Конфликт интересов' }) },
  { route: 'GET /api/v1/assignments/{id}/review', name: 'a draft review: its expert only', gate: EXPERT, expect: { expert: 200 },
    request: (_w, s) => get(`${V1}/assignments/${s.assignments.expert}/review`) },
  { route: 'GET /api/v1/assignments/{id}/review', name: 'a submitted review: its expert only', gate: EXPERT, expect: { expert2: 200 },
    request: (_w, s) => get(`${V1}/assignments/${s.assignments.expert2}/review`) },
  { route: 'PUT /api/v1/assignments/{id}/review', name: 'a draft review: its expert (stale version: 412)', gate: EXPERT, expect: { expert: 412 },
    request: (_w, s) => ({ method: 'PUT', url: `${V1}/assignments/${s.assignments.expert}/review`, body: { version: 999, ...validScores } }) },
  { route: 'PUT /api/v1/assignments/{id}/review', name: 'a submitted review: its expert (409)', gate: EXPERT, expect: { expert2: 409 },
    request: (_w, s) => ({ method: 'PUT', url: `${V1}/assignments/${s.assignments.expert2}/review`, body: validScores }) },
  { route: 'POST /api/v1/assignments/{id}/review/submit', name: 'its expert (already submitted: 409)', gate: EXPERT, expect: { expert2: 409 },
    request: (_w, s) => post(`${V1}/assignments/${s.assignments.expert2}/review/submit`) },

  // Ranking and awards.
  { route: 'GET /api/v1/competitions/{id}/ranking', name: 'its organiser', gate: STAFF, expect: runners(200),
    request: (_w, s) => get(`${V1}/competitions/${s.competitions.review.id}/ranking`) },
  { route: 'POST /api/v1/competitions/{id}/awards/proposal', name: 'its organiser (a dry run)', gate: STAFF, expect: runners(200),
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.review.id}/awards/proposal`, { mode: 'stop' }) },
  { route: 'POST /api/v1/competitions/{id}/awards', name: 'its organiser (already decided: 409)', gate: STAFF, expect: runners(409),
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.published.id}/awards`, { mode: 'stop' }) },

  // Results.
  { route: 'GET /api/v1/applications/{id}/results', name: 'its members, never naming an expert', gate: APPLICANT, expect: members(200),
    request: (_w, s) => get(`${V1}/applications/${s.applications.winner}/results`),
    check: (res) => {
      const named = namesAnExpert(res.body);
      if (named) return named;
      return /"expert":"Expert 1".*"expert":"Expert 2"/.test(res.body) ? undefined : 'the reviews are not "Expert 1", "Expert 2"';
    } },
  { route: 'GET /api/v1/applications/{id}/results', name: 'before publication: its members 409', gate: APPLICANT, expect: members(409),
    request: (_w, s) => get(`${V1}/applications/${s.applications.underReview}/results`) },
  { route: 'GET /api/v1/public/competitions/{id}/results', name: 'published: everyone, winners only', gate: 'public', otherwise: 200, expect: {},
    request: (_w, s) => get(`${V1}/public/competitions/${s.competitions.published.id}/results`),
    shows: (_w, s) => ({ universe: both(allApps), by: everyone([s.applications.winner]) }) },
  { route: 'GET /api/v1/public/competitions/{id}/results', name: 'in review: nobody, staff included', gate: 'public', expect: {},
    request: (_w, s) => get(`${V1}/public/competitions/${s.competitions.review.id}/results`) },

  // Figures and exports.
  { route: 'GET /api/v1/stats/totals', name: "by operator: the own operator's, all for the admin and a federal official", gate: FIGURES, once: true, otherwise: 200, expect: {},
    request: () => get(`${V1}/stats/totals?groupBy=operator`),
    shows: (_w, s) => ({ universe: [w.A.operatorId, w.B.operatorId, w.fedOperatorId], by: {
      ...mirrored(s, (x) => [x.operatorId], ['organiser', 'official']), admin: [w.A.operatorId, w.B.operatorId], fedOfficial: [w.A.operatorId, w.B.operatorId],
    } }),
    check: (res, _w, _s, a) => {
      const want = a.rel === 'admin' || a.rel === 'fedOfficial' ? 6 : a.rel === 'fedOrganiser' ? 0 : 3;
      const got = JSON.parse(res.body).total.submitted;
      return got === want ? undefined : `total.submitted ${got}, expected ${want}`;
    } },
  { route: 'GET /api/v1/stats/totals', name: "a competition's: its operator's staff, the admin, a federal official", gate: FIGURES, expect: figureReaders(200),
    request: (_w, s) => get(`${V1}/stats/totals?groupBy=region&competitionId=${s.competitions.open.id}`) },
  { route: 'GET /api/v1/stats/totals', name: "an operator's: its staff, the admin, a federal official", gate: FIGURES, expect: figureReaders(200),
    request: (_w, s) => get(`${V1}/stats/totals?groupBy=direction&operatorId=${s.operatorId}`) },
  { route: 'GET /api/v1/exports/applications.csv', name: 'the own operator\'s submitted applications, never a draft', gate: FIGURES, once: true, otherwise: 200, expect: {},
    request: () => get(`${V1}/exports/applications.csv`),
    shows: (_w, s) => ({ universe: both((x) => Object.values(x.numbers)), by: {
      ...mirrored(s, submittedNumbers, ['organiser', 'official']), admin: both(submittedNumbers), fedOfficial: both(submittedNumbers),
    } }) },
  { route: 'GET /api/v1/exports/applications.csv', name: "a competition's: its operator's staff, the admin, a federal official", gate: FIGURES, expect: figureReaders(200),
    request: (_w, s) => get(`${V1}/exports/applications.csv?competitionId=${s.competitions.open.id}`) },
  { route: 'GET /api/v1/exports/totals.csv', name: 'by operator: the own operator\'s', gate: FIGURES, once: true, otherwise: 200, expect: {},
    request: () => get(`${V1}/exports/totals.csv?groupBy=operator`),
    shows: (_w, s) => ({ universe: [w.A.operatorId, w.B.operatorId, w.fedOperatorId], by: {
      ...mirrored(s, (x) => [x.operatorId], ['organiser', 'official']), admin: [w.A.operatorId, w.B.operatorId], fedOfficial: [w.A.operatorId, w.B.operatorId],
    } }) },
  { route: 'GET /api/v1/exports/totals.csv', name: "a competition's: its operator's staff, the admin, a federal official", gate: FIGURES, expect: figureReaders(200),
    request: (_w, s) => get(`${V1}/exports/totals.csv?groupBy=region&competitionId=${s.competitions.open.id}`) },
  { route: 'GET /api/v1/exports/reviews.csv', name: "the organiser running it (names the experts: nobody else, not even the admin)", gate: ['organiser'], expect: { organiser: 200 },
    request: (_w, s) => get(`${V1}/exports/reviews.csv?competitionId=${s.competitions.review.id}`) },
  // The XLSX beside each CSV: the same access (its rows are the CSV's, read back in exports-xlsx.test.ts).
  { route: 'GET /api/v1/exports/applications.xlsx', name: "a competition's: its operator's staff, the admin, a federal official", gate: FIGURES, expect: figureReaders(200),
    request: (_w, s) => get(`${V1}/exports/applications.xlsx?competitionId=${s.competitions.open.id}`) },
  { route: 'GET /api/v1/exports/totals.xlsx', name: "a competition's: its operator's staff, the admin, a federal official", gate: FIGURES, expect: figureReaders(200),
    request: (_w, s) => get(`${V1}/exports/totals.xlsx?groupBy=region&competitionId=${s.competitions.open.id}`) },
  { route: 'GET /api/v1/exports/reviews.xlsx', name: 'the organiser running it, nobody else', gate: ['organiser'], expect: { organiser: 200 },
    request: (_w, s) => get(`${V1}/exports/reviews.xlsx?competitionId=${s.competitions.review.id}`) },

  // Open data: published competitions only.
  { route: 'GET /api/v1/open-data', name: 'lists published competitions only', gate: 'public', once: true, otherwise: 200, expect: {},
    request: () => get(`${V1}/open-data`), shows: () => ({ universe: both(allComps), by: everyone(both((x) => [x.competitions.published.id])) }) },
  { route: 'GET /api/v1/open-data/schema.json', name: 'public', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/open-data/schema.json`) },
  { route: 'GET /api/v1/open-data/audit-checkpoint', name: 'public', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/open-data/audit-checkpoint`) },
  { route: 'GET /api/v1/open-data/audit-public-key', name: 'public', gate: 'public', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/open-data/audit-public-key`) },
  { route: 'GET /api/v1/open-data/winners.json', name: 'winners of published competitions only', gate: 'public', once: true, otherwise: 200, expect: {},
    request: () => get(`${V1}/open-data/winners.json`),
    shows: () => ({ universe: both((x) => Object.values(x.numbers)), by: everyone(both((x) => [x.numbers.winner])) }) },
  { route: 'GET /api/v1/open-data/winners.csv', name: 'winners of published competitions only', gate: 'public', once: true, otherwise: 200, expect: {},
    request: () => get(`${V1}/open-data/winners.csv`),
    shows: () => ({ universe: both((x) => Object.values(x.numbers)), by: everyone(both((x) => [x.numbers.winner])) }) },
  { route: 'GET /api/v1/open-data/competitions/{id}/winners.json', name: 'published: everyone', gate: 'public', otherwise: 200, expect: {},
    request: (_w, s) => get(`${V1}/open-data/competitions/${s.competitions.published.id}/winners.json`),
    shows: (_w, s) => ({ universe: both((x) => Object.values(x.numbers)), by: everyone([s.numbers.winner]) }) },
  { route: 'GET /api/v1/open-data/competitions/{id}/winners.json', name: 'in review: nobody', gate: 'public', expect: {},
    request: (_w, s) => get(`${V1}/open-data/competitions/${s.competitions.review.id}/winners.json`) },
  { route: 'GET /api/v1/open-data/competitions/{id}/winners.csv', name: 'published: everyone', gate: 'public', otherwise: 200, expect: {},
    request: (_w, s) => get(`${V1}/open-data/competitions/${s.competitions.published.id}/winners.csv`),
    shows: (_w, s) => ({ universe: both((x) => Object.values(x.numbers)), by: everyone([s.numbers.winner]) }) },
  { route: 'GET /api/v1/open-data/competitions/{id}/winners.csv', name: 'in review: nobody', gate: 'public', expect: {},
    request: (_w, s) => get(`${V1}/open-data/competitions/${s.competitions.review.id}/winners.csv`) },

  // Audit.
  { route: 'GET /api/v1/audit', name: "an organiser reads its operator's events only", gate: STAFF, once: true, otherwise: 200, expect: {},
    request: () => get(`${V1}/audit?limit=500`),
    shows: (_w, s) => ({ universe: both((x) => [x.competitions.review.id]), by: {
      ...mirrored(s, (x) => [x.competitions.review.id], ['organiser']), admin: both((x) => [x.competitions.review.id]),
    } }) },
  { route: 'GET /api/v1/audit/verify', name: 'the admin only', gate: ['admin'], once: true, expect: { admin: 200 }, request: () => get(`${V1}/audit/verify`) },
  { route: 'GET /api/v1/audit/checkpoint', name: 'the admin only', gate: ['admin'], once: true, expect: { admin: 200 }, request: () => get(`${V1}/audit/checkpoint`) },

  // Outgoing mail: the admin reads the outbox; the unsubscribe link is public, its token is the authority.
  { route: 'GET /api/v1/admin/outbox', name: 'the admin only', gate: ['admin'], once: true, expect: { admin: 200 }, request: () => get(`${V1}/admin/outbox`) },
  { route: 'GET /api/v1/admin/outbox/{id}', name: 'the admin only (an unknown e-mail: 404)', gate: ['admin'], once: true, expect: { admin: 404 },
    request: () => get(`${V1}/admin/outbox/00000000-0000-4000-8000-000000000000`) },
  { route: 'POST /api/v1/notifications/unsubscribe', name: 'public; a token this server did not sign is a 400', gate: 'public', once: true, otherwise: 400, expect: {},
    request: () => post(`${V1}/notifications/unsubscribe`, { token: 'not-a-token' }) },

  // The inbox: every signed-in user reads and marks only their own notices (apps/api/test/notifications/inbox.test.ts
  // checks that another user's notice is a 404 and never listed); the settings are one's own.
  { route: 'GET /api/v1/notifications', name: 'one\'s own notices', gate: 'any', once: true, otherwise: 200, expect: {}, request: () => get(`${V1}/notifications`) },
  { route: 'GET /api/v1/notifications/unread-count', name: 'one\'s own count', gate: 'any', once: true, otherwise: 200, expect: {},
    request: () => get(`${V1}/notifications/unread-count`) },
  { route: 'POST /api/v1/notifications/{id}/read', name: 'a notice nobody owns (as another user\'s): 404', gate: 'any', once: true, expect: {},
    request: () => post(`${V1}/notifications/00000000-0000-4000-8000-000000000000/read`) },
  { route: 'POST /api/v1/notifications/read-all', name: 'one\'s own notices', gate: 'any', once: true, otherwise: 204, expect: {},
    request: () => post(`${V1}/notifications/read-all`) },
  { route: 'GET /api/v1/notification-settings', name: 'one\'s own settings', gate: 'any', once: true, otherwise: 200, expect: {},
    request: () => get(`${V1}/notification-settings`) },
  { route: 'PUT /api/v1/notification-settings', name: 'one\'s own settings', gate: 'any', once: true, otherwise: 200, expect: {},
    request: () => ({ method: 'PUT' as const, url: `${V1}/notification-settings`, body: { email: { 'review-due': true } } }) },

  // Reports (reports-core part): the winner's organisation writes them; its members, its operator's organisers and the
  // admin read them; nobody else sees they exist (404). Writes answer 412/422/409 so that the world stays as built.
  { route: 'GET /api/v1/applications/{id}/reports', name: "the winner's schedule: its members, its operator's organisers, the admin", gate: 'any',
    expect: { ...members(200), ...runners(200) }, request: (_w, s) => get(`${V1}/applications/${s.applications.winner}/reports`) },
  { route: 'GET /api/v1/reports/{id}', name: 'a report: its members, its operator\'s organisers, the admin', gate: 'any',
    expect: { ...members(200), ...runners(200) }, request: (_w, s) => get(`${V1}/reports/${s.reports.first}`) },
  { route: 'PATCH /api/v1/reports/{id}', name: 'a stale autosave: its members (412)', gate: APPLICANT, expect: members(412),
    request: (_w, s) => ({ method: 'PATCH' as const, url: `${V1}/reports/${s.reports.first}`, body: { version: 99, narrative: 'Отчёт' } }) },
  { route: 'POST /api/v1/reports/{id}/submit', name: 'an empty report: its members (422)', gate: APPLICANT, expect: members(422),
    request: (_w, s) => post(`${V1}/reports/${s.reports.first}/submit`) },
  { route: 'POST /api/v1/reports/{id}/review', name: 'a report not submitted: its operator\'s organisers, the admin (409)', gate: STAFF, expect: runners(409),
    request: (_w, s) => post(`${V1}/reports/${s.reports.first}/review`, { decision: 'accept' }) },
  { route: 'GET /api/v1/competitions/{id}/reports', name: "a competition's reports: its organisers, the admin", gate: STAFF, expect: runners(200),
    request: (_w, s) => get(`${V1}/competitions/${s.competitions.published.id}/reports`) },
  { route: 'GET /api/v1/competitions/{id}/report-schedule', name: 'its organisers, the admin', gate: STAFF, expect: runners(200),
    request: (_w, s) => get(`${V1}/competitions/${s.competitions.published.id}/report-schedule`) },
  { route: 'PUT /api/v1/competitions/{id}/report-schedule', name: 'published: fixed (409) for its organisers, the admin', gate: STAFF, expect: runners(409),
    request: (_w, s) => ({ method: 'PUT' as const, url: `${V1}/competitions/${s.competitions.published.id}/report-schedule`, body: { interimDates: [] } }) },

  // The printable documents and the commission (the printable-documents part): a PDF to those who may read the record,
  // 409 before it exists (a draft, no decision, not a winner of published results), 404 to everyone else.
  { route: 'GET /api/v1/applications/{id}/print.pdf', name: 'submitted: its members, its operator\'s staff', gate: 'any',
    expect: submittedReaders, request: (_w, s) => get(`${V1}/applications/${s.applications.submitted}/print.pdf`), check: isPdf },
  { route: 'GET /api/v1/applications/{id}/print.pdf', name: 'a draft: its members 409, staff never see it', gate: 'any',
    expect: members(409), request: (_w, s) => get(`${V1}/applications/${s.applications.draft}/print.pdf`) },
  { route: 'GET /api/v1/applications/{id}/agreement.pdf', name: 'the winner: its members, its operator\'s staff', gate: 'any',
    expect: submittedReaders, request: (_w, s) => get(`${V1}/applications/${s.applications.winner}/agreement.pdf`), check: isPdf },
  { route: 'GET /api/v1/applications/{id}/agreement.pdf', name: 'not a winner: 409 to whoever sees it', gate: 'any',
    expect: { ...members(409), ...runners(409), official: 409 }, request: (_w, s) => get(`${V1}/applications/${s.applications.underReview}/agreement.pdf`) },
  { route: 'GET /api/v1/competitions/{id}/protocol.pdf', name: 'decided: its figure readers', gate: FIGURES, expect: figureReaders(200),
    request: (_w, s) => get(`${V1}/competitions/${s.competitions.published.id}/protocol.pdf`), check: isPdf },
  { route: 'GET /api/v1/competitions/{id}/protocol.pdf', name: 'in review: 409', gate: FIGURES, expect: figureReaders(409),
    request: (_w, s) => get(`${V1}/competitions/${s.competitions.review.id}/protocol.pdf`) },
  { route: 'GET /api/v1/competitions/{id}/commission', name: 'its organisers and officials, a federal official', gate: FIGURES, expect: figureReaders(200),
    request: (_w, s) => get(`${V1}/competitions/${s.competitions.published.id}/commission`) },
  { route: 'PUT /api/v1/competitions/{id}/commission', name: 'its organiser', gate: STAFF, expect: runners(200),
    request: (_w, s) => ({ method: 'PUT' as const, url: `${V1}/competitions/${s.competitions.published.id}/commission`,
      body: { members: [{ fullName: 'Сидоров Алексей Викторович', position: 'Заместитель министра', role: 'chair' }] } }) },

  // Last: the admin's call adds the other operator's expert to the pool.
  { route: 'POST /api/v1/competitions/{id}/experts', name: "another operator's expert cannot be pulled into a pool (400, as for a non-expert)",
    gate: STAFF, expect: { organiser: 400, admin: 200 },
    request: (_w, s) => post(`${V1}/competitions/${s.competitions.draft.id}/experts`, { expertIds: [other(s).users.expert2.id] }),
    // An organiser pools experts of the competition's operator (or of none) only: another operator's expert is a 400
    // on expertIds.N exactly as a non-expert, so neither the id nor the name and e-mail leak. The admin may lend one.
  },
];

/** A complaint unless the answer is a PDF (the printable-documents part). */
function isPdf(res: { contentType: string; body: string }): string | undefined {
  return res.contentType === 'application/pdf' && res.body.startsWith('%PDF-') ? undefined : `not a PDF: ${res.contentType}`;
}

/** A complaint when the text names any expert of the world (by id or e-mail). */
function namesAnExpert(body: string): string | undefined {
  const named = both((x) => [x.users.expert, x.users.expert2]).find((e) => body.includes(e.id) || body.includes(e.email));
  return named ? `names expert ${named.email}` : undefined;
}

function newCompetition(s: Side, code: string) {
  const now = t.clock.now().getTime();
  return {
    code, title: 'Новый конкурс', description: '', operatorId: s.operatorId, directionCodes: ['youth'], regionCodes: [],
    opensAt: new Date(now + 86_400_000).toISOString(), closesAt: new Date(now + 30 * 86_400_000).toISOString(),
    budgetKopecks: 100_000_000, minGrantKopecks: 1_000_000, maxGrantKopecks: 50_000_000, maxProjectMonths: 12, minCofinancingPercent: 10,
    reviewersPerApplication: 2, divergenceThreshold: 30, passMark: 60, oneWinPerOrganization: true, maxApplicationsPerOrganization: 2,
    requiredAttachmentKinds: [],
  };
}

describe('authorisation matrix', () => {
  it('has a row for every route of the OpenAPI document, and no row for a route that is not there', () => {
    const documented = documentedRoutes(t);
    const covered = new Set(CASES.map((c) => c.route));
    expect(documented.filter((r) => !covered.has(r)), 'routes without a matrix row').toEqual([]);
    expect([...covered].filter((r) => !documented.includes(r)), 'matrix rows for routes the document does not list').toEqual([]);
  });

  for (const c of CASES) {
    const test = c.knownLeak ? it.fails : it;
    test(`${c.route}: ${c.name}`, async () => {
      const problems: string[] = [];
      for (const s of c.once ? [w.A] : [w.A, w.B]) problems.push(...(await runCase(t, w, c, s)));
      expect(problems).toEqual([]);
    });
  }
});
