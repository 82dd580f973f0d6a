// A report's supporting documents (POST/GET/DELETE /reports/:id/attachments): an application's upload rules, the
// report's own cap, the budget line named by its index, only while the report is editable, only by its organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ReportStatus } from '@konkurs/shared';
import { auditEvents, reportAttachments, reports } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call, completeDraft, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow, type TestUser } from '../fixtures.js';
import { multipart, pdf, storedFiles as storedKeys, uploadPdf, type Part } from '../uploads.js';

const LIMIT = 50_000;
const QUOTA = 40_000;
let t: TestApp;
let u: Record<'owner' | 'member' | 'stranger' | 'organiser' | 'otherOrganiser' | 'admin' | 'expert' | 'official', TestUser>;
let comp: CompetitionRow;
let org: { id: string };
beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_MAX_BYTES: String(LIMIT), ORG_STORAGE_QUOTA_BYTES: String(QUOTA) } });
  const op = await makeOperator(t);
  const otherOp = await makeOperator(t, 'regional', '23');
  const owner = await makeUser(t, 'applicant');
  const member = await makeUser(t, 'applicant');
  u = {
    owner, member, stranger: await makeUser(t, 'applicant'),
    organiser: await makeUser(t, 'organiser', { operatorId: op.id }), otherOrganiser: await makeUser(t, 'organiser', { operatorId: otherOp.id }),
    admin: await makeUser(t, 'admin'), expert: await makeUser(t, 'expert', { operatorId: op.id }), official: await makeUser(t, 'official', { operatorId: op.id }),
  };
  org = await makeOrganization(t, owner.id, '40', [member.id]);
  comp = await makeCompetition(t, op.id, { status: 'published' });
});
afterAll(async () => { await t?.close(); });

/** A winner's report in the given status; its application's budget has two lines. */
async function makeReport(status: ReportStatus = 'due') {
  const base = completeDraft(comp);
  const content = { ...base, budget: [...base.budget!, { category: 'goods' as const, item: 'Проектор', quantity: 1, unitCostKopecks: 5_000_000, cofinancingKopecks: 0 }] };
  const app = await makeApplication(t, comp, org.id, u.owner.id, { status: 'winner', content });
  const [row] = await t.db.insert(reports).values({
    applicationId: app.id, competitionId: comp.id, organizationId: org.id, kind: 'interim', seq: 1, dueAt: new Date(t.clock.now().getTime() + 86_400_000), status,
  }).returning();
  return { ...row, number: app.number, applicationId: app.id };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function upload(reportId: string, parts: Part[], token: string | null = u.owner.token, headers: Record<string, string> = {}) {
  const { payload, headers: h } = multipart(parts);
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${reportId}/attachments`, payload,
    headers: { ...h, ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: res.statusCode, json: JSON.parse(res.body), headers: res.headers };
}
const file = (content: Buffer = pdf(), budgetIndex?: string, filename = 'акт.pdf'): Part[] =>
  [...(budgetIndex === undefined ? [] : [{ name: 'budgetIndex', value: budgetIndex }]), { name: 'file', filename, content }];
const storedFiles = () => storedKeys(t.config.DATA_DIR);

describe('POST /reports/:id/attachments', () => {
  it('stores a supporting document of a budget line, checksummed and audited; a member may add one without a line', async () => {
    const report = await makeReport();
    const bytes = pdf(3000);
    const r = await upload(report.id, file(bytes, '1', 'Акт № 5.pdf'));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toEqual({ id: expect.any(String), fileName: 'Акт № 5.pdf', mimeType: 'application/pdf', sizeBytes: 3000, sha256: sha256(bytes),
      budgetIndex: 1, createdAt: t.clock.now().toISOString() });
    const [row] = await t.db.select().from(reportAttachments).where(eq(reportAttachments.id, r.json.id));
    expect(row).toMatchObject({ reportId: report.id, budgetIndex: 1, createdBy: u.owner.id });
    expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, report.id));
    expect(event).toMatchObject({ action: 'report.attachment_added', entityType: 'report', operatorId: comp.operatorId,
      after: { attachmentId: r.json.id, budgetIndex: 1, sha256: sha256(bytes) } });
    // A `kind`, as an application's upload sends it, is accepted; no budget line is fine.
    const plain = await upload(report.id, [{ name: 'kind', value: 'other' }, ...file()], u.member.token);
    expect(plain.status).toBe(201);
    expect(plain.json.budgetIndex).toBeNull();
  });

  it('refuses a budgetIndex that is not a whole number, or names no line of the budget: 400 naming the field, nothing stored', async () => {
    const report = await makeReport();
    const before = await storedFiles();
    for (const [value, code] of [['abc', 'budget-index-invalid'], ['-1', 'budget-index-invalid'], ['1.5', 'budget-index-invalid'], ['2', 'budget-index-unknown'], ['999', 'budget-index-unknown']]) {
      const r = await upload(report.id, file(pdf(), value));
      expect(r.status, value).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json.errors, value).toEqual([expect.objectContaining({ path: 'budgetIndex', code })]);
    }
    const unknown = await upload(report.id, file(pdf(), '7'));
    expect(unknown.json.errors[0].message).toBe('В смете заявки нет такой строки (строк в смете: 2)');
    expect(await storedFiles()).toEqual(before);
  });

  it('has an application’s upload rules: the type by its bytes (415), the size (413), a file wanted (400), multipart only (415)', async () => {
    const report = await makeReport();
    const before = await storedFiles();
    const text = await upload(report.id, file(Buffer.from('это просто текст, а не PDF')));
    expect(text.status).toBe(415);
    expect(text.json.errors[0].path).toBe('file');
    const large = await upload(report.id, file(pdf(LIMIT + 1000)));
    expect(large.status).toBe(413);
    expect(large.json).toMatchObject({ code: 'too-large', params: { maxBytes: LIMIT } });
    const none = await upload(report.id, [{ name: 'budgetIndex', value: '0' }]);
    expect(none.status).toBe(400);
    expect(none.json.errors[0]).toMatchObject({ path: 'file', code: 'file-required' });
    const json = await call(t, u.owner.token, 'POST', `/api/v1/reports/${report.id}/attachments`, { file: 'x' });
    expect(json.status).toBe(415);
    expect(await storedFiles()).toEqual(before);
  });

  it('holds 30 documents per report (409), and counts them in the organisation’s quota with its applications’ documents', async () => {
    const report = await makeReport();
    await t.db.insert(reportAttachments).values(Array.from({ length: 29 }, (_, i) => ({
      reportId: report.id, fileName: `${i}.pdf`, mimeType: 'application/pdf', sizeBytes: 10, sha256: 'x', storageKey: `00/${i}`, createdBy: u.owner.id,
    })));
    expect((await upload(report.id, file())).status).toBe(201);
    const full = await upload(report.id, file());
    expect(full.status).toBe(409);
    expect(full.json).toMatchObject({ code: 'too-many-report-attachments', params: { max: 30 } });
    expect(full.json.detail).toBe('К отчёту можно приложить не больше 30 документов');

    // The quota: the organisation's application documents and report documents together.
    const other = await makeReport();
    const draft = await makeApplication(t, comp, org.id, u.owner.id);
    const [{ used }] = (await t.db.execute(`select (select coalesce(sum(size_bytes), 0) from report_attachments ra join reports r on r.id = ra.report_id where r.organization_id = '${org.id}')::int as used`) as unknown as { rows: { used: number }[] }).rows;
    const room = QUOTA - used;
    expect((await upload(other.id, file(pdf(room - 2000)))).status).toBe(201);
    const over = await uploadPdf(t, u.owner.token, draft.id, 2001);
    expect(over.status).toBe(409);
    expect(over.json).toMatchObject({ code: 'storage-quota-exceeded', params: { usedBytes: QUOTA - 2000, quotaBytes: QUOTA } });
    const overReport = await upload(other.id, file(pdf(2001)));
    expect(overReport.json).toMatchObject({ code: 'storage-quota-exceeded', params: { usedBytes: QUOTA - 2000 } });
    // The member's storage view counts them too.
    expect((await call(t, u.owner.token, 'GET', `/api/v1/applications/${draft.id}/storage`)).json).toEqual({ usedBytes: QUOTA - 2000, quotaBytes: QUOTA });
    await t.db.delete(reportAttachments).where(eq(reportAttachments.reportId, other.id));
    await t.db.delete(reportAttachments).where(eq(reportAttachments.reportId, report.id));
  });

  it('only while the report is due, a draft or returned (409 once submitted or accepted, in Russian)', async () => {
    for (const status of ['due', 'draft', 'returned'] as const) expect((await upload((await makeReport(status)).id, file())).status, status).toBe(201);
    for (const status of ['submitted', 'accepted'] as const) {
      const report = await makeReport(status);
      const r = await upload(report.id, file());
      expect(r.status, status).toBe(409);
      expect(r.json).toMatchObject({ code: 'report-not-editable', params: { number: report.number, status } });
      expect(r.json.detail).toBe(`Отчёт по заявке № ${report.number} в статусе «${status === 'submitted' ? 'На проверке' : 'Принят'}»: изменять можно только отчёт, который ещё не отправлен или возвращён на доработку`);
    }
  });

  it('is for the organisation’s members: 404 to another organisation, 403 to staff, 401 without a token', async () => {
    const report = await makeReport();
    expect((await upload(report.id, file(), u.stranger.token)).status).toBe(404);
    for (const who of ['organiser', 'admin', 'expert', 'official'] as const) expect((await upload(report.id, file(), u[who].token)).status, who).toBe(403);
    expect((await upload(report.id, file(), null)).status).toBe(401);
    expect((await upload('00000000-0000-4000-8000-000000000000', file())).status).toBe(404);
    const bad = await upload('not-an-id', file());
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('id');
  });
});

describe('GET and DELETE /reports/:id/attachments/:attachmentId', () => {
  it('downloads the bytes to the members, the operator’s organisers and the admin; 404 to everyone else', async () => {
    const report = await makeReport();
    const bytes = pdf(2500);
    const { json: doc } = await upload(report.id, file(bytes, '0', 'Чек.pdf'));
    const url = `/api/v1/reports/${report.id}/attachments/${doc.id}`;
    for (const who of ['owner', 'member', 'organiser', 'admin'] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${u[who].token}` } });
      expect(res.statusCode, who).toBe(200);
      expect(res.rawPayload.equals(bytes), who).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%D0%A7%D0%B5%D0%BA.pdf");
    }
    for (const who of ['stranger', 'otherOrganiser', 'expert', 'official'] as const) expect((await call(t, u[who].token, 'GET', url)).status, who).toBe(404);
    expect((await call(t, null, 'GET', url)).status).toBe(401);
    // A document through another report: none.
    const other = await makeReport();
    expect((await call(t, u.owner.token, 'GET', `/api/v1/reports/${other.id}/attachments/${doc.id}`)).status).toBe(404);
  });

  it('deletes a document of an editable report with its bytes (204, audited); 409 once submitted; 404 for others', async () => {
    const report = await makeReport('returned');
    const { json: doc } = await upload(report.id, file());
    const [row] = await t.db.select().from(reportAttachments).where(eq(reportAttachments.id, doc.id));
    const url = `/api/v1/reports/${report.id}/attachments/${doc.id}`;
    expect((await call(t, u.stranger.token, 'DELETE', url)).status).toBe(404);
    expect((await call(t, u.organiser.token, 'DELETE', url)).status).toBe(403);
    await t.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, report.id));
    expect((await call(t, u.owner.token, 'DELETE', url)).json.code).toBe('report-not-editable');
    await t.db.update(reports).set({ status: 'returned' }).where(eq(reports.id, report.id));
    expect((await call(t, u.member.token, 'DELETE', url)).status).toBe(204);
    expect(await t.db.select().from(reportAttachments).where(eq(reportAttachments.id, doc.id))).toEqual([]);
    expect(await storedFiles()).not.toContain(row.storageKey);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, report.id));
    expect(events.map((e) => e.action)).toEqual(['report.attachment_added', 'report.attachment_removed']);
    expect((await call(t, u.owner.token, 'DELETE', url)).status).toBe(404);
  });
});
