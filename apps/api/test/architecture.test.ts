// The domain stays pure: its rules answer questions and refuse with codes, and know nothing of the database or HTTP.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN = fileURLToPath(new URL('../src/domain/', import.meta.url));
const FORBIDDEN = [/^drizzle-orm(\/|$)/, /^fastify(-|\/|$)/, /^@fastify\//, /^\.\.\/db(\/|$)/, /^\.\.\/queries(\/|$)/, /^\.\.\/services(\/|$)/,
  /^\.\.\/plugins(\/|$)/, /^\.\.\/lib\/problem(\.js)?$/];

/** Every module a file imports or re-exports, statically or dynamically. */
function importsOf(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g), ...source.matchAll(/import\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...source.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)];
  return specifiers.map((m) => m[1]!);
}

describe('src/domain', () => {
  it('imports nothing from drizzle, the database, queries, services, plugins, lib/problem or fastify', async () => {
    const files = (await readdir(DOMAIN, { recursive: true })).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const offences: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(await readFile(join(DOMAIN, file), 'utf8')))
        if (FORBIDDEN.some((re) => re.test(spec))) offences.push(`${file} imports ${spec}`);
    }
    expect(offences).toEqual([]);
  });

  it('is checked by a reader that sees every form of import', () => {
    const sample = `import { a } from 'drizzle-orm';\nimport type { Tx } from '../db/client.js';\nexport { b } from '../queries/x.js';\nconst c = await import('fastify');\nimport '../plugins/auth.js';`;
    expect(importsOf(sample).sort()).toEqual(['../db/client.js', '../plugins/auth.js', '../queries/x.js', 'drizzle-orm', 'fastify']);
  });
});
