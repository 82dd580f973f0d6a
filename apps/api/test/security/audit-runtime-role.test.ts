// The role the server runs as cannot alter or truncate the audit log (finding 3, PRODUCT.md "Audit"): the migrations
// run as the owner (DATABASE_OWNER_URL), which grants that role reading and appending on the log and its checkpoints,
// reading and writing elsewhere, and ownership of nothing. PostgreSQL only: PGlite has one user. The role is
// TEST_RUNTIME_ROLE (.ci/run makes konkurs_app), else one made here and dropped after; where CREATE ROLE is refused,
// every case says so and skips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import supertest from 'supertest';
import { buildApp } from '../../src/app.js';
import { connectPg, type Database } from '../../src/db/client.js';
import { migrateAsOwner } from '../../src/db/migrate.js';
import { localFileStorage } from '../../src/storage/file-storage.js';
import { createTestApp, isRealPostgres, TEST_SECRET, type TestApp } from '../helper.js';
import { call, makeUser } from '../fixtures.js';

let owner: TestApp;
let runtime: TestApp;
let ownerUrl: string;
let role: string;
/** The password of a role made here (a server asking for passwords gets one); the CI's role needs none (trust). */
let password = '';
let skipped = '';
let madeRole = false;

/** The role to run as: the CI's, or one made for this file; a reason to skip when the server refuses to make one. */
async function runtimeRole(adminUrl: string): Promise<string> {
  if (process.env.TEST_RUNTIME_ROLE) return process.env.TEST_RUNTIME_ROLE;
  const name = `konkurs_app_t${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    password = randomUUID();
    await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`);
    madeRole = true;
    return name;
  } catch (e) {
    if ((e as { code?: string }).code !== '42501') throw e;
    skipped = `CREATE ROLE is refused on this server (${(e as Error).message}); set TEST_RUNTIME_ROLE to a login role to run these`;
    return '';
  } finally {
    await admin.end();
  }
}

const asRole = (url: string, name: string) => {
  const u = new URL(url);
  u.username = name;
  u.password = password;
  return u.toString();
};

/** The real app on a connection as the runtime role, beside the owner's test app on the same database. */
async function appAs(database: Database): Promise<TestApp> {
  const app = await buildApp({ config: owner.config, database, clock: owner.clock, secret: TEST_SECRET, storage: localFileStorage(join(owner.config.DATA_DIR, 'uploads')), webRoot: false });
  await app.ready();
  return { app, database, db: database.db, clock: owner.clock, config: owner.config, request: supertest(app.server), async close() { await app.close(); await database.close(); } };
}

beforeAll(async () => {
  if (!isRealPostgres) return;
  owner = await createTestApp({ now: '2027-03-01T09:00:00Z' });
  ownerUrl = (owner.database as Database & { url: string }).url;
  role = await runtimeRole(process.env.DATABASE_URL!);
  if (!role) return;
  const database = connectPg(asRole(ownerUrl, role), 5);
  await migrateAsOwner(ownerUrl, database);
  // Run again, as every start-up does: the same grants.
  await migrateAsOwner(ownerUrl, database);
  runtime = await appAs(database);
});
afterAll(async () => {
  await runtime?.close();
  await owner?.close();
  if (madeRole) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  }
});

/** What the runtime role's statement was refused with: PostgreSQL's SQLSTATE (42501: insufficient privilege). */
async function refusedWith(statement: string): Promise<string> {
  return runtime.database.pool!.query(statement).then(() => 'done', (e: { code?: string; message: string }) => `${e.code}`);
}

describe.skipIf(!isRealPostgres)('the runtime role and the audit log (PostgreSQL)', () => {
  it('runs the server: writes, audits, signs a checkpoint and verifies against it', async (ctx) => {
    if (skipped) return ctx.skip(skipped);
    const admin = await makeUser(runtime, 'admin');
    expect((await call(runtime, admin.token, 'POST', '/api/v1/operators', { name: 'Оператор с ограниченной ролью', level: 'federal' })).status).toBe(201);
    const c = await call(runtime, admin.token, 'GET', '/api/v1/audit/checkpoint');
    expect(c.status).toBe(200);
    expect(c.json.events).toBeGreaterThan(0);
    expect((await call(runtime, admin.token, 'POST', '/api/v1/operators', { name: 'Ещё один оператор', level: 'federal' })).status).toBe(201);
    expect((await call(runtime, admin.token, 'GET', `/api/v1/audit/verify?events=${c.json.events}&headHash=${c.json.headHash}`)).json).toMatchObject({ ok: true });
  });

  it('cannot update, delete, truncate, unprotect or take over the log and its checkpoints', async (ctx) => {
    if (skipped) return ctx.skip(skipped);
    const statements = [
      `UPDATE audit_events SET action = 'forged'`, 'DELETE FROM audit_events', 'TRUNCATE audit_events',
      'DROP TRIGGER audit_events_no_change ON audit_events', 'DROP TRIGGER audit_events_no_truncate ON audit_events',
      'ALTER TABLE audit_events DISABLE TRIGGER ALL', `ALTER TABLE audit_events OWNER TO ${role}`, 'DROP TABLE audit_events',
      'CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$',
      'SET session_replication_role = replica',
      `UPDATE audit_checkpoints SET events = 0`, 'DELETE FROM audit_checkpoints', 'TRUNCATE audit_checkpoints',
      'ALTER TABLE audit_checkpoints DISABLE TRIGGER ALL',
    ];
    const refused = Object.fromEntries(await Promise.all(statements.map(async (s) => [s, await refusedWith(s)] as const)));
    expect(refused).toEqual(Object.fromEntries(statements.map((s) => [s, '42501'])));
    const { rows } = await runtime.database.pool!.query(`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relowner = (select oid from pg_roles where rolname = current_user)`);
    expect(rows[0].n).toBe(0);
  });

  it('is granted a table a later migration adds, at the next start-up', async (ctx) => {
    if (skipped) return ctx.skip(skipped);
    await owner.database.pool!.query('CREATE TABLE later_migration_table (id int)');
    expect(await refusedWith('INSERT INTO later_migration_table VALUES (1)')).toBe('42501');
    await migrateAsOwner(ownerUrl, runtime.database);
    expect(await refusedWith('INSERT INTO later_migration_table VALUES (1)')).toBe('done');
  });

  it('must not be the owner itself', async (ctx) => {
    if (skipped) return ctx.skip(skipped);
    await expect(migrateAsOwner(ownerUrl, owner.database)).rejects.toThrow(/is the role that migrates/);
  });
});
