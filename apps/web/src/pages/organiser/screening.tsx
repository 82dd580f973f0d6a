// Screening: each submitted application admitted to review or rejected with a reason (the applicant sees it).
import { useState } from 'react';
import { Alert, Badge, Button, Drawer, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { COUNTED_AS_ADMITTED, SCREENABLE, type ApplicationSummary, type Competition } from '@konkurs/shared';
import { applicationKeys, applicationQuery, applicationsQuery } from '../../api/applications';
import { screenApplication, type ScreeningDecision } from '../../api/screening';
import { DateText } from '../../components/date-text';
import { ScrollRegion } from '../../components/scroll-region';
import { FormProblem, useFieldError } from '../../components/field-error';
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

function RejectDialog({ application, onClose, onReject, pending, error }: {
  application: ApplicationSummary | null; onClose: () => void; onReject: (reason: string) => void; pending: boolean; error: unknown;
}) {
  const t = useT('organiser').screening;
  const tc = useT('common');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const fieldError = useFieldError(error);
  return (
    <Modal opened={!!application} onClose={onClose} title={application ? t.rejectTitle(application.number) : ''} centered>
      <form noValidate onSubmit={(e) => { e.preventDefault(); setTouched(true); if (reason.trim()) onReject(reason.trim()); }}>
        <Stack>
          <FormProblem error={error} shownPaths={['reason']} />
          <Textarea label={t.reason} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus
            error={touched && !reason.trim() ? t.reasonRequired : fieldError('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{tc.cancel}</Button>
            <Button type="submit" color="red" loading={pending}>{t.reject}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ScreeningTab({ competition }: { competition: Competition }) {
  const t = useT('organiser').screening;
  const queryClient = useQueryClient();
  const [viewing, setViewing] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ApplicationSummary | null>(null);
  const all = useQuery({ ...applicationsQuery({ competitionId: competition.id, limit: 500 }), staleTime: 0 });
  const mutation = useMutation({
    mutationFn: ({ id, body }: { id: string; number: string; body: ScreeningDecision }) => screenApplication(id, body),
    onSuccess: (_r, v) => {
      queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      notify(t.done(v.number));
      setRejecting(null);
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
      {!rejecting && <FormProblem error={mutation.error} />}
      {waiting.length === 0 ? <EmptyState title={t.empty} /> : (
        <ScrollRegion minWidth={820}>
          <Table striped highlightOnHover aria-label={t.tableLabel}>
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
                      <Button size="xs" color="red" variant="outline" disabled={competition.status !== 'review'}
                        onClick={() => { mutation.reset(); setRejecting(a); }} aria-label={`${t.reject}: ${a.number}`}>{t.reject}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <ApplicationDrawer applicationId={viewing} onClose={() => setViewing(null)} />
      <RejectDialog key={rejecting?.id} application={rejecting} onClose={() => setRejecting(null)} pending={mutation.isPending} error={mutation.error}
        onReject={(reason) => rejecting && mutation.mutate({ id: rejecting.id, number: rejecting.number, body: { decision: 'reject', reason } })} />
    </Stack>
  );
}
