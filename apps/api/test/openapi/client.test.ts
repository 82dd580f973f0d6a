// A typed client generated from the OpenAPI document compiles: openapi-typescript turns the document into
// `paths` and `components` types, and a small client uses them for a few calls. One line writes a field no
// draft has under @ts-expect-error, so types that let anything through fail the compile too.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helper.js';

const CLIENT = `
import type { components, paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Problem = components['schemas']['Problem'];

/** Calls the API and answers the typed JSON body, or throws the problem. */
async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw (await res.json()) as Problem;
  return (await res.json()) as T;
}

type ListCompetitions = paths['/api/v1/competitions']['get'];
export async function openCompetitionTitles(): Promise<string[]> {
  const query: NonNullable<ListCompetitions['parameters']['query']> = { status: 'open', limit: 20 };
  const page = await call<Json<ListCompetitions['responses'][200]>>('GET', '/api/v1/competitions?' + new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])));
  const next: string | null = page.nextCursor;
  return next === null ? page.items.map((c) => c.title) : [];
}

type CreateDraft = paths['/api/v1/competitions/{id}/applications']['post'];
type DraftBody = CreateDraft['requestBody'] extends { content: { 'application/json': infer B } } | undefined ? B : never;
export async function startDraft(competitionId: CreateDraft['parameters']['path']['id'], organizationId: string): Promise<number> {
  const body: DraftBody = { organizationId, title: 'Семейный клуб', directionCode: 'family', budget: [{ category: 'fees', quantity: 2, unitCostKopecks: 150000 }] };
  const created = await call<Json<CreateDraft['responses'][201]>>('POST', \`/api/v1/competitions/\${competitionId}/applications\`, body);
  return created.version;
}

type Conflict = CreateDraft['responses'][409]['content']['application/problem+json'];
export function problemCode(problem: Conflict): string {
  const type: string = problem.type;
  const status: number = problem.status;
  return problem.code ?? \`\${type} (\${status})\`;
}

// @ts-expect-error a draft has no field "titel": the generated types must refuse it
export const misspelt: DraftBody = { organizationId: 'x', titel: 'Опечатка' };
`;

const t = await createTestApp();
const dir = await mkdtemp(join(tmpdir(), 'konkurs-client-'));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

describe('a client generated from the OpenAPI document', () => {
  it('compiles with strict TypeScript, the misspelt field refused', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as OpenAPI3;
    await writeFile(join(dir, 'schema.ts'), astToString(await openapiTS(doc)));
    await writeFile(join(dir, 'client.ts'), CLIENT);
    const program = ts.createProgram([join(dir, 'client.ts')], {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    expect(problems).toEqual([]);
  }, 60_000);
});
