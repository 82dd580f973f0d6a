// The expert's queue: assigned applications with due dates, the state of each review and overall progress. An
// assignment whose review is closed (the awards decided, the review over) is shown closed, with the reason.
import { Badge, Button, Card, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ASSIGNMENT_STATUS_LABELS, type ExpertAssignment } from '@konkurs/shared';
import { myAssignmentsQuery } from '../../api/assignments';
import { competitionQuery } from '../../api/competitions';
import { reviewQuery } from '../../api/reviews';
import { DateText } from '../../components/date-text';
import { ScrollTable } from '../../components/scroll-region';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useLang, useT } from '../../i18n';
import { useNow } from '../../lib/use-now';
import { closedReason, type ClosedReason } from './closed';

function AssignmentState({ a, drafted, closed }: { a: ExpertAssignment; drafted: boolean; closed: ClosedReason | null }) {
  const t = useT('expert').queue;
  const { lang } = useLang();
  if (closed) return (
    <>
      <Badge variant="outline" color="gray.8" tt="none">{t.closed}</Badge>
      <Text size="xs" c="dimmed" mt={2}>{t.closedReason[closed]}</Text>
    </>
  );
  if (a.status !== 'assigned') return <Badge variant="outline" color={a.status === 'submitted' ? 'green.9' : 'gray.8'} tt="none">{ASSIGNMENT_STATUS_LABELS[lang][a.status]}</Badge>;
  return <Badge variant="light" color={drafted ? 'blue' : 'gray'} c={drafted ? 'blue.9' : 'gray.9'} tt="none">{drafted ? t.draftSaved : t.notStarted}</Badge>;
}

/** One assignment as the queue shows it: whether it can still be scored, and whether it is late. */
type Row = { a: ExpertAssignment; closed: ClosedReason | null; workable: boolean; overdue: boolean };

function ProjectTitle({ r }: { r: Row }) {
  return <Text size="sm">{r.a.applicationTitle ?? '—'}</Text>;
}

function Due({ r }: { r: Row }) {
  const t = useT('expert').queue;
  return (
    <div>
      <DateText value={r.a.dueAt} withTime />
      {r.overdue && <Text size="xs" c="red.8" fw={600}>{t.overdue}</Text>}
    </div>
  );
}

function OpenButton({ r }: { r: Row }) {
  const t = useT('expert').queue;
  if (r.a.status === 'declined') return null;
  const label = r.workable ? t.open : t.view;
  return (
    <Button component={Link} to={`assignments/${r.a.id}`} size="xs" variant={r.workable ? 'filled' : 'default'} aria-label={`${label}: ${r.a.applicationNumber}`}>
      {label}
    </Button>
  );
}

export function QueuePage() {
  const t = useT('expert').queue;
  const now = useNow();
  const query = useQuery({ ...myAssignmentsQuery(), staleTime: 0 });
  const items = query.data?.items ?? [];
  const open = items.filter((a) => a.status === 'assigned');
  // Whether a draft exists is the review's business: asked only for the open assignments.
  const reviews = useQueries({ queries: open.map((a) => ({ ...reviewQuery(a.id), staleTime: 60_000 })) });
  const draftedIds = new Set(open.filter((_, i) => reviews[i]?.data?.id).map((a) => a.id));
  // Whether an open assignment can still be scored is its competition's stage.
  const competitionIds = [...new Set(open.map((a) => a.competitionId))];
  const competitions = useQueries({ queries: competitionIds.map((id) => ({ ...competitionQuery(id), staleTime: 60_000 })) });
  const stageOf = (competitionId: string) => competitions[competitionIds.indexOf(competitionId)]?.data?.status;
  const phone = useMediaQuery('(max-width: 48em)');

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;

  const active = items.filter((a) => a.status !== 'declined');
  const submitted = active.filter((a) => a.status === 'submitted').length;
  const rows: Row[] = items.map((a) => {
    const closed = closedReason(a, stageOf(a.competitionId));
    const workable = a.status === 'assigned' && !closed;
    return { a, closed, workable, overdue: workable && a.dueAt !== null && Date.parse(a.dueAt) < now };
  // The work to do first ("Оценить"), then what is done or closed; each part keeps the list's order.
  }).sort((x, y) => Number(y.workable) - Number(x.workable));

  return (
    <>
      <PageTitle title={t.title} subtitle={t.subtitle} />
      {items.length === 0 ? (
        <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
      ) : (
        <Stack gap="md">
          <Card withBorder padding="md" radius="md" aria-label={t.progress}>
            <Group justify="space-between" mb={6}>
              <Text fw={600}>{t.progressValue(submitted, active.length)}</Text>
              {draftedIds.size > 0 && <Text size="sm" c="dimmed">{t.drafted(draftedIds.size)}</Text>}
            </Group>
            <Progress.Root size="lg">
              <Progress.Section value={active.length ? (100 * submitted) / active.length : 0} color="green" aria-label={t.progressValue(submitted, active.length)} />
              <Progress.Section value={active.length ? (100 * draftedIds.size) / active.length : 0} color="blue.3" aria-label={t.drafted(draftedIds.size)} />
            </Progress.Root>
          </Card>
          {phone ? (
            // On a phone each assignment is a card: the table's columns would push the button off the screen.
            <Stack component="ul" gap="sm" aria-label={t.tableLabel} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {rows.map((r) => (
                <Card component="li" key={r.a.id} withBorder padding="sm" radius="md">
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{r.a.applicationNumber}</Text>
                      <ProjectTitle r={r} />
                    </div>
                    <OpenButton r={r} />
                  </Group>
                  <Group gap="xs" mt="xs" align="flex-start">
                    <Text size="sm" c="dimmed">{t.dueAt}:</Text>
                    <Due r={r} />
                  </Group>
                  <div style={{ marginTop: 6 }}><AssignmentState a={r.a} drafted={draftedIds.has(r.a.id)} closed={r.closed} /></div>
                </Card>
              ))}
            </Stack>
          ) : (
            <ScrollTable minWidth={640} label={t.tableLabel} striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.number}</Table.Th><Table.Th>{t.project}</Table.Th><Table.Th>{t.dueAt}</Table.Th><Table.Th>{t.status}</Table.Th><Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.a.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.a.applicationNumber}</Table.Td>
                    <Table.Td><ProjectTitle r={r} /></Table.Td>
                    <Table.Td><Due r={r} /></Table.Td>
                    <Table.Td><AssignmentState a={r.a} drafted={draftedIds.has(r.a.id)} closed={r.closed} /></Table.Td>
                    <Table.Td ta="right"><OpenButton r={r} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Stack>
      )}
    </>
  );
}
