// Consent to the processing of personal data (152-ФЗ): its text in force (GET /legal/consent), readable by anyone at
// /consent, and the screen an applicant who has not given it sees in place of any page until they do or sign out.
import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { formatDate } from '@konkurs/shared';
import { consentTextQuery, giveConsent, type ConsentText } from '../../api/auth';
import { useAuth } from '../../auth/auth';
import { FormProblem } from '../../components/field-error';
import { PageTitle } from '../../components/page-title';
import { ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { AuthCard } from './account-forms';

/** A version is the day the text came into force (`2026-12-01`), said as a date; any other as it is. */
const versionDate = (version: string) => (/^\d{4}-\d{2}-\d{2}$/.test(version) ? formatDate(version) : version);

function ConsentBody({ consent }: { consent: ConsentText }) {
  const t = useT('public').consent;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">{t.version(versionDate(consent.version))}</Text>
      {consent.text.split(/\n\s*\n/).map((paragraph, i) => (
        <Text key={i} size="sm" style={{ whiteSpace: 'pre-line' }}>{paragraph.trim()}</Text>
      ))}
    </Stack>
  );
}

/** The text itself, linked from the sign-up form. */
export function ConsentPage() {
  const t = useT('public').consent;
  const consent = useQuery(consentTextQuery());
  return (
    <AuthCard maw={760}>
      <PageTitle title={consent.data?.title ?? t.title} />
      {consent.isPending ? <Loading /> : consent.isError ? <ErrorState error={consent.error} onRetry={() => void consent.refetch()} /> : <ConsentBody consent={consent.data} />}
    </AuthCard>
  );
}

/**
 * Shown instead of the page asked for while `/auth/me` says consent is required: the text and «Даю согласие», or
 * signing out. Once given, `/auth/me` says so and the page asked for renders where this screen was.
 */
export function ConsentScreen() {
  const t = useT('public').consent;
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const consent = useQuery(consentTextQuery());
  const accept = useMutation({
    mutationFn: (shown: ConsentText) => giveConsent({ consent: { version: shown.version, accepted: true } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth', 'me'] }),
    // A text replaced meanwhile: the new one is fetched and shown, to be read and accepted.
    onError: () => queryClient.invalidateQueries({ queryKey: consentTextQuery().queryKey }),
  });
  return (
    <AuthCard maw={760}>
      <PageTitle title={consent.data?.title ?? t.title} subtitle={t.required} />
      {consent.isPending ? <Loading /> : consent.isError ? <ErrorState error={consent.error} onRetry={() => void consent.refetch()} /> : (
        <Stack>
          {/* A long text scrolls in a region of its own, focusable so that the keyboard scrolls it too; the buttons stay in sight. */}
          <Box tabIndex={0} role="region" aria-label={consent.data.title} mah="50vh" p="sm" style={{ overflowY: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
            <ConsentBody consent={consent.data} />
          </Box>
          <FormProblem error={accept.error} />
          <Group>
            <Button onClick={() => accept.mutate(consent.data)} loading={accept.isPending}>{t.accept}</Button>
            <Button variant="default" onClick={async () => { await signOut(); navigate('/'); }}>{t.signOut}</Button>
          </Group>
        </Stack>
      )}
    </AuthCard>
  );
}
