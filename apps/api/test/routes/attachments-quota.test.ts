// An organisation's storage quota and a nearly full disk (finding 6 of issue 10): each refusal names itself by code,
// in Russian by default, and nothing of the refused file is kept, neither its row nor its bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { applications, attachments } from '../../src/db/schema/index.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/lib/clock.js';
import { localFileStorage, type FileStorage } from '../../src/storage/file-storage.js';
import { createTestApp, freshDatabase, isRealPostgres, TEST_SECRET, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow, type TestUser } from '../fixtures.js';
import { multipart, pdf, storedFiles, uploadPdf } from '../uploads.js';

const QUOTA = 10_000;
/** More than the whole disk holds: no upload can leave that much free. */
const beyondTheDisk = async () => { const s = await statfs(tmpdir()); return String(s.blocks * s.bsize + 1); };

describe('the organisation’s storage quota', () => {
  let t: TestApp;
  let comp: CompetitionRow;
  let owner: TestUser;
  let org: { id: string };
  beforeAll(async () => {
    t = await createTestApp({ env: { ORG_STORAGE_QUOTA_BYTES: String(QUOTA) } });
    comp = await makeCompetition(t, (await makeOperator(t)).id);
    owner = await makeUser(t, 'applicant');
    org = await makeOrganization(t, owner.id);
  });
  afterAll(async () => { await t?.close(); });

  it('counts the documents of all the organisation’s applications; past it, 409 storage-quota-exceeded in Russian, nothing stored', async () => {
    const [draft, other] = [await makeApplication(t, comp, org.id, owner.id), await makeApplication(t, comp, org.id, owner.id)];
    expect((await uploadPdf(t, owner.token, draft.id, 4_000)).status).toBe(201);
    expect((await uploadPdf(t, owner.token, other.id, 4_000)).status).toBe(201);
    await t.db.update(applications).set({ status: 'submitted', submittedAt: t.clock.now() }).where(eq(applications.id, other.id));
    const files = await storedFiles(t.config.DATA_DIR);

    const r = await uploadPdf(t, owner.token, draft.id, 3_000);
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json).toMatchObject({ code: 'storage-quota-exceeded', params: { usedBytes: 8_000, quotaBytes: QUOTA, fileBytes: 3_000 } });
    expect(r.json.detail).toBe('Документы организации заняли бы больше отведённого места (занято 8 КБ из 10 КБ): удалите ненужные документы старых черновиков и загрузите файл снова');
    expect(await storedFiles(t.config.DATA_DIR)).toEqual(files);
    expect(await t.db.select().from(attachments).where(eq(attachments.applicationId, draft.id))).toHaveLength(1);

    // Exactly up to the quota fits; another organisation has its own.
    expect((await uploadPdf(t, owner.token, draft.id, 2_000)).status).toBe(201);
    const stranger = await makeUser(t, 'applicant');
    const theirs = await makeApplication(t, comp, (await makeOrganization(t, stranger.id)).id, stranger.id);
    expect((await uploadPdf(t, stranger.token, theirs.id, 4_000)).status).toBe(201);
  });

  it('a deleted document gives its bytes back', async () => {
    const owner2 = await makeUser(t, 'applicant');
    const draft = await makeApplication(t, comp, (await makeOrganization(t, owner2.id)).id, owner2.id);
    const first = (await uploadPdf(t, owner2.token, draft.id, 8_000)).json;
    expect((await uploadPdf(t, owner2.token, draft.id, 4_000)).status).toBe(409);
    expect((await call(t, owner2.token, 'DELETE', `/api/v1/applications/${draft.id}/attachments/${first.id}`)).status).toBe(204);
    expect((await uploadPdf(t, owner2.token, draft.id, 4_000)).status).toBe(201);
  });

  it('GET /applications/:id/storage tells the members how much of the quota is taken; 404 to others', async () => {
    const member = await makeUser(t, 'applicant');
    const own = await makeOrganization(t, member.id);
    const [a, b] = [await makeApplication(t, comp, own.id, member.id), await makeApplication(t, comp, own.id, member.id, { status: 'submitted' })];
    expect((await call(t, member.token, 'GET', `/api/v1/applications/${b.id}/storage`)).json).toEqual({ usedBytes: 0, quotaBytes: QUOTA });
    expect((await uploadPdf(t, member.token, a.id, 3_000)).status).toBe(201);
    expect((await call(t, member.token, 'GET', `/api/v1/applications/${b.id}/storage`)).json).toEqual({ usedBytes: 3_000, quotaBytes: QUOTA });
    expect((await call(t, owner.token, 'GET', `/api/v1/applications/${a.id}/storage`)).status).toBe(404);
  });

  it('in English on request', async () => {
    const draft = await makeApplication(t, comp, org.id, owner.id);
    const { payload, headers } = multipart([{ name: 'kind', value: 'other' }, { name: 'file', filename: 'a.pdf', content: pdf(5_000) }]);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/applications/${draft.id}/attachments`, payload,
      headers: { ...headers, authorization: `Bearer ${owner.token}`, 'accept-language': 'en' } });
    expect(JSON.parse(res.body).detail).toMatch(/^The organisation's documents would exceed its storage \(\d+ KB of 10 KB used\): delete documents of old drafts/);
  });
});

describe('a nearly full disk', () => {
  it('refuses the upload with 507 storage-full, in Russian, before a byte is stored', async () => {
    const t = await createTestApp({ env: { MIN_FREE_DISK_BYTES: await beyondTheDisk() } });
    try {
      const owner = await makeUser(t, 'applicant');
      const comp = await makeCompetition(t, (await makeOperator(t)).id);
      const draft = await makeApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id);
      const r = await uploadPdf(t, owner.token, draft.id);
      expect(r.status).toBe(507);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json).toMatchObject({ code: 'storage-full', title: 'Недостаточно места на сервере',
        detail: 'На сервере заканчивается место: файл не сохранён. Попробуйте позже; если не получится, сообщите оператору конкурса' });
      expect(await storedFiles(t.config.DATA_DIR)).toEqual([]);
      expect(await t.db.select().from(attachments)).toEqual([]);
      // Reading and the rest of the draft go on.
      expect((await call(t, owner.token, 'GET', `/api/v1/applications/${draft.id}`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  /** The app on a storage of the test's making, its warnings collected; `run` gets a TestApp-like handle. */
  async function withStorage(make: (folder: string) => FileStorage, env: Record<string, string>, run: (t: TestApp, warnings: () => object[]) => Promise<void>) {
    const dataDir = await mkdtemp(join(tmpdir(), 'konkurs-test-'));
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
    const database = await freshDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false', ...env });
    const clock = fixedClock(Date.now());
    const app = await buildApp({ config, database, clock, secret: TEST_SECRET, storage: make(join(dataDir, 'uploads')), webRoot: false, logger: { level: 'warn', stream } });
    try {
      await app.ready();
      await run({ app, db: database.db, clock, config } as TestApp, () => lines.filter((l) => l.msg === 'upload refused: the disk is nearly full'));
    } finally {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  async function draftOf(t: TestApp) {
    const owner = await makeUser(t, 'applicant');
    const comp = await makeCompetition(t, (await makeOperator(t)).id);
    return { owner, draft: await makeApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id) };
  }

  it(`watches DATA_DIR too on PGlite, where the database writes, with one warning in the log (${isRealPostgres ? 'PostgreSQL: not its disk' : 'PGlite'})`, async () => {
    // Storage that knows no disk (as object storage would): only the database's folder can refuse.
    const objectLike = (folder: string) => { const { freeBytes: _none, ...rest } = localFileStorage(folder); return rest; };
    await withStorage(objectLike, { MIN_FREE_DISK_BYTES: await beyondTheDisk() }, async (t, warnings) => {
      const { owner, draft } = await draftOf(t);
      const r = await uploadPdf(t, owner.token, draft.id);
      if (isRealPostgres) {
        expect(r.status).toBe(201);
        expect(warnings()).toEqual([]);
      } else {
        expect(r.json).toMatchObject({ status: 507, code: 'storage-full' });
        expect(warnings()).toEqual([expect.objectContaining({ level: 40, freeBytes: expect.any(Number) })]);
      }
    });
  });

  it('a disk that fills while the file is written (ENOSPC) is the same 507, not a 500', async () => {
    const filling = (folder: string): FileStorage => ({
      ...localFileStorage(folder), put: async (source) => { source.resume(); throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }); },
    });
    await withStorage(filling, {}, async (t, warnings) => {
      const { owner, draft } = await draftOf(t);
      expect((await uploadPdf(t, owner.token, draft.id)).json).toMatchObject({ status: 507, code: 'storage-full' });
      expect(warnings()).toHaveLength(1);
      expect(await t.db.select().from(attachments)).toEqual([]);
    });
  });
});
