// The field where a new password is typed (sign-up, an account the admin or an organiser makes), with the policy's
// meter under it: a bar and a word for the strength and the rules still broken, in the words the server refuses
// with. The common-password list and zxcvbn-ts (@konkurs/shared/password-strength) load when the field first shows,
// so the first visit does not carry them; until then the meter knows the rules without a list.
import { useEffect, useMemo, useState } from 'react';
import { List, PasswordInput, Progress, Stack, Text, type PasswordInputProps } from '@mantine/core';
import { messageText, passwordRuleIssues } from '@konkurs/shared';
import type { PasswordStrength, PasswordVerdict } from '@konkurs/shared/password-strength';
import { useLang, useT } from '../i18n';

type Judge = (password: string, email?: string) => PasswordVerdict;
let judge: Promise<Judge> | undefined;
const loadJudge = () => (judge ??= import('@konkurs/shared/password-strength').then((m) => m.passwordVerdict));

/** The whole verdict once the checker has loaded; before, the rules without a list and no score. */
function usePasswordVerdict(password: string, email: string | undefined): Pick<PasswordVerdict, 'issues'> & { strength?: PasswordStrength } {
  const [check, setCheck] = useState<Judge>();
  useEffect(() => {
    let live = true;
    void loadJudge().then((j) => live && setCheck(() => j));
    return () => { live = false; };
  }, []);
  return useMemo(() => {
    if (check) return check(password, email);
    const issues = passwordRuleIssues(password, email);
    return { issues, strength: issues.length ? 'weak' : undefined };
  }, [check, password, email]);
}

const BAR: Record<PasswordStrength, { value: number; color: string }> = {
  weak: { value: 25, color: 'red' }, fair: { value: 60, color: 'yellow' }, strong: { value: 100, color: 'teal' },
};

/**
 * The bar, the word and the broken rules of what is typed; nothing while the field is empty. `showRules` false: the
 * field shows a refusal already, in the same words.
 */
export function PasswordStrengthMeter({ password, email, showRules = true }: { password: string; email?: string; showRules?: boolean }) {
  const t = useT('common').passwordStrength;
  const { lang } = useLang();
  const { issues, strength } = usePasswordVerdict(password, email);
  if (!password) return null;
  const word = strength ? t[strength] : '…';
  return (
    <Stack gap={4} aria-live="polite" data-testid="password-strength">
      <Progress.Root size="sm">
        {strength && (
          // Mantine's own attributes would read "25%"; the word is what the bar means.
          <Progress.Section value={BAR[strength].value} color={BAR[strength].color} withAria={false} role="progressbar"
            aria-label={t.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={BAR[strength].value} aria-valuetext={word} />
        )}
      </Progress.Root>
      <Text size="sm">{t.label}: <Text span fw={600} c={strength === 'weak' ? 'red.8' : undefined}>{word}</Text></Text>
      {showRules && issues.length > 0 && (
        <List size="sm">
          {issues.map((code) => <List.Item key={code}>{messageText(code, {}, { lang })}</List.Item>)}
        </List>
      )}
    </Stack>
  );
}

/** A PasswordInput for a new password with the meter under it; `password` is what it holds now (the form's watch). */
export function NewPasswordInput({ password, email, ...props }: PasswordInputProps & { password: string; email?: string }) {
  return (
    <Stack gap={6}>
      <PasswordInput autoComplete="new-password" {...props} />
      <PasswordStrengthMeter password={password} email={email} showRules={!props.error} />
    </Stack>
  );
}
