// The shared zod schemas appear in the OpenAPI document as named components, referred to by `$ref` wherever
// a route uses them: no object schema that has a name is written out again inline (that each component is
// used, the lint checks).
import { afterAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/plugins/docs/openapi.js';
import { createTestApp } from '../helper.js';

const t = await createTestApp();
afterAll(() => t.close());
const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as Document;
const components = doc.components?.schemas ?? {};

/** Every object schema inside a value, with where it is. */
function* objectSchemas(value: unknown, at: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* objectSchemas(v, `${at}/${i}`);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.type === 'object' && o.properties) yield [at, o];
    for (const [k, v] of Object.entries(o)) yield* objectSchemas(v, `${at}/${k}`);
  }
}

describe('components of the OpenAPI document', () => {
  it('names the shared schemas, requests and responses alike', () => {
    expect(Object.keys(components)).toEqual(expect.arrayContaining([
      'Application', 'Competition', 'CreateCompetitionBody', 'UpdateApplicationBody', 'Problem', 'RegisterBody', 'Review', 'ReviewBody',
    ]));
    expect(doc.paths['/api/v1/competitions'].post.requestBody?.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreateCompetitionBody' });
  });

  it('writes no named object out again inline', () => {
    const named = new Map(Object.entries(components).map(([name, s]) => [JSON.stringify(s), name]));
    const copies = [...objectSchemas(doc.paths, '#/paths'), ...objectSchemas(components, '#/components/schemas')]
      .filter(([at, s]) => named.has(JSON.stringify(s)) && at !== `#/components/schemas/${named.get(JSON.stringify(s))}`)
      .map(([at, s]) => `${at} is ${named.get(JSON.stringify(s))}`);
    expect(copies).toEqual([]);
  });

  it('documents every CSV download as text/csv, its problems as problem+json', () => {
    const csvPaths = Object.keys(doc.paths).filter((p) => p.endsWith('.csv'));
    expect(csvPaths.length).toBeGreaterThanOrEqual(5);
    for (const path of csvPaths) {
      const responses = doc.paths[path].get.responses;
      expect(Object.keys(responses['200'].content ?? {}), path).toEqual(['text/csv']);
      for (const [status, response] of Object.entries(responses).filter(([s]) => Number(s) >= 400))
        expect(Object.keys(response.content ?? {}), `${path} ${status}`).toEqual(['application/problem+json']);
    }
  });
});
