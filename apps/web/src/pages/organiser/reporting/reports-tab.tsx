// «Отчётность»: every report of the competition's winners, overdue and due first (the server's order), with the
// counts by state above, filters by status and «только просроченные», and the schedule that applied.
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { REPORT_STATUSES, REPORT_STATUS_LABELS, type Competition, type ReportCounts as ReportCountsData, type ReportStatus, type ReportSummary } from '@konkurs/shared';
import { competitionReportsQuery, type CompetitionReportsParams } from '../../../api/reports';
import { DateText } from '../../../components/date-text';
import { LoadMore, useCursorList } from '../../../components/load-more';
import { Money } from '../../../components/money';
import { ScrollTable } from '../../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { useLang, useT } from '../../../i18n';
import { ReportStatusBadge } from '../../applicant/reports/report-status';
import { useReportName } from '../../applicant/reports/report-page';
import { ReportScheduleView } from './report-schedule';

/** The whole competition's counts, as the server sends them with every page (whatever the filters). */
function ReportCounts({ counts }: { counts: ReportCountsData | undefined }) {
  const t = useT('reporting').list;
  if (!counts) return null;
  const badge = (color: string, text: string, testId: string) => (
    <Badge variant="light" color={color} c={`${color}.9`} tt="none" size="lg" data-testid={testId}>{text}</Badge>
  );
  return (
    <Group gap="xs" role="group" aria-label={t.countsLabel}>
      {badge('gray', t.counts.due(counts.due), 'count-due')}
      {badge('red', t.counts.overdue(counts.overdue), 'count-overdue')}
      {badge('blue', t.counts.submitted(counts.submitted), 'count-submitted')}
      {badge('green', t.counts.accepted(counts.accepted), 'count-accepted')}
    </Group>
  );
}

export function ReportsTab({ competition }: { competition: Competition }) {
  const t = useT('reporting').list;
  const { lang } = useLang();
  const name = useReportName();
  const [status, setStatus] = useState<ReportStatus | null>(null);
  const [overdue, setOverdue] = useState(false);
  const params: CompetitionReportsParams = { ...(status ? { status } : {}), ...(overdue ? { overdue: true } : {}) };
  const { query, items, more } = useCursorList(competitionReportsQuery(competition.id, params));
  const filtered = status !== null || overdue;

  return (
    <Stack>
      <Title order={2} fz="h3">{t.title}</Title>
      <ReportCounts counts={query.data?.pages[0]?.counts} />
      <Group align="flex-end" gap="md">
        <Select label={t.statusFilter} placeholder={t.allStatuses} clearable w={260}
          data={REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[lang][s] }))}
          value={status} onChange={(v) => setStatus(v as ReportStatus | null)} />
        <Switch label={t.overdueOnly} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={8} />
      </Group>
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : items.length === 0 ? (
        filtered ? <EmptyState title={t.emptyFiltered} /> : <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
      ) : (
        <>
          <ScrollTable minWidth={980} label={t.tableLabel} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.application}</Table.Th><Table.Th>{t.organization}</Table.Th><Table.Th>{t.kind}</Table.Th>
                <Table.Th>{t.dueAt}</Table.Th><Table.Th>{t.status}</Table.Th><Table.Th ta="right">{t.spent}</Table.Th><Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid="report-row">
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{r.applicationNumber}</Text>
                    <Text size="sm">{r.applicationTitle ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>{r.organizationName}</Table.Td>
                  <Table.Td>{name(r)}</Table.Td>
                  <Table.Td><Text size="sm" c={r.overdue ? 'red.9' : undefined} fw={r.overdue ? 600 : undefined}><DateText value={r.dueAt} timeZone={competition.timezone} /></Text></Table.Td>
                  <Table.Td><ReportStatusBadge status={r.status} overdue={r.overdue} /></Table.Td>
                  <Table.Td ta="right"><Money kopecks={r.grantSpentKopecks} /></Table.Td>
                  <Table.Td>
                    <Button component={Link} to={`/organiser/reports/${r.id}`} size="xs" variant="default" aria-label={t.openLabel(r.applicationNumber, name(r))}>
                      {t.open}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <LoadMore {...more} />
        </>
      )}
      <ReportScheduleView competition={competition} />
    </Stack>
  );
}
