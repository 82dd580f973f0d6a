// Migrates once: a PGlite snapshot file, or a template database on the PostgreSQL server of DATABASE_URL.
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectPg, connectPglite } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext { pgliteSnapshot: string; pgTemplate: string }
}


export function databaseUrl(base: string, name: string) {
  const u = new URL(base);
  u.pathname = '/' + name;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    // One template per run, so that two runs on one server do not meet.
    const TEMPLATE_DB = `konkurs_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const database = connectPg(databaseUrl(url, TEMPLATE_DB), 2);
    await runMigrations(database);
    await database.close();
    await admin.end();
    project.provide('pgTemplate', TEMPLATE_DB);
    project.provide('pgliteSnapshot', '');
    return async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`).catch(() => {});
      await a.end();
    };
  }
  const database = await connectPglite(undefined);
  await runMigrations(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = join(tmpdir(), `konkurs-pglite-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
  return async () => { await rm(file, { force: true }); };
}
