// Screening: each submitted application admitted to review or rejected with a reason (the applicant sees it).
import { useState } from 'react';
import { Alert, Badge, Button, Drawer, Group, Stack, Table } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { COUNTED_AS_ADMITTED, SCREENABLE, type Competition } from '@konkurs/shared';
import { applicationKeys, applicationQuery, applicationsQuery } from '../../api/applications';
import { screenApplication, type ScreeningDecision } from '../../api/screening';
import { DateText } from '../../components/date-text';
import { ScrollTable } from '../../components/scroll-region';
import { ConfirmButton } from '../../components/confirm-button';
import { FormProblem } from '../../components/field-error';
import { Money } from '../../components/money';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { ApplicationView } from '../expert/application-view';

/** The application read in a side panel, so the list stays where it was. */
export function ApplicationDrawer({ applicationId, onClose }: { applicationId: string | null; onClose: () => void }) {
  const query = useQuery({ ...applicationQuery(applicationId ?? ''), enabled: !!applicationId });
  return (
    <Drawer opened={!!applicationId} onClose={onClose} position="right" size="xl" title={query.data ? `${query.data.number}. ${query.data.title ?? ''}` : ''}>
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} /> : <ApplicationView application={query.data} />}
    </Drawer>
  );
}

export function ScreeningTab({ competition }: { competition: Competition }) {
  const t = useT('organiser').screening;
  const queryClient = useQueryClient();
  const [viewing, setViewing] = useState<string | null>(null);
  const all = useQuery({ ...applicationsQuery({ competitionId: competition.id, limit: 500 }), staleTime: 0 });
  const mutation = useMutation({
    mutationFn: ({ id, body }: { id: string; number: string; body: ScreeningDecision }) => screenApplication(id, body),
    onSuccess: (_r, v) => {
      queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      notify(t.done(v.number));
    },
  });

  if (all.isPending) return <Loading />;
  if (all.isError) return <ErrorState error={all.error} onRetry={() => all.refetch()} />;
  const items = all.data.items;
  const waiting = items.filter((a) => SCREENABLE.includes(a.status));
  const rejected = items.filter((a) => a.status === 'rejected').length;
  const admitted = items.filter((a) => COUNTED_AS_ADMITTED.includes(a.status)).length;

  return (
    <Stack>
      {competition.status !== 'review' && <Alert color="blue" variant="light">{t.notInReview}</Alert>}
      <Group gap="xs">
        <Badge variant="light" color="blue" c="blue.9" tt="none" size="lg">{t.waiting(waiting.length)}</Badge>
        <Badge variant="light" color="green" c="green.9" tt="none" size="lg">{t.admitted(admitted)}</Badge>
        <Badge variant="light" color="red" c="red.9" tt="none" size="lg">{t.rejected(rejected)}</Badge>
      </Group>
      {/* A refused rejection is shown in its dialog. */}
      {mutation.variables?.body.decision === 'admit' && <FormProblem error={mutation.error} />}
      {waiting.length === 0 ? <EmptyState title={t.empty} /> : (
        <ScrollTable minWidth={820} label={t.tableLabel} striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.number}</Table.Th><Table.Th>{t.project}</Table.Th><Table.Th>{t.organization}</Table.Th>
              <Table.Th ta="right">{t.requested}</Table.Th><Table.Th>{t.submittedAt}</Table.Th><Table.Th>{t.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waiting.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.number}</Table.Td>
                <Table.Td>{a.title ?? '—'}</Table.Td>
                <Table.Td>{a.organizationName}</Table.Td>
                <Table.Td ta="right"><Money kopecks={a.requestedKopecks} /></Table.Td>
                <Table.Td><DateText value={a.submittedAt} withTime timeZone={competition.timezone} /></Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setViewing(a.id)} aria-label={`${t.view}: ${a.number}`}>{t.view}</Button>
                    <Button size="xs" color="green.9" disabled={competition.status !== 'review'} loading={mutation.isPending && mutation.variables?.id === a.id && mutation.variables.body.decision === 'admit'}
                      onClick={() => mutation.mutate({ id: a.id, number: a.number, body: { decision: 'admit' } })} aria-label={`${t.admit}: ${a.number}`}>{t.admit}</Button>
                    <ConfirmButton size="xs" color="red" variant="outline" disabled={competition.status !== 'review'} aria-label={`${t.reject}: ${a.number}`}
                      label={t.reject} title={t.rejectTitle(a.number)} reason={{ label: t.reason, missing: t.reasonRequired }} confirmLabel={t.reject} confirmColor="red"
                      onConfirm={(reason) => mutation.mutateAsync({ id: a.id, number: a.number, body: { decision: 'reject', reason } })} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      <ApplicationDrawer applicationId={viewing} onClose={() => setViewing(null)} />
    </Stack>
  );
}
