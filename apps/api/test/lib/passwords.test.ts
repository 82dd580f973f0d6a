// The password policy as the server applies it: whatever it accepts is 12 characters or more without the spaces
// around and more than one character, it never accepts the e-mail, and a first admin with a weak password does
// not start the server.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordRuleIssues } from '@konkurs/shared';
import { passwordVerdict } from '@konkurs/shared/password-strength';
import { loadConfig } from '../../src/config.js';
import { DomainError } from '../../src/domain/errors.js';
import { checkNewPassword } from '../../src/lib/passwords.js';

const chars = (s: string) => [...s];
/** Near the rules' edges: short and long, one character, padded with spaces, letters of several alphabets. */
const candidate = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', minLength: 8, maxLength: 20 }),
  fc.tuple(fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme-composite' }), fc.integer({ min: 1, max: 40 })).map(([c, n]) => c.repeat(n)),
  fc.tuple(fc.string({ maxLength: 14 }), fc.integer({ min: 0, max: 12 })).map(([core, n]) => ' '.repeat(n) + core + ' '.repeat(n)),
  fc.stringMatching(/^[A-Za-zА-Яа-я0-9!-]{10,16}$/),
);

describe('checkNewPassword', () => {
  it('accepts only passwords of 12 characters or more (spaces at either end not counted) of more than one character', () => {
    fc.assert(fc.property(candidate, (password) => {
      if (passwordVerdict(password).issues.length) return;
      expect(chars(password.trim()).length).toBeGreaterThanOrEqual(12);
      expect(new Set(chars(password.toLowerCase())).size).toBeGreaterThan(1);
    }), { numRuns: 400 });
  });

  it('never accepts the e-mail or its local part, in any case', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9.]{11,20}$/);
    fc.assert(fc.property(local, fc.constantFrom('example.org', 'mail.ru'), fc.boolean(), (name, domain, upper) => {
      const email = `${name}@${domain}`;
      for (const typed of [email, name]) expect(passwordRuleIssues(upper ? typed.toUpperCase() : typed, email)).toContain('password-is-email');
    }), { numRuns: 200 });
    // The whole verdict says so too, before zxcvbn's score.
    expect(passwordVerdict('Root.Admin.2027@example.org', 'root.admin.2027@example.org').issues).toEqual(['password-is-email']);
  });

  it('refuses with every broken rule on the field it names, and lets a good password through', () => {
    const refusal = (() => { try { checkNewPassword(' '.repeat(12), 'a@b.example', 'password'); } catch (e) { return e; } })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ kind: 'invalid', code: 'invalid-request',
      errors: [{ path: 'password', code: 'password-too-short' }, { path: 'password', code: 'password-repeated' }] });
    expect(() => checkNewPassword('Konkurs-demo-2026', 'demo@konkurs.demo')).not.toThrow();
  });
});

describe('ADMIN_PASSWORD', () => {
  const env = (ADMIN_PASSWORD: string) => ({ NODE_ENV: 'test', ADMIN_EMAIL: 'root.admin@example.org', ADMIN_PASSWORD });

  it('stops the server with a clear message when it breaks the policy', () => {
    expect(() => loadConfig(env('aaaaaaaaaaaa'))).toThrow(/ADMIN_PASSWORD: Not one character repeated/);
    expect(() => loadConfig(env('admin-pass'))).toThrow(/ADMIN_PASSWORD: At least 12 characters/);
    expect(() => loadConfig(env('1q2w3e4r5t6y'))).toThrow(/ADMIN_PASSWORD: Too common or too easy to guess/);
    expect(() => loadConfig(env('Root.Admin@example.org'))).toThrow(/ADMIN_PASSWORD: Not the e-mail address/);
  });

  it('is taken when it keeps the policy (the acceptance check\'s own)', () => {
    expect(loadConfig(env('Adm1n-pass-2026!')).ADMIN_PASSWORD).toBe('Adm1n-pass-2026!');
    expect(loadConfig({ NODE_ENV: 'test' }).ADMIN_PASSWORD).toBeUndefined();
  });
});
