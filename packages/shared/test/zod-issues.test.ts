import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createOperatorBody, createOrganizationBody, fieldErrorMap, fieldIssueOf, fieldIssuesOf, fieldIssueText, innCheckDigit,
  isKnownMessage, loginBody, ogrnCheckDigit, registerBody, screeningBody,
} from '../src/index.js';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return fieldIssuesOf(r.error!.issues, value);
};

describe('fieldIssueOf: zod issue codes onto ours', () => {
  it('too_small and too_big carry the bound and what is bounded', () => {
    const s = z.object({ name: z.string().min(1).max(5), tags: z.array(z.string()).min(2), n: z.number().int().positive().max(10) });
    expect(issuesOf(s, { name: '', tags: ['a'], n: 0 })).toEqual([
      { path: 'name', code: 'too-small', params: { minimum: 1, type: 'string' } },
      { path: 'tags', code: 'too-small', params: { minimum: 2, type: 'array' } },
      { path: 'n', code: 'too-small', params: { minimum: 0, type: 'number', inclusive: false } },
    ]);
    expect(issuesOf(s, { name: 'abcdef', tags: ['a', 'b'], n: 11 })).toEqual([
      { path: 'name', code: 'too-big', params: { maximum: 5, type: 'string' } },
      { path: 'n', code: 'too-big', params: { maximum: 10, type: 'number' } },
    ]);
  });

  it('a bound on a …Kopecks field is money, and reads in roubles', () => {
    const [f] = issuesOf(z.object({ budgetKopecks: z.number().min(100_000) }), { budgetKopecks: 5 });
    expect(f).toEqual({ path: 'budgetKopecks', code: 'too-small', params: { minimum: 100_000, type: 'money' } });
    expect(fieldIssueText(f!, 'ru')).toBe('Не меньше 1\u00a0000,00\u00a0₽');
  });

  it('an absent field is required; a present one of the wrong type is invalid-type', () => {
    const s = z.object({ a: z.string(), b: z.number(), c: z.object({ d: z.string() }) });
    expect(issuesOf(s, { b: 'x', c: {} })).toEqual([
      { path: 'a', code: 'required' },
      { path: 'b', code: 'invalid-type', params: { expected: 'number' } },
      { path: 'c.d', code: 'required' },
    ]);
    expect(issuesOf(z.object({ n: z.number().int() }), { n: 1.5 })).toEqual([{ path: 'n', code: 'invalid-type', params: { expected: 'int' } }]);
  });

  it('without the parsed value a finished issue cannot tell absent from wrong: it says invalid-type', () => {
    const r = z.object({ a: z.string() }).safeParse({});
    expect(fieldIssueOf(r.error!.issues[0]!)).toEqual({ path: 'a', code: 'invalid-type', params: { expected: 'string' } });
  });

  it('formats by name; a named pattern by its own code, any other pattern as invalid-format', () => {
    const s = z.object({ e: z.email(), d: z.iso.date(), t: z.iso.datetime({ offset: true }), u: z.uuid(), l: z.url(), p: z.string().regex(/^x+$/) });
    expect(issuesOf(s, { e: 'x', d: '2027-13-01', t: '2027-01-01 10:00', u: '1', l: 'nope', p: 'y' }).map((i) => i.code))
      .toEqual(['invalid-email', 'invalid-date', 'invalid-datetime', 'invalid-uuid', 'invalid-url', 'invalid-format']);
  });

  it('invalid_value, unrecognized_keys and multiples', () => {
    const s = z.object({ level: z.enum(['federal', 'regional']), k: z.number().multipleOf(5) }).strict();
    expect(issuesOf(s, { level: 'galactic', k: 7, extra: 1, more: 2 })).toEqual([
      { path: 'level', code: 'not-allowed', params: { values: ['federal', 'regional'] } },
      { path: 'k', code: 'not-multiple-of', params: { divisor: 5 } },
      { path: '', code: 'unknown-field', params: { keys: ['extra', 'more'] } },
    ]);
    const [f] = issuesOf(z.object({ regionCode: z.enum(Array.from({ length: 89 }, (_, i) => String(i))) }), { regionCode: 'x' });
    expect(f).toEqual({ path: 'regionCode', code: 'not-allowed' }); // a long list is not repeated in every answer
  });

  it('custom: the code and params the refinement set; a bare refinement is invalid', () => {
    const s = z.object({
      a: z.string().refine(() => false, { params: { code: 'inn-checksum', digit: 3 } }),
      b: z.string().refine(() => false),
    });
    expect(issuesOf(s, { a: 'x', b: 'y' })).toEqual([
      { path: 'a', code: 'inn-checksum', params: { digit: 3 } },
      { path: 'b', code: 'invalid' },
    ]);
  });
});

describe('the shared schemas answer by code', () => {
  const org = (inn9: string, ogrn12: string) => ({ inn: inn9 + innCheckDigit(inn9), ogrn: ogrn12 + ogrnCheckDigit(ogrn12) });

  it('sign-up and sign-in with empty fields: too-small or required, never zod English', () => {
    expect(issuesOf(registerBody, { email: '', password: '', fullName: '' })).toEqual([
      { path: 'email', code: 'invalid-email' },
      { path: 'password', code: 'password-too-short' },
      { path: 'fullName', code: 'too-small', params: { minimum: 1, type: 'string' } },
    ]);
    expect(issuesOf(loginBody, {})).toEqual([{ path: 'email', code: 'required' }, { path: 'password', code: 'required' }]);
  });

  it('ИНН, ОГРН, КПП and phone: a malformed number is a format problem only, a wrong digit a checksum one', () => {
    const good = org('770708389', '102770013219');
    const base = { ...good, kpp: '773601001', fullName: 'АНО «Свет»', shortName: 'Свет', regionCode: '77' };
    expect(issuesOf(createOrganizationBody, { ...base, inn: '12345', ogrn: '2' + good.ogrn.slice(1), kpp: '77360100', phone: 'звоните' }).map((i) => [i.path, i.code]))
      .toEqual([['inn', 'inn-format'], ['ogrn', 'ogrn-format'], ['kpp', 'kpp-format'], ['phone', 'phone-format']]);
    const wrongDigit = (s: string) => s.slice(0, -1) + ((Number(s.at(-1)) + 1) % 10);
    expect(issuesOf(createOrganizationBody, { ...base, inn: wrongDigit(good.inn), ogrn: wrongDigit(good.ogrn) }))
      .toEqual([{ path: 'inn', code: 'inn-checksum' }, { path: 'ogrn', code: 'ogrn-checksum' }]);
  });

  it('object-level refinements name their field', () => {
    expect(issuesOf(screeningBody, { decision: 'reject' })).toEqual([{ path: 'reason', code: 'reject-reason-required' }]);
    expect(issuesOf(createOperatorBody, { name: 'Фонд', level: 'regional' })).toEqual([{ path: 'regionCode', code: 'operator-region-required' }]);
  });

  it('every code the schemas can answer has a text in both languages', () => {
    const codes = ['competition-code-format', 'criterion-code-format', 'unknown-timezone', 'closes-before-opens', 'max-grant-below-min',
      'max-grant-over-budget', 'repeated', 'duplicate-criterion-code', 'inn-format', 'inn-checksum', 'ogrn-format', 'ogrn-checksum',
      'kpp-format', 'phone-format', 'reject-reason-required', 'operator-region-required', 'required', 'too-small', 'too-big',
      'invalid-type', 'not-allowed', 'unknown-field', 'invalid-format', 'invalid-email', 'invalid-date', 'invalid-datetime',
      'invalid-uuid', 'invalid-url', 'not-multiple-of', 'invalid'];
    expect(codes.filter((c) => !isKnownMessage(c))).toEqual([]);
  });
});

describe('field texts', () => {
  const ru = (code: string, params?: Record<string, unknown>) => fieldIssueText({ path: 'x', code, params: params as never }, 'ru');

  it('bounds read as Russian does, with the right word form', () => {
    expect(ru('too-small', { minimum: 1, type: 'string' })).toBe('Заполните поле');
    expect(ru('too-small', { minimum: 10, type: 'string' })).toBe('Не короче 10 символов');
    expect(ru('too-big', { maximum: 21, type: 'string' })).toBe('Не длиннее 21 символа');
    expect(ru('too-big', { maximum: 20_000, type: 'string' })).toBe('Не длиннее 20\u00a0000 символов');
    expect(ru('too-big', { maximum: 50, type: 'array' })).toBe('Не больше 50 элементов');
    expect(ru('too-small', { minimum: 1, type: 'array' })).toBe('Добавьте хотя бы одно значение');
    expect(ru('too-small', { minimum: 0, type: 'number', inclusive: false })).toBe('Больше 0');
    expect(ru('too-big', { maximum: 100, type: 'number' })).toBe('Не больше 100');
    expect(fieldIssueText({ path: 'x', code: 'too-small', params: { minimum: 10, type: 'string' } }, 'en')).toBe('At least 10 characters');
  });

  it('an error map words a form\'s own checks as the API does, telling absent from empty by the raw input', () => {
    const r = registerBody.safeParse({ email: 'a@b', password: 'short' }, { error: fieldErrorMap('ru') });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['email', 'Неверный адрес электронной почты'],
      ['password', 'Не короче 12 символов (пробелы в начале и в конце не считаются)'],
      ['fullName', 'Обязательное поле'],
    ]);
    expect(loginBody.safeParse({ email: 'a@b.ru', password: '' }, { error: fieldErrorMap('en') }).error!.issues[0]!.message).toBe('Fill this in');
  });
});
