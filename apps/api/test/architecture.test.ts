// The domain stays pure: its rules answer questions and refuse with codes, and know nothing of the database or HTTP;
// and every code the API refuses with has its sentence, in Russian and in English.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKnownMessage, messageText, registerMessages } from '@konkurs/shared';
import { REPORT_MESSAGES } from '@konkurs/shared/messages/reports';

registerMessages(REPORT_MESSAGES);

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const DOMAIN = join(SRC, 'domain');
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

/** The codes the source refuses with: DomainError helpers' code arguments and every `code: '…'` of a field issue. */
const REFUSALS = [/\bconflict\(\s*'([a-z0-9-]+)'/g, /\bforbidden\(\s*'([a-z0-9-]+)'/g, /\bunauthenticated\(\s*'([a-z0-9-]+)'/g,
  /\bfieldInvalid\(\s*'[^']*',\s*'([a-z0-9-]+)'/g, /new DomainError\(\s*'[a-z-]+',\s*'([a-z0-9-]+)'/g, /\bcode: '([a-z0-9-]+)'/g];

describe('refusal codes', () => {
  it('each has a Russian and an English text in packages/shared/src/messages', async () => {
    const files = (await readdir(SRC, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const codes = new Map<string, string>();
    for (const file of files) {
      const source = await readFile(join(SRC, file), 'utf8');
      for (const re of REFUSALS) for (const m of source.matchAll(re)) codes.set(m[1]!, file);
    }
    // zod's own code for a refinement's issue (config.ts checks settings with them), not a refusal the API words.
    codes.delete('custom');
    expect(codes.size).toBeGreaterThan(40);
    const entities = new Set<string>();
    for (const file of files) for (const m of (await readFile(join(SRC, file), 'utf8')).matchAll(/\bnotFound\(\s*'([a-z-]+)'/g)) entities.add(m[1]!);
    expect([...entities].filter((entity) => messageText('not-found', { entity }, { lang: 'ru' }) === messageText('not-found', {}, { lang: 'ru' }))).toEqual([]);
    expect([...codes].filter(([code]) => !isKnownMessage(code)).map(([code, file]) => `${code} (${file})`)).toEqual([]);
    for (const code of codes.keys()) {
      expect(messageText(code, {}, { lang: 'ru' }), code).toMatch(/[А-Яа-яЁё]/);
      // The registry numbers keep their Russian names in English too (as API.md writes them).
      expect(messageText(code, {}, { lang: 'en' }).replace(/ИНН|ОГРН|КПП/g, ''), code).not.toMatch(/[А-Яа-яЁё]{2}/);
    }
  });
});
