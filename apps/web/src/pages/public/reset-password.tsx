// The page a reset link opens (/reset-password?token=…): the new password twice, with the policy's meter. The link
// is single use and valid for an hour; when it is neither, the page says which and offers a new one.
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { password } from '@konkurs/shared';
import { confirmPasswordReset } from '../../api/auth';
import { useAuth } from '../../auth/auth';
import { FormProblem, useProblemText } from '../../components/field-error';
import { applyProblemToForm } from '../../components/form-resolver';
import { PageTitle } from '../../components/page-title';
import { NewPasswordInput } from '../../components/password-field';
import { useT } from '../../i18n';
import { AuthCard, linkProblem, useResolverWithChecks } from './account-forms';
import type { SignInNotice } from './sign-in';

const resetForm = z.object({ password });
type ResetValues = { password: string; repeat: string };

function LinkRefused({ message }: { message: string }) {
  const t = useT('public').resetPassword;
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        <Anchor component={Link} to="/forgot-password" size="sm" fw={600}>{t.requestNew}</Anchor>
      </Stack>
    </Alert>
  );
}

export function ResetPasswordPage() {
  const t = useT('public').resetPassword;
  const text = useProblemText();
  const { token: signedIn, signOut } = useAuth();
  const navigate = useNavigate();
  const token = useSearchParams()[0].get('token') ?? '';
  const resolver = useResolverWithChecks<z.output<typeof resetForm>, ResetValues>(resetForm,
    (v) => ({ repeat: v.repeat === v.password ? undefined : t.mismatch }));
  const form = useForm<ResetValues, unknown, z.output<typeof resetForm>>({ resolver, defaultValues: { password: '', repeat: '' } });
  const mutation = useMutation({
    mutationFn: (v: z.output<typeof resetForm>) => confirmPasswordReset({ token, password: v.password }),
    onSuccess: async () => {
      // Every session of the account has ended; one this browser held for it (or anyone) is of no use now.
      if (signedIn) await signOut();
      navigate('/signin', { replace: true, state: { notice: 'password-reset' } satisfies SignInNotice });
    },
    onError: (e) => applyProblemToForm(e, ['password'], form.setError, text),
  });
  const refused = linkProblem(mutation.error);
  const err = form.formState.errors;
  return (
    <AuthCard>
      <PageTitle title={t.title} subtitle={token && !refused ? t.intro : undefined} />
      {!token ? (
        <LinkRefused message={t.noToken} />
      ) : refused ? (
        <LinkRefused message={refused === 'expired' ? t.expired : t.invalid} />
      ) : (
        <form noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
          <Stack>
            <FormProblem error={mutation.error} shownPaths={['password', 'token']} />
            {/* Mantine's PasswordInput marks an error by its colour only: aria-invalid says it to a screen reader too. */}
            <NewPasswordInput label={t.password} required {...form.register('password')} error={err.password?.message} aria-invalid={!!err.password}
              password={form.watch('password')} />
            <PasswordInput label={t.repeat} autoComplete="new-password" required {...form.register('repeat')} error={err.repeat?.message} aria-invalid={!!err.repeat} />
            <Button type="submit" loading={mutation.isPending}>{t.submit}</Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
