// The page an e-mail's "Отписаться от таких писем" opens (`/unsubscribe?token=`): it turns that kind's e-mails off at
// once (the token says whose and which; the server checks its signature), then says which kind and links to the
// settings, where it can be turned back on. The inbox keeps getting that kind.
import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { unsubscribe, unsubscribeKind } from '../../api/notifications';
import { PageTitle } from '../../components/page-title';
import { ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';

export function UnsubscribePage() {
  const t = useT('notifications');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const mutation = useMutation({ mutationFn: () => unsubscribe(token) });
  // Once per token, even when React runs effects twice (development).
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutation.mutate();
  }, [token, mutation]);
  const kind = unsubscribeKind(token);
  const settings = <Group><Button component={Link} to="/notifications/settings" variant="default">{t.unsubscribe.settings}</Button></Group>;
  return (
    <>
      <PageTitle title={t.unsubscribe.title} />
      <Stack maw={640}>
        {!token ? <ErrorState title={t.unsubscribe.failed} message={t.unsubscribe.noToken} />
          : mutation.isError ? <ErrorState title={t.unsubscribe.failed} error={mutation.error} />
          : mutation.isSuccess ? (
            <Alert color="green.9" variant="outline" role="status" title={kind ? t.unsubscribe.done(t.kinds[kind]) : t.unsubscribe.doneAny} data-testid="unsubscribed">
              <Text size="sm">{t.unsubscribe.inboxStill}</Text>
            </Alert>
          ) : <Loading label={t.unsubscribe.pending} />}
        {(!token || mutation.isSuccess || mutation.isError) && settings}
      </Stack>
    </>
  );
}
