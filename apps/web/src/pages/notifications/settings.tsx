// The notification settings of any signed-in user: per kind, whether it also comes by e-mail (the inbox always gets
// it), and the language of e-mails and notices. Each change is saved at once (PUT /notification-settings).
import { Button, Card, Group, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { NOTIFICATION_KINDS, type Lang, type NotificationKind, type NotificationSettings } from '@konkurs/shared';
import { notificationKeys, notificationSettingsQuery, saveNotificationSettings } from '../../api/notifications';
import { FormProblem } from '../../components/field-error';
import { PageTitle } from '../../components/page-title';
import { ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';

type Change = { email?: Partial<Record<NotificationKind, boolean>>; language?: Lang };

export function NotificationSettingsPage() {
  const t = useT('notifications');
  const queryClient = useQueryClient();
  const query = useQuery(notificationSettingsQuery());
  const save = useMutation({
    mutationFn: (change: Change) => saveNotificationSettings(change),
    // Shown at once; what the server answers is what stays (or the old settings again, on an error).
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.settings });
      const before = queryClient.getQueryData<NotificationSettings>(notificationKeys.settings);
      if (before) queryClient.setQueryData<NotificationSettings>(notificationKeys.settings, {
        email: { ...before.email, ...change.email }, language: change.language ?? before.language,
      });
      return { before };
    },
    onError: (_e, _change, ctx) => { if (ctx?.before) queryClient.setQueryData(notificationKeys.settings, ctx.before); },
    onSuccess: (saved) => { queryClient.setQueryData(notificationKeys.settings, saved); notify(t.settings.saved); },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['auth', 'me'] }),
  });
  const back = <Button component={Link} to="/notifications" variant="default">{t.settings.back}</Button>;
  return (
    <>
      <PageTitle title={t.settings.title} subtitle={t.settings.subtitle} actions={back} />
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : (
        <Stack>
          <FormProblem error={save.error} />
          <Card withBorder padding="sm" component="section" aria-label={t.settings.kindsLabel}>
            <Stack gap={0} component="ul" p={0} m={0}>
              {NOTIFICATION_KINDS.map((kind, i) => (
                <Group key={kind} component="li" justify="space-between" wrap="nowrap" gap="sm" py="xs"
                  style={{ listStyle: 'none', borderTop: i ? '1px solid var(--mantine-color-gray-3)' : undefined }}>
                  <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{t.kinds[kind]}</Text>
                  <Switch label={t.settings.byEmail} aria-label={t.settings.byEmailOf(t.kinds[kind])} labelPosition="left" style={{ flexShrink: 0 }}
                    checked={query.data.email[kind] ?? true} onChange={(e) => save.mutate({ email: { [kind]: e.currentTarget.checked } })}
                    data-testid={`email-${kind}`} />
                </Group>
              ))}
            </Stack>
          </Card>
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t.settings.language}</Text>
            <SegmentedControl aria-label={t.settings.language} w="fit-content" value={query.data.language}
              onChange={(v) => save.mutate({ language: v as Lang })}
              data={(['ru', 'en'] as const).map((l) => ({ value: l, label: <span lang={l}>{t.settings.languages[l]}</span> }))} />
          </Stack>
        </Stack>
      )}
    </>
  );
}
