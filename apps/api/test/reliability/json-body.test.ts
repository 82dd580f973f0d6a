// Text PostgreSQL cannot store (NUL, lone surrogates) is refused for every JSON route as a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unstorableTextPath } from '../../src/plugins/json-body.js';
import { createTestApp, type TestApp } from '../helper.js';
import { makeUser } from '../fixtures.js';

describe('unstorableTextPath', () => {
  it('finds nothing in ordinary text, emoji included', () => {
    expect(unstorableTextPath({ a: 'Привет 🙂', b: ['x', { c: '𝕏' }], n: 1, z: null })).toBeNull();
  });

  it('names the dotted path of a NUL character or a lone surrogate, in a value or a key', () => {
    expect(unstorableTextPath({ budget: [{ item: 'ok' }, { item: 'a\u0000b' }] })).toBe('budget.1.item');
    expect(unstorableTextPath({ title: 'x\ud800' })).toBe('title');
    expect(unstorableTextPath({ title: '\udfffy' })).toBe('title');
    expect(unstorableTextPath({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(unstorableTextPath('\u0000')).toBe('body');
  });
});

describe('JSON bodies with text PostgreSQL cannot store', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await makeUser(t, 'admin')).token;
  });
  afterAll(() => t.close());

  const post = (payload: string) => t.app.inject({ method: 'POST', url: '/api/v1/operators', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, payload });

  it.each([['NUL', '"name":"Оператор\\u0000"'], ['a lone surrogate', '"name":"Оператор \\ud83d"']])('refuses %s with a 400 naming the field', async (_what, field) => {
    const res = await post(`{${field},"level":"federal"}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'invalid-request', errors: [{ path: 'name', code: 'unstorable-text', message: expect.stringMatching(/недопустимые символы/) }] });
    expect(res.json().errors).toHaveLength(1);
  });

  it('accepts an escaped backslash before u0000 and a proper surrogate pair', async () => {
    const res = await post('{"name":"C:\\\\u0000 \\ud83d\\ude42","level":"federal"}');
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('C:\\u0000 🙂');
  });

  it('still refuses prototype poisoning and malformed JSON', async () => {
    expect((await post('{"__proto__":{"x":1},"name":"A","level":"federal"}')).statusCode).toBe(400);
    const bad = await post('{"name":');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'malformed-json', detail: 'Тело запроса — некорректный JSON', errors: [{ path: 'body', code: 'malformed-json' }] });
  });

  it('refuses a NUL character in a query string with the same 400, and an unknown audit entity type by its code', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${admin}` } });
    const nul = await get('/api/v1/audit?entityId=a%00b');
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ errors: [{ path: 'entityId', code: 'unstorable-text' }] });
    const unknown = await get('/api/v1/audit?entityType=a%00b');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'entityType' });
    expect((await get('/api/v1/audit?entityType=application')).statusCode).toBe(200);
  });
});
