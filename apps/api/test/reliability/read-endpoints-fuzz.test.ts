// Property-based fuzzing of every read endpoint the OpenAPI document lists: generated query strings
// (valid-ish values, junk, repeated and unknown parameters), path ids and callers must never get a 5xx,
// and every 4xx is problem+json with a code (a 400 naming the parameter, each field error by code). A quarter of FUZZ_RUNS per route.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helper.js';
import { buildFuzzWorld } from './fuzz-world.js';
import { createFuzzHarness, nameOf, RUNS } from './fuzz-harness.js';

const READ_RUNS = Math.max(10, Math.ceil(RUNS / 4));

const t = await createTestApp();
const harness = createFuzzHarness(t);
afterAll(async () => {
  harness.restoreLogger();
  await t.close();
});
const routes = harness.routes(['get'], (path) => path.startsWith('/api/v1/'));

describe('fuzzing every read endpoint', () => {
  it('finds the read endpoints in the OpenAPI document', () => {
    expect(routes.map(nameOf)).toEqual(expect.arrayContaining(['GET /api/v1/competitions', 'GET /api/v1/competitions/{id}']));
  });

  it.each(routes.map((r) => [nameOf(r), r] as const))('%s: no 5xx, every rejection a problem naming the parameter', async (_name, route) => {
    await harness.fuzz(route, await buildFuzzWorld(t), READ_RUNS);
  }, 60_000 + READ_RUNS * 300);
});
