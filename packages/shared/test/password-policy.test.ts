// The password policy of PRODUCT.md rule by rule: the passwords the audit signed up with fail, each by its code,
// the list is the long one the policy asks for, and every code has its words.
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isKnownMessage, messageText, password, PASSWORD_RULES, passwordRuleIssues } from '../src/index.js';
import { COMMON_PASSWORDS, passwordVerdict } from '../src/password-strength.js';

const EMAIL = 'Ivan.Petrov@Example.org';

describe('the rules without a word list', () => {
  it('a password shorter than 12 characters, spaces at either end not counted, is short', () => {
    expect(passwordRuleIssues('Short-1')).toEqual(['password-too-short']);
    expect(passwordRuleIssues('   Zima-2027   ')).toEqual(['password-too-short']);
    expect(passwordRuleIssues(' '.repeat(10))).toEqual(['password-too-short', 'password-repeated']);
    expect(passwordRuleIssues('Vesna-grant-27')).toEqual([]);
  });

  it('counts characters as a person does: two emoji are two characters, not four', () => {
    expect(passwordRuleIssues('Лес🌲🌲-весна-2')).toEqual([]);
    expect(passwordRuleIssues('🌲🌲🌲🌲🌲🌲')).toEqual(['password-too-short', 'password-repeated']);
  });

  it('one character repeated fails, in any case and as twelve spaces', () => {
    expect(passwordRuleIssues('aaaaaaaaaaaa')).toEqual(['password-repeated']);
    expect(passwordRuleIssues('AAAAaaaaAAAA')).toEqual(['password-repeated']);
    expect(passwordRuleIssues(' '.repeat(12))).toEqual(['password-too-short', 'password-repeated']);
  });

  it('the e-mail or its local part, in any case, fails', () => {
    expect(passwordRuleIssues('ivan.petrov@example.org', EMAIL)).toEqual(['password-is-email']);
    expect(passwordRuleIssues('IVAN.PETROV@EXAMPLE.ORG ', EMAIL)).toEqual(['password-is-email']);
    expect(passwordRuleIssues('ivan.petrov-', 'ivan.petrov-@example.org')).toEqual(['password-is-email']);
    expect(passwordRuleIssues('ivan.petrov@example.org-2027', EMAIL)).toEqual([]);
  });

  it('the shared body schema refuses the audit\'s passwords by the rule\'s code', () => {
    for (const [value, codes] of [['aaaaaaaaaa', ['password-too-short', 'password-repeated']], ['1234567890', ['password-too-short']],
      [' '.repeat(10), ['password-too-short', 'password-repeated']]] as const) {
      const r = password.safeParse(value);
      expect(r.error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code), value).toEqual(codes);
    }
    expect(password.safeParse('Konkurs-demo-2026').success).toBe(true);
  });
});

describe('the whole policy (password-strength)', () => {
  it('has a list of common passwords of at least 10 000', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(10_000);
    expect(COMMON_PASSWORDS).toContain('123456789012');
  });

  it('refuses a listed password of 12 characters and more, in any case', () => {
    for (const listed of ['123456789012', '1q2w3e4r5t6y', 'Qazwsxedcrfv', 'LEAVEMEALONE']) expect(passwordVerdict(listed).issues, listed).toEqual(['password-common']);
  });

  it('refuses what zxcvbn guesses within a million tries: a listed word with a few characters, a keyboard row, a sequence', () => {
    for (const guessable of ['qwertyuiopas', 'password1234', 'Password2026', 'abcdefghijkl']) expect(passwordVerdict(guessable).issues, guessable).toEqual(['password-common']);
  });

  it('refuses the audit\'s passwords and the e-mail, each by the rule it breaks', () => {
    expect(passwordVerdict('aaaaaaaaaaaa').issues).toEqual(['password-repeated']);
    expect(passwordVerdict(' '.repeat(12)).issues).toEqual(['password-too-short', 'password-repeated']);
    expect(passwordVerdict('ivan.petrov@example.org', EMAIL).issues).toEqual(['password-is-email']);
  });

  it('accepts a good password, the demo\'s and the acceptance check\'s, and rates them', () => {
    for (const good of ['Konkurs-demo-2026', 'Smoke-pass-2026!', 'Adm1n-pass-2026!', 'лето в Калуге 2027']) {
      expect(passwordVerdict(good, 'smoke-org@example.org'), good).toMatchObject({ issues: [], strength: 'strong' });
    }
  });

  it('calls weak what it refuses and fair what passes with a middling score', () => {
    expect(passwordVerdict('qwertyuiopas')).toMatchObject({ strength: 'weak' });
    const fair = passwordVerdict('summerkaluga');
    expect(fair.issues).toEqual([]);
    expect(fair).toMatchObject({ strength: 'fair', score: 2 });
  });
});

it('every rule has its Russian and English words', () => {
  for (const code of PASSWORD_RULES) {
    expect(isKnownMessage(code), code).toBe(true);
    expect(messageText(code, {}, { lang: 'ru' })).toMatch(/[А-Яа-яЁё]/);
    expect(messageText(code, {}, { lang: 'en' })).not.toMatch(/[А-Яа-яЁё]/);
  }
});

it('keeps zxcvbn out of the index: only password-strength.ts imports it, and nothing imports password-strength', async () => {
  const src = new URL('../src/', import.meta.url);
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts'));
  const importers = async (re: RegExp) => (await Promise.all(files.map(async (f) => (re.test(await readFile(new URL(f, src), 'utf8')) ? f : null)))).filter(Boolean);
  expect(await importers(/from '@zxcvbn-ts\//)).toEqual(['password-strength.ts']);
  expect(await importers(/(from|import\()\s*'[^']*password-strength/)).toEqual([]);
});
