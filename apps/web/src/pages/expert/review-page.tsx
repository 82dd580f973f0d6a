// One assignment: the application on the left, the scoring form on the right (stacked on a phone); decline with a reason.
import { useState } from 'react';
import { Anchor, Button, Grid, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { assignmentKeys, declineAssignment, myAssignmentsQuery } from '../../api/assignments';
import { applicationQuery } from '../../api/applications';
import { competitionQuery } from '../../api/competitions';
import { reviewKeys, reviewQuery, saveReview, submitReview } from '../../api/reviews';
import { FormProblem, useFieldError } from '../../components/field-error';
import { PageTitle } from '../../components/page-title';
import { StatusBadge } from '../../components/status-badge';
import { ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { ApplicationView } from './application-view';
import { ScoringForm } from './scoring-form';

function DeclineButton({ assignmentId }: { assignmentId: string }) {
  const t = useT('expert').form;
  const tc = useT('common');
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: () => declineAssignment(assignmentId, reason.trim()),
    onSuccess: (r) => {
      queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
      notify(r.replaced ? t.declinedReplaced : t.declinedNotReplaced, { title: t.declined });
      navigate('/expert');
    },
  });
  const missing = touched && !reason.trim();
  const fieldError = useFieldError(mutation.error);
  return (
    <>
      <Button variant="outline" color="red.9" onClick={() => setOpened(true)}>{t.decline}</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t.declineTitle} centered>
        <form noValidate onSubmit={(e) => { e.preventDefault(); setTouched(true); if (reason.trim()) mutation.mutate(); }}>
          <Stack>
            <Text size="sm">{t.declineText}</Text>
            <FormProblem error={mutation.error} shownPaths={['reason']} />
            <Textarea label={t.declineReason} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
              error={missing ? t.reasonRequired : fieldError('reason')} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>{tc.cancel}</Button>
              <Button type="submit" color="red" loading={mutation.isPending}>{t.declineConfirm}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const t = useT('expert').form;
  const tc = useT('common');
  const queryClient = useQueryClient();
  const assignments = useQuery(myAssignmentsQuery());
  const assignment = assignments.data?.items.find((a) => a.id === id);
  const review = useQuery(reviewQuery(id));
  const application = useQuery({ ...applicationQuery(assignment?.applicationId ?? ''), enabled: !!assignment && assignment.status !== 'declined' });
  const competition = useQuery({ ...competitionQuery(assignment?.competitionId ?? ''), enabled: !!assignment });

  if (assignments.isPending || review.isPending) return <Loading />;
  if (!assignment) return <ErrorState error={assignments.error ?? review.error} message={assignments.isError ? undefined : tc.notFoundText} />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => review.refetch()} />;
  if (application.isError) return <ErrorState error={application.error} onRetry={() => application.refetch()} />;
  if (competition.isError) return <ErrorState error={competition.error} onRetry={() => competition.refetch()} />;
  if (application.isPending || competition.isPending) return <Loading />;

  const a = application.data;
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: reviewKeys.one(id) });
    queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
  };

  return (
    <>
      <Anchor component={Link} to="/expert" size="sm">← {t.back}</Anchor>
      <PageTitle
        title={`${a.number}. ${a.title ?? ''}`}
        subtitle={<Group gap="xs" component="span"><StatusBadge kind="application" status={a.status} /> <span>{competition.data.title}</span></Group>}
        actions={assignment.status === 'assigned' ? <DeclineButton assignmentId={id} /> : undefined}
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ApplicationView application={a} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
            <ScoringForm
              criteria={competition.data.criteria}
              review={review.data}
              readOnly={assignment.status !== 'assigned'}
              saveDraft={async (input) => {
                const saved = await saveReview(id, input);
                queryClient.setQueryData(reviewKeys.one(id), saved);
                return saved;
              }}
              submit={() => submitReview(id)}
              onSubmitted={refresh}
              onReload={async () => (await review.refetch()).data}
            />
        </Grid.Col>
      </Grid>
    </>
  );
}
