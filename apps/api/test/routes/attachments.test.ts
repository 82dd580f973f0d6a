import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { applications, attachments, auditEvents } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow, type TestUser } from '../fixtures.js';
import { multipart, pdf, storedFiles as storedKeys, type Part } from '../uploads.js';

const LIMIT = 50_000;
let t: TestApp;
let owner: TestUser;
let stranger: TestUser;
let organiser: TestUser;
let admin: TestUser;
let comp: CompetitionRow;
let org: { id: string };
beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } });
  const op = await makeOperator(t);
  owner = await makeUser(t, 'applicant');
  stranger = await makeUser(t, 'applicant');
  organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  admin = await makeUser(t, 'admin');
  org = await makeOrganization(t, owner.id);
  comp = await makeCompetition(t, op.id, { requiredAttachmentKinds: ['charter'] });
});
afterAll(async () => { await t?.close(); });

const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(200, 1)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function upload(applicationId: string, parts: Part[], token: string | null = owner.token) {
  const { payload, headers } = multipart(parts);
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/applications/${applicationId}/attachments`, payload,
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: res.statusCode, json: JSON.parse(res.body), headers: res.headers };
}
const file = (filename: string, content: Buffer, kind = 'charter'): Part[] => [{ name: 'kind', value: kind }, { name: 'file', filename, content }];
const storedFiles = async () => (await storedKeys(t.config.DATA_DIR)).map((key) => key.split('/')[1]);

describe('POST /applications/:id/attachments', () => {
  it('stores the file under a server-made key, checksummed, and the application lists it', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const bytes = pdf();
    const r = await upload(app.id, file('Устав АНО.pdf', bytes));
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: expect.any(String), kind: 'charter', fileName: 'Устав АНО.pdf', mimeType: 'application/pdf', sizeBytes: bytes.length,
      sha256: sha256(bytes), createdAt: t.clock.now().toISOString() });
    const [row] = await t.db.select().from(attachments).where(eq(attachments.id, r.json.id));
    expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect((await call(t, owner.token, 'GET', `/api/v1/applications/${app.id}`)).json.attachments).toEqual([r.json]);
    // Recorded, but no staff reader sees a draft's events (the audit read shows them from the submission on).
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, app.id));
    expect(event).toMatchObject({ action: 'application.attachment_added', after: { sha256: sha256(bytes), kind: 'charter' } });
    expect((await call(t, admin.token, 'GET', `/api/v1/audit?entityType=application&entityId=${app.id}`)).json.items).toEqual([]);
    // With the required document the application can be submitted.
    expect((await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/submit`)).status).toBe(200);
  });

  it('keeps a hostile file name for display only, stripped of folders and invisible characters', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const r = await upload(app.id, file('../../../etc/\u202Efdp.exe.png', png()));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ fileName: 'fdp.exe.png', mimeType: 'image/png' });
  });

  it('judges the type by the bytes: 415 for text, executables, empty files, or a name that contradicts the contents', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const before = (await storedFiles()).length;
    for (const [name, content] of [
      ['письмо.pdf', Buffer.from('это просто текст, а не PDF')],
      ['setup.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0x90)])],
      ['empty.pdf', Buffer.alloc(0)],
      ['устав.docx', pdf()],
      ['photo.jpg', png()],
    ] as const) {
      const r = await upload(app.id, file(name, content));
      expect(r.status, name).toBe(415);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json.errors[0].path).toBe('file');
    }
    expect((await storedFiles()).length).toBe(before);
    expect((await upload(app.id, file('no-extension', pdf()))).status).toBe(201);
  });

  it('refuses a file over the limit (413) and leaves nothing behind', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const before = (await storedFiles()).length;
    const r = await upload(app.id, file('big.pdf', pdf(LIMIT + 1)));
    expect(r.status).toBe(413);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect((await storedFiles()).length).toBe(before);
    expect((await upload(app.id, file('fits.pdf', pdf(LIMIT)))).status).toBe(201);
  });

  it('over real HTTP, closes the connection after refusing a large upload rather than read the rest', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const r = await t.request.post(`/api/v1/applications/${app.id}/attachments`).set('authorization', `Bearer ${owner.token}`)
      .field('kind', 'charter').attach('file', pdf(LIMIT * 20), 'big.pdf');
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
  });

  it('wants a kind (before the file) and a file (400 naming each); multipart only (415)', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const paths = async (parts: Part[]) => { const r = await upload(app.id, parts); expect(r.status).toBe(400); return r.json.errors.map((e: { path: string }) => e.path); };
    expect(await paths([{ name: 'file', filename: 'a.pdf', content: pdf() }])).toEqual(['kind']);
    expect(await paths(file('a.pdf', pdf(), 'passport'))).toEqual(['kind']);
    expect(await paths([{ name: 'file', filename: 'a.pdf', content: pdf() }, { name: 'kind', value: 'charter' }])).toEqual(['kind']);
    expect(await paths([{ name: 'kind', value: 'charter' }])).toEqual(['file']);
    expect(await paths([{ name: 'kind', value: 'charter' }, { name: 'document', filename: 'a.pdf', content: pdf() }])).toEqual(['file']);
    const json = await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/attachments`, { kind: 'charter' });
    expect(json.status).toBe(415);
  });

  it('answers a garbled or cut multipart body with 400 and keeps nothing of it', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const before = (await storedFiles()).length;
    const send = (contentType: string, payload: string) => t.app.inject({ method: 'POST', url: `/api/v1/applications/${app.id}/attachments`,
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': contentType }, payload });
    const cut = '--xyz\r\ncontent-disposition: form-data; name="kind"\r\n\r\ncharter\r\n--xyz\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut short';
    for (const [contentType, payload] of [['multipart/form-data; boundary=xyz', cut], ['multipart/form-data', 'no boundary'], ['multipart/form-data; boundary=xyz', 'garbage']]) {
      const r = await send(contentType, payload);
      expect(r.statusCode, payload).toBe(400);
      expect(JSON.parse(r.body).type).toBe('urn:konkurs:problem:malformed-multipart');
    }
    expect((await storedFiles()).length).toBe(before);
  });

  it('is for a member’s draft: 409 once submitted, 404 for others, 403 for staff, 401 without a token', async () => {
    const submitted = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    expect((await upload(submitted.id, file('a.pdf', pdf()))).status).toBe(409);
    const draft = await makeApplication(t, comp, org.id, owner.id);
    expect((await upload(draft.id, file('a.pdf', pdf()), stranger.token)).status).toBe(404);
    expect((await upload(draft.id, file('a.pdf', pdf()), organiser.token)).status).toBe(403);
    expect((await upload(draft.id, file('a.pdf', pdf()), null)).status).toBe(401);
    expect((await upload('00000000-0000-4000-8000-000000000000', file('a.pdf', pdf()))).status).toBe(404);
  });
});

describe('GET and DELETE /applications/:id/attachments/:attachmentId', () => {
  it('downloads the bytes with a safe, RFC 5987 file name to whoever may read the application', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const bytes = pdf(3000);
    const { id } = (await upload(app.id, file('Устав (2024).pdf', bytes))).json;
    const url = `/api/v1/applications/${app.id}/attachments/${id}`;
    const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="_____ (2024).pdf"; filename*=UTF-8''%D0%A3%D1%81%D1%82%D0%B0%D0%B2%20%282024%29.pdf`);
    expect((await call(t, stranger.token, 'GET', url)).status).toBe(404);
    expect((await call(t, organiser.token, 'GET', url)).status).toBe(404); // a draft is private
    await t.db.update(applications).set({ status: 'submitted', submittedAt: t.clock.now() }).where(eq(applications.id, app.id));
    expect((await call(t, organiser.token, 'GET', url)).status).toBe(200);
    expect((await call(t, owner.token, 'GET', `/api/v1/applications/${app.id}/attachments/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const foreign = await makeApplication(t, comp, org.id, owner.id);
    expect((await call(t, owner.token, 'GET', `/api/v1/applications/${foreign.id}/attachments/${id}`)).status).toBe(404);
  });

  it('deletes a draft’s document and its bytes (204); 409 once submitted; 404 for others', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const { id } = (await upload(app.id, file('a.pdf', pdf()))).json;
    const url = `/api/v1/applications/${app.id}/attachments/${id}`;
    const [row] = await t.db.select().from(attachments).where(eq(attachments.id, id));
    expect((await call(t, stranger.token, 'DELETE', url)).status).toBe(404);
    expect((await call(t, organiser.token, 'DELETE', url)).status).toBe(403);
    expect((await call(t, owner.token, 'DELETE', url)).status).toBe(204);
    expect(await storedFiles()).not.toContain(row.storageKey.split('/')[1]);
    expect((await call(t, owner.token, 'GET', url)).status).toBe(404);
    expect((await call(t, owner.token, 'DELETE', url)).status).toBe(404);

    const kept = (await upload(app.id, file('b.pdf', pdf()))).json.id;
    await t.db.update(applications).set({ status: 'submitted', submittedAt: t.clock.now() }).where(eq(applications.id, app.id));
    expect((await call(t, owner.token, 'DELETE', `/api/v1/applications/${app.id}/attachments/${kept}`)).status).toBe(409);
  });
});

describe('refusals of documents by code, in Russian', () => {
  it('a wrong type, a contradicting name, a missing kind or file, too large, not a draft', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const text = await upload(app.id, file('письмо.pdf', Buffer.from('просто текст')));
    expect(text.json).toMatchObject({ status: 415, code: 'file-type-not-allowed', detail: 'Этот файл нельзя принять', errors: [{ path: 'file', code: 'file-type-unknown' }] });
    const named = await upload(app.id, file('устав.docx', pdf()));
    expect(named.json.errors).toEqual([{ path: 'file', code: 'file-extension-mismatch', params: { extension: 'docx', actual: 'PDF' }, message: 'Файл назван .docx, но по содержимому это PDF' }]);
    expect((await upload(app.id, file('a.pdf', pdf(), 'passport'))).json.errors).toEqual([{ path: 'kind', code: 'kind-invalid', message: expect.stringMatching(/^Выберите вид документа: Устав, /) }]);
    expect((await upload(app.id, [{ name: 'file', filename: 'a.pdf', content: pdf() }])).json.errors[0]).toMatchObject({ path: 'kind', code: 'kind-before-file' });
    expect((await upload(app.id, [{ name: 'kind', value: 'charter' }])).json.errors[0]).toMatchObject({ path: 'file', code: 'file-required' });
    expect((await upload(app.id, file('big.pdf', pdf(LIMIT + 1)))).json).toMatchObject({ status: 413, code: 'too-large', detail: 'Файл больше допустимого размера: не больше 49 КБ', params: { maxBytes: LIMIT } });
    expect((await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/attachments`, { kind: 'charter' })).json).toMatchObject({ status: 415, code: 'multipart-required' });
    const submitted = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    expect((await upload(submitted.id, file('a.pdf', pdf()))).json).toMatchObject({ status: 409, code: 'not-a-draft', params: { number: submitted.number, status: 'submitted' } });
    expect((await call(t, owner.token, 'DELETE', `/api/v1/applications/${app.id}/attachments/00000000-0000-4000-8000-000000000000`)).json)
      .toMatchObject({ status: 404, code: 'not-found', detail: 'Документ не найден' });
  });
});

describe('DELETE /applications/:id with documents', () => {
  it('removes the draft’s documents with it: their rows and their files', async () => {
    const app = await makeApplication(t, comp, org.id, owner.id);
    const before = (await storedFiles()).length;
    expect((await upload(app.id, file('устав.pdf', pdf()))).status).toBe(201);
    expect((await upload(app.id, file('печать.png', png(), 'other'))).status).toBe(201);
    expect((await storedFiles()).length).toBe(before + 2);
    expect((await call(t, owner.token, 'DELETE', `/api/v1/applications/${app.id}`)).status).toBe(204);
    expect(await t.db.select().from(attachments).where(eq(attachments.applicationId, app.id))).toEqual([]);
    expect(await t.db.select().from(applications).where(eq(applications.id, app.id))).toEqual([]);
    expect((await storedFiles()).length).toBe(before);
  });
});
