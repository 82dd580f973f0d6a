// The request examples of the OpenAPI document are bodies the API accepts: each parses with its shared
// schema (checksums and cross-field rules included, which the lint cannot see), and each is shown on an
// operation that takes that schema.
import { afterAll, describe, expect, it } from 'vitest';
import { REQUEST_EXAMPLES } from '../../src/plugins/docs/examples.js';
import { operations, type Document } from '../../src/plugins/docs/openapi.js';
import { createTestApp } from '../helper.js';

const t = await createTestApp();
afterAll(() => t.close());

const cases = [...REQUEST_EXAMPLES].flatMap(([schema, examples]) => Object.entries(examples).map(([name, example]) => [name, schema, example] as const));

describe('request examples', () => {
  it.each(cases)('%s is a valid body', (_name, schema, example) => {
    const parsed = schema.safeParse(example.value);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('are each shown on an operation of the document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as Document;
    const shown = new Set([...operations(doc)].flatMap(({ operation }) =>
      Object.values(operation.requestBody?.content ?? {}).flatMap((m) => Object.keys(m.examples ?? {}))));
    expect(cases.map(([name]) => name).filter((name) => !shown.has(name))).toEqual([]);
  });
});
