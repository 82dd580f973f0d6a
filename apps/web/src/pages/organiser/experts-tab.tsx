// The competition's experts: the pool with each expert's load, adding and creating experts, automatic and
// manual assignment (with what could not be assigned), and how far the review has come.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Group, List, MultiSelect, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isAssignable, type AutoAssignResult, type Competition } from '@konkurs/shared';
import { applicationKeys, applicationsQuery } from '../../api/applications';
import { assignManually, assignmentKeys, autoAssign, competitionAssignmentsQuery } from '../../api/assignments';
import { addToPool, expertPoolQuery, poolKeys, removeFromPool } from '../../api/expert-pool';
import { usersQuery } from '../../api/users';
import { FormProblem, useFieldError, useProblemText } from '../../components/field-error';
import { ScrollTable } from '../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useLang, useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { directionName } from '../../lib/reference';
import { NewExpertDialog } from './new-expert-dialog';

function Pool({ competition }: { competition: Competition }) {
  const t = useT('organiser').experts;
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const pool = useQuery({ ...expertPoolQuery(competition.id), staleTime: 0 });
  const experts = useQuery(usersQuery({ role: 'expert', limit: 500 }));
  const [chosen, setChosen] = useState<string[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: poolKeys.one(competition.id) });
  const add = useMutation({
    mutationFn: (ids: string[]) => addToPool(competition.id, ids),
    onSuccess: (r) => { refresh(); setChosen([]); notify(t.added(r.added)); },
  });
  const remove = useMutation({ mutationFn: (expertId: string) => removeFromPool(competition.id, expertId), onSuccess: refresh });
  const inPool = new Set(pool.data?.items.map((e) => e.expertId));
  const candidates = (experts.data?.items ?? []).filter((u) => u.active && !inPool.has(u.id)).map((u) => ({ value: u.id, label: `${u.fullName} (${u.email})` }));

  return (
    <Card withBorder padding="md" radius="md">
      <Title order={2} size="h4" mb="sm">{t.pool}</Title>
      <Stack>
        <Group align="flex-end" gap="xs">
          <MultiSelect label={t.addLabel} placeholder={t.addPlaceholder} searchable data={candidates} value={chosen} onChange={setChosen} style={{ flex: '1 1 18rem' }} />
          <Button onClick={() => add.mutate(chosen)} disabled={!chosen.length} loading={add.isPending}>{t.add}</Button>
          <NewExpertDialog variant="default" submitLabel={t.createAndAdd}
            onCreated={async (u) => {
              notify(t.createdExpert(u.fullName));
              await add.mutateAsync([u.id]);
            }} />
        </Group>
        <FormProblem error={add.error ?? remove.error} />
        {pool.isPending ? <Loading /> : pool.isError ? <ErrorState error={pool.error} /> : pool.data.items.length === 0 ? <EmptyState title={t.poolEmpty} /> : (
          <ScrollTable minWidth={640} label={t.pool} striped>
            <Table.Thead>
              <Table.Tr><Table.Th>{t.name}</Table.Th><Table.Th>{t.directions}</Table.Th><Table.Th ta="right">{t.load}</Table.Th><Table.Th ta="right">{t.submitted}</Table.Th><Table.Th /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pool.data.items.map((e) => (
                <Table.Tr key={e.expertId}>
                  <Table.Td>{e.fullName}<Text size="xs" c="dimmed">{e.email}</Text></Table.Td>
                  <Table.Td><Text size="sm">{e.directions.map((d) => directionName(d, lang)).join('; ') || '—'}</Text></Table.Td>
                  <Table.Td ta="right">{e.load}</Table.Td>
                  <Table.Td ta="right">{e.submitted}</Table.Td>
                  <Table.Td ta="right">
                    {e.load === 0 && (
                      <Button size="xs" variant="outline" color="red.9" onClick={() => remove.mutate(e.expertId)} aria-label={t.removeLabel(e.fullName)}>{t.remove}</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
    </Card>
  );
}

function Assignment({ competition }: { competition: Competition }) {
  const t = useT('organiser').experts;
  const queryClient = useQueryClient();
  const apps = useQuery({ ...applicationsQuery({ competitionId: competition.id, limit: 500 }), staleTime: 0 });
  const pool = useQuery({ ...expertPoolQuery(competition.id), staleTime: 0 });
  const [report, setReport] = useState<AutoAssignResult | null>(null);
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [expertId, setExpertId] = useState<string | null>(null);
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
    queryClient.invalidateQueries({ queryKey: poolKeys.one(competition.id) });
    queryClient.invalidateQueries({ queryKey: applicationKeys.all });
  };
  const auto = useMutation({ mutationFn: () => autoAssign(competition.id), onSuccess: (r) => { setReport(r); refresh(); } });
  const manual = useMutation({
    mutationFn: () => assignManually({ applicationId: applicationId!, expertId: expertId! }),
    onSuccess: () => { refresh(); setExpertId(null); notify(t.assigned); },
  });
  const fieldError = useFieldError(manual.error);
  const text = useProblemText();
  const numberOf = useMemo(() => new Map(apps.data?.items.map((a) => [a.id, a.number])), [apps.data]);
  const assignable = (apps.data?.items ?? []).filter((a) => isAssignable(a.status));
  const inReview = competition.status === 'review';

  return (
    <Card withBorder padding="md" radius="md">
      <Title order={2} size="h4" mb="sm">{t.assignment}</Title>
      <Stack>
        <Text size="sm" c="dimmed">{t.autoHint}</Text>
        <Group><Button onClick={() => auto.mutate()} loading={auto.isPending} disabled={!inReview}>{t.auto}</Button></Group>
        <FormProblem error={auto.error} />
        {report && (
          <Alert color={report.unassigned.length ? 'orange.9' : 'green.9'} variant="outline" title={t.autoResult(report.created)} role="status">
            {report.unassigned.length === 0 ? t.allAssigned : (
              <>
                <Text size="sm" fw={600}>{t.unassigned}:</Text>
                <List size="sm">{report.unassigned.map((u) => <List.Item key={u.applicationId}>{numberOf.get(u.applicationId) ?? u.applicationId}: {text({ ...u, message: u.reason })}</List.Item>)}</List>
              </>
            )}
          </Alert>
        )}
        <Title order={3} size="h5">{t.manual}</Title>
        <Group align="flex-start" gap="xs">
          <Select label={t.application} searchable data={assignable.map((a) => ({ value: a.id, label: `${a.number} ${a.title ?? ''}` }))} value={applicationId}
            onChange={setApplicationId} style={{ flex: '1 1 16rem' }} error={fieldError('applicationId')} disabled={!inReview} />
          <Select label={t.expert} searchable data={(pool.data?.items ?? []).map((e) => ({ value: e.expertId, label: `${e.fullName} (${e.load})` }))} value={expertId}
            onChange={setExpertId} style={{ flex: '1 1 14rem' }} error={fieldError('expertId')} disabled={!inReview} />
          <Button mt={24} onClick={() => manual.mutate()} disabled={!applicationId || !expertId || !inReview} loading={manual.isPending}>{t.assign}</Button>
        </Group>
        <FormProblem error={manual.error} shownPaths={['applicationId', 'expertId']} />
      </Stack>
    </Card>
  );
}

function ReviewProgress({ competition }: { competition: Competition }) {
  const t = useT('organiser').experts;
  const query = useQuery({ ...competitionAssignmentsQuery(competition.id), staleTime: 0 });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} />;
  const items = query.data.items;
  const active = items.filter((a) => a.status !== 'declined');
  const done = active.filter((a) => a.status === 'submitted').length;
  const perApplication = new Map<string, { number: string; title: string | null; done: number; total: number; declined: number }>();
  for (const a of items) {
    const row = perApplication.get(a.applicationId) ?? { number: a.applicationNumber, title: a.applicationTitle, done: 0, total: 0, declined: 0 };
    if (a.status === 'declined') row.declined += 1;
    else { row.total += 1; if (a.status === 'submitted') row.done += 1; }
    perApplication.set(a.applicationId, row);
  }
  return (
    <Card withBorder padding="md" radius="md">
      <Title order={2} size="h4" mb="sm">{t.progress}</Title>
      {items.length === 0 ? <Text c="dimmed" size="sm">{t.noAssignments}</Text> : (
        <Stack gap="sm">
          <Text fw={600} data-testid="review-progress">{t.progressValue(done, active.length)}</Text>
          <Progress value={active.length ? (100 * done) / active.length : 0} size="lg" color="green" aria-label={t.progressValue(done, active.length)} />
          <ScrollTable minWidth={480} label={t.perApplication} striped>
            <Table.Thead><Table.Tr><Table.Th>{t.application}</Table.Th><Table.Th ta="right">{t.submitted}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {[...perApplication.values()].map((r) => (
                <Table.Tr key={r.number}>
                  <Table.Td>{r.number} {r.title}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t.reviewsDone(r.done, r.total)}{r.declined > 0 && <Text span size="xs" c="dimmed"> ({t.declined(r.declined)})</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Stack>
      )}
    </Card>
  );
}

export function ExpertsTab({ competition }: { competition: Competition }) {
  return (
    <Stack>
      <Pool competition={competition} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Assignment competition={competition} />
        <ReviewProgress competition={competition} />
      </SimpleGrid>
    </Stack>
  );
}
