// The OpenAPI document is a product for outside clients: Redocly's `recommended` rules, as apps/api/redocly.yaml
// configures them, pass on the document the real app serves, and a failure lists every problem, warnings
// included, with where it is.
import { fileURLToPath } from 'node:url';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helper.js';

const configPath = fileURLToPath(new URL('../../redocly.yaml', import.meta.url));

const t = await createTestApp();
afterAll(() => t.close());

describe('GET /api/docs/json', () => {
  it('passes the Redocly lint (recommended) without an error or a warning', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const config = await loadConfig({ configPath });
    const problems = await lintFromString({ source: res.body, absoluteRef: 'openapi.json', config });
    const lines = problems.map((p) => {
      const where = p.location.map((l) => l.pointer).filter(Boolean).join(', ');
      return `${p.severity} ${p.ruleId}: ${p.message} at ${where}`;
    });
    expect(`${lines.length} problems\n${lines.join('\n')}`).toBe('0 problems\n');
  });
});
