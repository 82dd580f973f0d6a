// The documents' cap and the organisation's quota under concurrent uploads (finding 6 of issue 10): each upload
// counts and sums under the draft's and the organisation's lock, so that a burst can pass neither, and a refused
// upload leaves no file behind. On PostgreSQL the uploads really interleave; PGlite runs one transaction at a time,
// where the same outcome is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { applications, attachments } from '../../src/db/schema/index.js';
import { MAX_ATTACHMENTS_PER_APPLICATION } from '../../src/services/attachments.js';
import { createTestApp, type TestApp } from '../helper.js';
import { makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow } from '../fixtures.js';
import { storedFiles, uploadPdf } from '../uploads.js';

const QUOTA = 100_000;
let t: TestApp;
let comp: CompetitionRow;
beforeAll(async () => {
  t = await createTestApp({ env: { ORG_STORAGE_QUOTA_BYTES: String(QUOTA) } });
  comp = await makeCompetition(t, (await makeOperator(t)).id);
});
afterAll(async () => { await t?.close(); });

const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort().reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

async function organisationWithDrafts(drafts: number) {
  const owner = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, owner.id);
  const apps = [];
  for (let i = 0; i < drafts; i++) apps.push(await makeApplication(t, comp, org.id, owner.id));
  return { owner, apps };
}

/** Every file in storage is a document's, and every document's file is in storage. */
async function expectNoOrphans() {
  const keys = (await t.db.select({ key: attachments.storageKey }).from(attachments)).map((r) => r.key);
  expect((await storedFiles(t.config.DATA_DIR)).sort()).toEqual(keys.sort());
}

describe('the documents of one application', () => {
  it(`25 uploads in turn, then 12 at once: exactly ${MAX_ATTACHMENTS_PER_APPLICATION} documents, the rest 409 too-many-attachments, no orphan file`, async () => {
    const { owner, apps: [app] } = await organisationWithDrafts(1);
    for (let i = 0; i < 25; i++) expect((await uploadPdf(t, owner.token, app!.id)).status).toBe(201);
    const rs = await Promise.all(Array.from({ length: 12 }, () => uploadPdf(t, owner.token, app!.id)));
    expect(statuses(rs)).toEqual({ 201: 5, 409: 7 });
    for (const r of rs.filter((x) => x.status === 409)) expect(r.json).toMatchObject({ code: 'too-many-attachments', params: { max: MAX_ATTACHMENTS_PER_APPLICATION } });
    expect(await t.db.select().from(attachments).where(eq(attachments.applicationId, app!.id))).toHaveLength(MAX_ATTACHMENTS_PER_APPLICATION);
    await expectNoOrphans();
  });
});

describe('the quota of one organisation', () => {
  it('uploads at once onto several drafts racing for the last bytes never pass the quota; no orphan file', async () => {
    const { owner, apps } = await organisationWithDrafts(3);
    for (let i = 0; i < 9; i++) expect((await uploadPdf(t, owner.token, apps[i % 3]!.id, 10_000)).status).toBe(201);
    // 90 000 of 100 000 bytes used: room for two of 4 000, not three.
    const rs = await Promise.all(Array.from({ length: 9 }, (_, i) => uploadPdf(t, owner.token, apps[i % 3]!.id, 4_000)));
    expect(statuses(rs)).toEqual({ 201: 2, 409: 7 });
    for (const r of rs.filter((x) => x.status === 409)) {
      expect(r.json).toMatchObject({ code: 'storage-quota-exceeded', params: { quotaBytes: QUOTA, fileBytes: 4_000 } });
      expect(r.json.params.usedBytes).toBeGreaterThanOrEqual(90_000);
    }
    const rows = await t.db.select({ size: attachments.sizeBytes }).from(attachments).innerJoin(applications, eq(applications.id, attachments.applicationId))
      .where(inArray(applications.id, apps.map((a) => a.id)));
    expect(rows.reduce((sum, r) => sum + r.size, 0)).toBe(98_000);
    await expectNoOrphans();
  });
});
