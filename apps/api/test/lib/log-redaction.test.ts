// An error log keeps what went wrong (the statement, the SQLSTATE code, the constraint) and none of the data the
// statement carried: a unique violation on an organisation's ИНН, with its name in the parameters, fails a request;
// neither the ИНН nor the name is in the log line, in production's JSON or in development's readable lines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/lib/clock.js';
import { loggerOptions, safeDetail, safeError } from '../../src/lib/log-format.js';
import { localFileStorage } from '../../src/storage/file-storage.js';
import { organizations, users } from '../../src/db/schema/index.js';
import { orgIdentity } from '../fixtures.js';
import { freshDatabase, TEST_SECRET } from '../helper.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => { for (const c of cleanups) await c(); });

const identity = orgIdentity(424_242);
const NAME = 'АНО «Тайное имя Иванова»';

/** The app with the logger of `env`; a request whose insert breaks the ИНН's uniqueness; the log it wrote. */
async function logOfFailedInsert(env: Record<string, string>) {
  const database = await freshDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'konkurs-redact-'));
  cleanups.push(async () => { await database.close(); await rm(dataDir, { recursive: true, force: true }); });
  const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', ...env });
  const chunks: string[] = [];
  const app = await buildApp({ config, database, clock: systemClock, secret: TEST_SECRET, storage: localFileStorage(join(dataDir, 'uploads')), webRoot: false,
    ...loggerOptions(config, { write: (c: string) => chunks.push(c) }) });
  const [owner] = await database.db.insert(users).values({ email: 'owner@test.example', passwordHash: 'x', fullName: 'Иванов', role: 'applicant' }).returning();
  const values = { ...identity, fullName: NAME, shortName: NAME, regionCode: '40', createdBy: owner.id };
  app.get('/boom', async () => {
    await database.db.insert(organizations).values(values);
    await database.db.insert(organizations).values(values);
    return {};
  });
  await app.ready();
  const r = await app.inject({ method: 'GET', url: '/boom' });
  await app.close();
  return { status: r.statusCode, body: r.body, text: chunks.join('') };
}

describe('error logs', () => {
  it('production: the statement and the code are logged, the ИНН and the name are not', async () => {
    const { status, body, text } = await logOfFailedInsert({ NODE_ENV: 'production' });
    expect(status).toBe(500);
    expect(body).not.toContain(identity.inn);
    const failed = text.trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.msg === 'request failed');
    expect(failed.err).toMatchObject({ code: '23505', constraint: 'organizations_inn_key', detail: 'Key (inn)=([redacted]) already exists.', params: '[redacted]' });
    expect(failed.err.message).toMatch(/^Failed query: insert into "organizations"/);
    expect(failed.err.query).toMatch(/^insert into "organizations"/);
    expect(text).toContain('duplicate key value violates unique constraint');
    expect(text).not.toContain(identity.inn);
    expect(text).not.toContain(identity.ogrn);
    expect(text).not.toContain('Тайное имя');
  });

  it('development: the readable line and its stack hold no value either', async () => {
    const { status, text } = await logOfFailedInsert({ NODE_ENV: 'development' });
    expect(status).toBe(500);
    expect(text).toMatch(/ERROR request failed/);
    expect(text).toContain('Failed query: insert into "organizations"');
    expect(text).not.toContain(identity.inn);
    expect(text).not.toContain('Тайное имя');
  });

  it('leaves out the values PostgreSQL quotes, keeps the words around them', () => {
    expect(safeDetail('Key (organization_id, expert_id)=(3f2a…, 9b1c…) is not present in table "organizations".'))
      .toBe('Key (organization_id, expert_id)=([redacted]) is not present in table "organizations".');
    expect(safeDetail('Failing row contains (1, Иванов Иван, 7701234567).')).toBe('Failing row contains ([redacted]).');
    expect(safeDetail('Array value must start with "{" or dimension information.')).toBe('[redacted]');
    const pgError = Object.assign(new Error('invalid input syntax for type uuid: "Иванов"'), { code: '22P02', severity: 'ERROR', detail: 'Key (inn)=(7701234567) already exists.' });
    const logged = safeError(pgError) as Record<string, string>;
    expect(logged).toMatchObject({ code: '22P02', message: 'invalid input syntax for type uuid: [redacted]', detail: 'Key (inn)=([redacted]) already exists.' });
    expect(JSON.stringify(logged)).not.toMatch(/Иванов|7701234567/);
    expect(safeError('not an error')).toBe('not an error');
  });
});
