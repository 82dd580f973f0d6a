// Backup and restore keep the audit log verifiable (docs/SECURITY.md, the operator's procedure): a checkpoint taken
// before the backup verifies on the restored database; a backup older than a checkpoint is found out (fewer events).
// PostgreSQL: pg_dump of the test database in the custom format, pg_restore into a new one. PGlite: dumpDataDir and a
// new PGlite loaded from it. The key signs outside either: the restored checkpoints verify with the same key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { connectPg, connectPglite, type Database } from '../../src/db/client.js';
import { recordAudit } from '../../src/services/audit-log.js';
import { issueCheckpoint, verifyAudit } from '../../src/services/audit-checkpoints.js';
import { databaseUrl } from '../global-setup.js';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';

const run = promisify(execFile);
let t: TestApp;
let dir: string;
const restored: Database[] = [];
const dropped: string[] = [];
beforeAll(async () => {
  t = await createTestApp({ now: '2027-03-01T09:00:00Z' });
  dir = await mkdtemp(join(tmpdir(), 'konkurs-backup-'));
});
afterAll(async () => {
  await Promise.all(restored.map((d) => d.close()));
  if (dropped.length) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    for (const name of dropped) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const pgDumpMissing = isRealPostgres ? await run('pg_dump', ['--version']).then(() => '', () => 'pg_dump is not on PATH') : '';

/** A backup now, as a function that restores it into a new database. */
async function backup(): Promise<() => Promise<Database>> {
  if (!isRealPostgres) {
    const dump = await t.database.pglite!.dumpDataDir('gzip');
    return async () => connectPglite(undefined, dump);
  }
  const source = (t.database as Database & { url: string }).url;
  const file = join(dir, `${randomUUID()}.dump`);
  await run('pg_dump', ['--format=custom', `--file=${file}`, source]);
  return async () => {
    const name = `konkurs_r_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    dropped.push(name);
    const url = databaseUrl(process.env.DATABASE_URL!, name);
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, file]);
    return connectPg(url, 2);
  };
}

const append = (n: number) => t.db.transaction((tx) => recordAudit(tx, {
  actorId: null, action: 'awards.recorded', entityType: 'competition', entityId: `c-${n}`, after: { amountKopecks: 100_000_00 * n }, at: t.clock.now(),
}));

describe('backup and restore of the audit log', () => {
  it('a restored backup verifies against the checkpoint taken before it; an older backup fails a later one', async (ctx) => {
    if (pgDumpMissing) return ctx.skip(pgDumpMissing);
    for (let n = 1; n <= 4; n++) await append(n);
    const before = await issueCheckpoint(t.db, t.app.auditKey, t.clock.now(), true);
    const restore = await backup();
    for (let n = 5; n <= 6; n++) await append(n);
    const later = await issueCheckpoint(t.db, t.app.auditKey, t.clock.now(), true);

    const copy = await restore();
    restored.push(copy);
    // The restored copy holds the events and the checkpoints of the moment of the backup, and verifies with the key.
    expect(await verifyAudit(copy.db, t.app.auditKey, before)).toEqual({ ok: true, events: before.events, checkpoints: 2 });
    // Restoring that backup now would lose the two events since: the checkpoint kept after it says so.
    expect(await verifyAudit(copy.db, t.app.auditKey, later)).toMatchObject({ ok: false, reason: 'fewer-events', events: before.events });
    // And the original still extends both.
    expect(await verifyAudit(t.db, t.app.auditKey, before)).toMatchObject({ ok: true, events: later.events });
  });
});
