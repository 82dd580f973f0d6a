// Under the header while the signed-in user's e-mail is not confirmed: where the confirmation went, and another one
// on request. Notifications by e-mail wait for the confirmation (services/notifications.ts), so it is worth asking.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { resendVerification } from '../api/auth';
import { isApiError } from '../api/client';
import { useAuth } from '../auth/auth';
import { useT } from '../i18n';
import { useProblemText } from './field-error';

export function AccountBanner() {
  const { user } = useAuth();
  const common = useT('common');
  const t = common.accountBanner;
  const text = useProblemText();
  const resend = useMutation({ mutationFn: resendVerification });
  // The consent screen comes first; an account whose address is confirmed has nothing to do here.
  if (!user || user.emailVerified || user.consentRequired) return null;
  return (
    <Alert color="yellow" variant="light" mb="md" role="status" data-testid="account-banner">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t.unverified(user.email)}</Text>
        {resend.isSuccess ? (
          <Text size="sm" fw={600} role="status">{t.sent}</Text>
        ) : (
          <Button size="xs" variant="outline" color="dark" onClick={() => resend.mutate()} loading={resend.isPending}>{t.resend}</Button>
        )}
      </Group>
      {resend.isError && <Text size="sm" c="red.8" mt="xs" role="alert">{isApiError(resend.error, 0) ? common.networkError : text(resend.error)}</Text>}
    </Alert>
  );
}
