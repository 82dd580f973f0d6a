// Property-based fuzzing of every write endpoint the OpenAPI document lists (so new routes join by
// themselves): generated bodies, path ids and callers must never get a 5xx, every 4xx is problem+json
// with a code (and each of its field errors a code and a message), and every 400 names at least one field. FUZZ_RUNS sets the requests per route (1,000 when CI is set,
// 200 otherwise), FUZZ_SEED replays a run, FUZZ_VERBOSE prints the statuses seen per route. Multipart
// routes (uploads) have their own tests.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helper.js';
import { buildFuzzWorld } from './fuzz-world.js';
import { createFuzzHarness, nameOf, RUNS } from './fuzz-harness.js';

const t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000000' } });
const harness = createFuzzHarness(t);
afterAll(async () => {
  harness.restoreLogger();
  await t.close();
});
const routes = harness.routes(['post', 'put', 'patch', 'delete']);

describe('fuzzing every write endpoint', () => {
  it('finds the write endpoints in the OpenAPI document', () => {
    expect(routes.map(nameOf)).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'POST /api/v1/competitions']));
  });

  it.each(routes.map((r) => [nameOf(r), r] as const))('%s: no 5xx, every rejection a problem naming the field', async (_name, route) => {
    await harness.fuzz(route, await buildFuzzWorld(t), RUNS);
  }, 60_000 + RUNS * 300);
});
