// The page a confirmation link opens (/verify-email?token=…): it confirms on opening and says how it went. The
// signed-in user's banner (components/account-banner.tsx) goes with the answer, and offers another e-mail if the
// link was refused.
import { useEffect, useRef } from 'react';
import { Alert, Button, Loader, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { verifyEmail } from '../../api/auth';
import { HOME_OF_ROLE, useAuth } from '../../auth/auth';
import { ErrorState } from '../../components/states';
import { PageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { AuthCard, linkProblem } from './account-forms';

export function VerifyEmailPage() {
  const t = useT('public').verifyEmail;
  const token = useSearchParams()[0].get('token') ?? '';
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth', 'me'] }),
  });
  // The secret is single use: sent once per token, whatever renders the page twice (StrictMode, a remount).
  const sent = useRef<string | null>(null);
  const { mutate } = mutation;
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate({ token });
  }, [token, mutate]);

  const refused = linkProblem(mutation.error);
  const next = user ? HOME_OF_ROLE[user.role] : '/signin';
  return (
    <AuthCard>
      <PageTitle title={t.title} />
      {!token ? (
        <Alert color="red" variant="light" role="alert">{t.noToken}</Alert>
      ) : mutation.isSuccess ? (
        <Stack>
          <Alert color="green" variant="light" role="status">{t.done}</Alert>
          <Group><Button component={Link} to={next}>{user ? t.toHome : t.toSignIn}</Button></Group>
        </Stack>
      ) : refused ? (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{refused === 'expired' ? t.expired : t.invalid}</Text>
          <Text size="sm" mt="xs">{user ? t.resendHint : t.signInHint}</Text>
        </Alert>
      ) : mutation.isError ? (
        <ErrorState error={mutation.error} onRetry={() => mutate({ token })} />
      ) : (
        <Group gap="sm" role="status"><Loader size="sm" /><Text size="sm">{t.checking}</Text></Group>
      )}
    </AuthCard>
  );
}
