// One application: the editor while it is a draft, otherwise what was submitted, its status, the
// withdraw action, and after publication the experts' scores and comments.
import { Alert, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { hasResults, isWithdrawable, type Application, type Competition } from '@konkurs/shared';
import { applicationKeys, applicationQuery, withdrawApplication } from '../../api/applications';
import { competitionQuery } from '../../api/competitions';
import { DateText } from '../../components/date-text';
import { ConfirmButton } from '../../components/confirm-button';
import { Money } from '../../components/money';
import { PageTitle } from '../../components/page-title';
import { ErrorState, Loading } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { DeleteDraftButton, HideButton } from './application-actions';
import { ApplicationContent } from './application-content';
import { ApplicationEditor } from './editor/application-editor';
import { ResultsPanel } from './results-panel';
import { ApplicationReports, DocumentButtons } from './reports/reports-section';

function WithdrawButton({ application }: { application: Application }) {
  const t = useT('applicant').view;
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => withdrawApplication(application.id),
    onSuccess: async () => {
      notify(t.withdrawn, { color: 'gray' });
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
  if (!isWithdrawable(application.status)) return null;
  return (
    <ConfirmButton variant="outline" color="red.9" label={t.withdraw} title={t.withdrawTitle} text={t.withdrawText}
      confirmLabel={t.withdraw} confirmColor="red.9" onConfirm={() => mutation.mutateAsync()} />
  );
}

function ApplicationView({ application: app, competition }: { application: Application; competition: Competition }) {
  const t = useT('applicant').view;
  return (
    <Stack gap="md">
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.status}</Text><StatusBadge kind="application" status={app.status} /></div>
          <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.submittedAt}</Text><Text><DateText value={app.submittedAt} withTime timeZone={competition.timezone} /></Text></div>
          <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.requested}</Text><Text><Money kopecks={app.requestedKopecks} /></Text></div>
          {app.awardedKopecks !== null && <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.awarded}</Text><Text fw={700}><Money kopecks={app.awardedKopecks} /></Text></div>}
        </SimpleGrid>
        {app.status === 'rejected' && app.screeningReason && <Alert color="red" mt="md" title={t.screeningReason}>{app.screeningReason}</Alert>}
        {/* A winner's documents are in its «Отчёты» section. */}
        {app.status !== 'winner' && app.submittedAt && <Group mt="md"><DocumentButtons application={app} /></Group>}
      </Card>
      {app.status === 'winner' && <ApplicationReports application={app} competition={competition} />}
      {hasResults(app.status) && (
        <Card withBorder padding="lg" component="section" aria-labelledby="results-title">
          <Title order={2} fz="lg" mb="md" id="results-title">{t.results}</Title>
          <ResultsPanel application={app} competition={competition} />
        </Card>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="content-title">
        <Title order={2} fz="lg" mb="md" id="content-title">{t.content}</Title>
        <ApplicationContent application={app} />
      </Card>
    </Stack>
  );
}

export function ApplicationPage() {
  const { id = '' } = useParams();
  const a = useT('applicant');
  const navigate = useNavigate();
  const app = useQuery(applicationQuery(id));
  const competition = useQuery({ ...competitionQuery(app.data?.competitionId ?? ''), enabled: !!app.data });
  if (app.isPending || (app.data && competition.isPending)) return <Loading />;
  if (app.isError) return <ErrorState error={app.error} onRetry={() => app.refetch()} />;
  if (competition.isError) return <ErrorState error={competition.error} onRetry={() => competition.refetch()} />;
  const application = app.data;
  return (
    <>
      <PageTitle
        title={application.title || a.applications.untitled}
        subtitle={<>{application.number} · {application.competitionTitle} · {application.organizationName}</>}
        actions={<>
          <StatusBadge kind="application" status={application.status} />
          <DeleteDraftButton application={application} onDeleted={() => navigate('/applicant/applications', { replace: true })} />
          <WithdrawButton application={application} />
          <HideButton application={application} />
        </>}
      />
      {application.status === 'draft' ? (
        // Keyed by id: another application gets a fresh editor (and a fresh autosave state).
        <ApplicationEditor key={application.id} application={application} competition={competition.data!} />
      ) : (
        <ApplicationView application={application} competition={competition.data!} />
      )}
    </>
  );
}
