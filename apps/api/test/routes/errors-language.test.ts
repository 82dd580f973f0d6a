// What a person reads in a problem comes by code in the language of Accept-Language, Russian by default:
// schema errors (sign-up, sign-in, the competition form), malformed JSON, an unknown route. Every field error
// carries its path, code and message; nothing of zod's English and no raw ISO instant reaches a Russian answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { makeOperator, makeUser, type TestUser } from '../fixtures.js';

let t: TestApp;
let organiser: TestUser;
let operatorId: string;
beforeAll(async () => {
  t = await createTestApp();
  operatorId = (await makeOperator(t)).id;
  organiser = await makeUser(t, 'organiser', { operatorId });
});
afterAll(async () => { await t?.close(); });

interface FieldError { path: string; code: string; params?: Record<string, unknown>; message: string }
interface Problem { type: string; title: string; status: number; code: string; detail: string; params?: Record<string, unknown>; errors?: FieldError[] }

async function send(method: 'GET' | 'POST', url: string, options: { body?: unknown; raw?: string; lang?: string; token?: string } = {}) {
  const res = await t.app.inject({
    method, url,
    headers: {
      ...(options.lang ? { 'accept-language': options.lang } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.raw !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.raw !== undefined ? { payload: options.raw } : options.body !== undefined ? { payload: options.body as object } : {}),
  });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = res.json() as Problem;
  expect(problem.status).toBe(res.statusCode);
  expect(problem.type).toBe(`urn:konkurs:problem:${problem.code}`);
  for (const e of problem.errors ?? []) {
    expect(e.path, JSON.stringify(e)).toEqual(expect.any(String));
    expect(e.code, JSON.stringify(e)).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(e.message, JSON.stringify(e)).toEqual(expect.any(String));
  }
  return problem;
}

const ZOD_ENGLISH = /Too small|Too big|Invalid input|expected|must|Unrecognized/;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Every sentence of a problem is Russian: Cyrillic, none of zod's English, no raw ISO instant. */
function expectRussian(p: Problem) {
  for (const text of [p.title, p.detail, ...(p.errors ?? []).map((e) => e.message)]) {
    expect(text).toMatch(/[а-яё]/i);
    expect(text).not.toMatch(ZOD_ENGLISH);
    expect(text).not.toMatch(ISO_INSTANT);
  }
}
const byPath = (p: Problem) => Object.fromEntries((p.errors ?? []).map((e) => [e.path, e]));

describe('sign-up and sign-in with empty fields', () => {
  it('answer Russian by default: an empty field is too-small, an absent one required', async () => {
    const empty = await send('POST', '/api/v1/auth/register', { body: { email: '', password: '', fullName: '' } });
    expect(empty).toMatchObject({ status: 400, code: 'invalid-request', title: 'Неверный запрос' });
    expectRussian(empty);
    expect(empty.detail).toContain('email, password, fullName');
    expect(byPath(empty)).toMatchObject({
      email: { code: 'invalid-email', message: 'Неверный адрес электронной почты' },
      password: { code: 'password-too-short', message: 'Не короче 12 символов (пробелы в начале и в конце не считаются)' },
      fullName: { code: 'too-small', params: { minimum: 1, type: 'string' }, message: 'Заполните поле' },
    });

    const absent = await send('POST', '/api/v1/auth/login', { body: {} });
    expectRussian(absent);
    expect(absent.errors).toEqual([
      { path: 'email', code: 'required', message: 'Обязательное поле' },
      { path: 'password', code: 'required', message: 'Обязательное поле' },
    ]);

    const blank = await send('POST', '/api/v1/auth/login', { body: { email: 'someone@example.org', password: '' } });
    expect(blank.errors).toEqual([{ path: 'password', code: 'too-small', params: { minimum: 1, type: 'string' }, message: 'Заполните поле' }]);
  });

  it('answer English when the client prefers it', async () => {
    const p = await send('POST', '/api/v1/auth/register', { body: { email: 'someone@example.org', password: 'short' }, lang: 'en-GB,en;q=0.9,ru;q=0.5' });
    expect(p.title).toBe('Bad Request');
    expect(p.detail).toMatch(/^[^а-яё]*password, fullName$/i);
    expect(byPath(p)).toMatchObject({
      password: { code: 'password-too-short', message: 'At least 12 characters (spaces at either end do not count)' },
      fullName: { code: 'required', message: 'Required' },
    });
  });
});

describe('the competition form', () => {
  const now = () => t.clock.now().getTime();
  const form = (extra: Record<string, unknown> = {}) => ({
    code: 'KLG-2027', title: 'Губернаторский конкурс', operatorId, directionCodes: ['youth'],
    opensAt: new Date(now() + 86_400_000).toISOString(), closesAt: new Date(now() + 30 * 86_400_000).toISOString(),
    budgetKopecks: 100_000_000, minGrantKopecks: 1_000_000, maxGrantKopecks: 50_000_000, maxProjectMonths: 12,
    minCofinancingPercent: 10, passMark: 60, maxApplicationsPerOrganization: 2, ...extra,
  });
  const create = (body: unknown, lang?: string) => send('POST', '/api/v1/competitions', { body, lang, token: organiser.token });

  it('the code pattern answers by its code, in Russian', async () => {
    const p = await create(form({ code: 'klg 2027' }));
    expectRussian(p);
    expect(p.errors).toEqual([{ path: 'code', code: 'competition-code-format', message: expect.stringContaining('заглавные латинские буквы') }]);
  });

  it('a maximum grant over the budget names the budget in roubles, not the field', async () => {
    const p = await create(form({ maxGrantKopecks: 100_000_001 }));
    expectRussian(p);
    expect(p.errors).toEqual([{
      path: 'maxGrantKopecks', code: 'max-grant-over-budget', params: { budgetKopecks: 100_000_000 },
      message: 'Не больше бюджета конкурса (1\u00a0000\u00a0000,00\u00a0₽)',
    }]);
    const en = await create(form({ maxGrantKopecks: 100_000_001 }), 'en');
    expect(en.errors?.[0]).toMatchObject({ code: 'max-grant-over-budget', message: "Not more than the competition's budget (₽1,000,000.00)" });
  });

  it('a close before the opening shows the opening in the competition time zone, not as ISO', async () => {
    const p = await create(form({ opensAt: '2027-03-01T09:00:00+03:00', closesAt: '2027-02-01T09:00:00+03:00', timezone: 'Asia/Yekaterinburg' }));
    expectRussian(p);
    expect(p.errors).toEqual([{
      path: 'closesAt', code: 'closes-before-opens', params: { opensAt: '2027-03-01T09:00:00+03:00', timezone: 'Asia/Yekaterinburg' },
      message: 'Приём заявок должен закончиться позже его начала — 01.03.2027 11:00 (Asia/Yekaterinburg)',
    }]);
  });

  it('money bounds read in roubles', async () => {
    const p = await create(form({ budgetKopecks: 0 }));
    expect(byPath(p).budgetKopecks).toMatchObject({ code: 'too-small', params: { minimum: 1, type: 'money' }, message: 'Не меньше 0,01\u00a0₽' });
  });
});

describe('problems of the request as a whole', () => {
  it('malformed JSON answers Russian with its code', async () => {
    const p = await send('POST', '/api/v1/auth/login', { raw: '{"email":' });
    expectRussian(p);
    expect(p).toMatchObject({ status: 400, code: 'malformed-json', errors: [{ path: 'body', code: 'malformed-json' }] });
    expect((await send('POST', '/api/v1/auth/login', { raw: '{"email":', lang: 'en' })).detail).toBe('The body is not valid JSON');
  });

  it('a body over the limit is body-too-large, in Russian', async () => {
    const p = await send('POST', '/api/v1/auth/login', { raw: JSON.stringify({ email: 'x'.repeat(2_200_000) }) });
    expectRussian(p);
    expect(p).toMatchObject({ status: 413, code: 'body-too-large', title: 'Слишком большой запрос' });
  });

  it('an unknown route answers Russian with its code, naming the route', async () => {
    const p = await send('GET', '/api/v1/no-such-thing?x=1');
    expectRussian(p);
    expect(p).toMatchObject({ status: 404, title: 'Не найдено', code: 'route-not-found', detail: 'Такого адреса нет: GET /api/v1/no-such-thing' });
  });

  it('a URL Fastify cannot route is told by code too: too long a segment, a broken escape', async () => {
    const long = await send('GET', `/api/v1/competitions/${'a'.repeat(300)}`);
    expectRussian(long);
    expect(long).toMatchObject({ status: 414, code: 'uri-too-long', errors: [{ path: 'url', code: 'uri-too-long' }] });
    const broken = await send('GET', '/api/v1/competitions/%E0%A4%A');
    expectRussian(broken);
    expect(broken).toMatchObject({ status: 400, code: 'bad-url', errors: [{ path: 'url', code: 'bad-url' }] });
  });

  it('a query parameter of the wrong shape is named, by code', async () => {
    const p = await send('GET', '/api/v1/competitions?status=nope&limit=0');
    expectRussian(p);
    expect(byPath(p)).toMatchObject({ status: { code: 'not-allowed' }, limit: { code: 'too-small', params: { minimum: 1 } } });
  });
});
