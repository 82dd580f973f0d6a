// One assignment: the application on the left, the scoring form on the right (stacked on a phone); decline with a reason.
import { Anchor, Grid, Group } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { assignmentKeys, declineAssignment, myAssignmentsQuery } from '../../api/assignments';
import { applicationQuery } from '../../api/applications';
import { competitionQuery } from '../../api/competitions';
import { reviewKeys, reviewQuery, saveReview, submitReview } from '../../api/reviews';
import { ConfirmButton } from '../../components/confirm-button';
import { PageTitle } from '../../components/page-title';
import { StatusBadge } from '../../components/status-badge';
import { ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { ApplicationView } from './application-view';
import { closedReason } from './closed';
import { ScoringForm } from './scoring-form';

function DeclineButton({ assignmentId }: { assignmentId: string }) {
  const t = useT('expert').form;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: (reason: string) => declineAssignment(assignmentId, reason),
    onSuccess: (r) => {
      queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
      notify(r.replaced ? t.declinedReplaced : t.declinedNotReplaced, { title: t.declined });
      navigate('/expert');
    },
  });
  return (
    <ConfirmButton variant="outline" color="red.9" label={t.decline} title={t.declineTitle} text={t.declineText}
      reason={{ label: t.declineReason, missing: t.reasonRequired }} confirmLabel={t.declineConfirm} confirmColor="red"
      onConfirm={(reason) => mutation.mutateAsync(reason)} />
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const t = useT('expert').form;
  const tc = useT('common');
  const tq = useT('expert').queue;
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
  const closed = closedReason(assignment, competition.data.status, a.status);
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
        actions={assignment.status === 'assigned' && !closed ? <DeclineButton assignmentId={id} /> : undefined}
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ApplicationView application={a} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
            <ScoringForm
              // A submitted review is a new form (read-only, its local copy dropped); autosaves do not remount it.
              key={`${id}:${review.data.status}`}
              criteria={competition.data.criteria}
              review={review.data}
              readOnly={assignment.status !== 'assigned' || closed !== null}
              closedText={closed ? tq.closedReason[closed] : undefined}
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
