// The official's dashboard: totals grouped by region, direction, competition or operator, with filters, the
// reporting's cards (spent, reports accepted and overdue), a map of the regions beside the charts, a table with a
// totals row, and the CSV and XLSX exports.
import { Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { TOTALS_GROUPS, formatMoney, type Totals, type TotalsGroup } from '@konkurs/shared';
import { operatorsQuery } from '../../api/admin';
import { competitionsQuery } from '../../api/competitions';
import { totalsQuery } from '../../api/stats';
import { useAuth } from '../../auth/auth';
import { Money } from '../../components/money';
import { ScrollTable } from '../../components/scroll-region';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useLang, useT } from '../../i18n';
import { ExportButton } from './export-button';
import { TotalsCharts } from './totals-charts';
import { RegionsMap } from './regions-map';

export function DashboardPage() {
  const t = useT('official');
  const { lang } = useLang();
  const { user } = useAuth();
  // The filters live in the address, so a view can be bookmarked or sent to a colleague.
  const [params, setParams] = useSearchParams();
  const groupBy = (TOTALS_GROUPS as readonly string[]).includes(params.get('groupBy') ?? '') ? (params.get('groupBy') as TotalsGroup) : 'region';
  const competitionId = params.get('competitionId') ?? undefined;
  const operatorId = params.get('operatorId') ?? undefined;
  const set = (key: string, value: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (value) n.set(key, value); else n.delete(key); return n; }, { replace: true });

  const operators = useQuery(operatorsQuery());
  const competitions = useQuery(competitionsQuery({ limit: 500, ...(operatorId ? { operatorId } : {}) }));
  const ownOperator = operators.data?.items.find((o) => o.id === user?.operatorId);
  // Only an admin or a federal official sees other operators' figures: only they get the operator filter.
  const operatorFilter = user?.role === 'admin' || (user?.role === 'official' && ownOperator?.level === 'federal');
  const query = useQuery(totalsQuery({ groupBy, competitionId, operatorId }));
  // The map shows regions whatever the grouping (the same query when grouped by region).
  const regions = useQuery(totalsQuery({ groupBy: 'region', competitionId, operatorId }));
  const exportParams = { groupBy, competitionId, operatorId };
  // What the figures cover: every operator for an admin and a federal official, else the user's own operator.
  const subtitle = !user || (user.role !== 'admin' && !operators.data) ? undefined
    : operatorFilter ? t.subtitleAll : ownOperator ? t.subtitleOperator(ownOperator.name) : t.subtitle;

  return (
    <>
      <PageTitle title={t.title} subtitle={subtitle} actions={
        <>
          <ExportButton path="/exports/totals.csv" params={exportParams} fallbackName="totals.csv" label={t.exportTotals} />
          <ExportButton path="/exports/applications.csv" params={{ competitionId }} fallbackName="applications.csv" label={t.exportApplications} />
        </>
      } />
      <Stack>
        <Card withBorder padding="md" radius="md" component="section" aria-label={t.filters}>
          <Group align="flex-end" gap="md">
            <div>
              <Text size="sm" fw={500} mb={4} id="group-by-label">{t.groupBy}</Text>
              <SegmentedControl aria-labelledby="group-by-label" value={groupBy} onChange={(v) => set('groupBy', v)}
                data={TOTALS_GROUPS.filter((g) => g !== 'operator' || operatorFilter).map((g) => ({ value: g, label: t.groups[g] }))} />
            </div>
            <Select label={t.competition} placeholder={t.allCompetitions} clearable searchable w={{ base: '100%', sm: 340 }} value={competitionId ?? null}
              onChange={(v) => set('competitionId', v)} data={(competitions.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))} />
            {operatorFilter && (
              <Select label={t.operator} placeholder={t.allOperators} clearable w={{ base: '100%', sm: 300 }} value={operatorId ?? null}
                onChange={(v) => set('operatorId', v)} data={(operators.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            )}
          </Group>
        </Card>

        {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : (
          <>
            <Text fz="lg" fw={600} data-testid="headline">
              {t.headline(query.data.total.submitted, query.data.total.winners, formatMoney(query.data.total.awardedKopecks, lang))}
            </Text>
            <ReportingCards total={query.data.total} />
            {query.data.rows.length === 0 ? <EmptyState title={t.empty} /> : (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                <div style={{ minWidth: 0 }}><RegionsMap rows={regions.data?.rows ?? []} /></div>
                <div style={{ minWidth: 0 }}><TotalsCharts totals={query.data} /></div>
              </SimpleGrid>
            )}
            <ScrollTable minWidth={1040} label={t.tableLabel} striped highlightOnHover data-testid="totals-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.key[groupBy]}</Table.Th><Table.Th ta="right">{t.submitted}</Table.Th><Table.Th ta="right">{t.admitted}</Table.Th>
                  <Table.Th ta="right">{t.winners}</Table.Th><Table.Th ta="right">{t.requested}</Table.Th><Table.Th ta="right">{t.awarded}</Table.Th>
                  <Table.Th ta="right">{t.spent}</Table.Th><Table.Th ta="right">{t.reportsAccepted}</Table.Th><Table.Th ta="right">{t.reportsOverdue}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>{groupBy === 'region' ? `${r.key} ${r.label}` : r.label}</Table.Td>
                    <Table.Td ta="right">{r.submitted}</Table.Td><Table.Td ta="right">{r.admitted}</Table.Td><Table.Td ta="right">{r.winners}</Table.Td>
                    <Table.Td ta="right"><Money kopecks={r.requestedKopecks} /></Table.Td><Table.Td ta="right"><Money kopecks={r.awardedKopecks} /></Table.Td>
                    <Table.Td ta="right"><Money kopecks={r.spentKopecks} /></Table.Td><Table.Td ta="right">{r.reportsAccepted}</Table.Td>
                    <Table.Td ta="right" c={r.reportsOverdue > 0 ? 'red.8' : undefined}>{r.reportsOverdue}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700} style={{ borderTop: '2px solid var(--mantine-color-gray-5)' }}>
                  <Table.Th scope="row">{t.total}</Table.Th>
                  <Table.Td ta="right">{query.data.total.submitted}</Table.Td><Table.Td ta="right">{query.data.total.admitted}</Table.Td>
                  <Table.Td ta="right">{query.data.total.winners}</Table.Td>
                  <Table.Td ta="right"><Money kopecks={query.data.total.requestedKopecks} /></Table.Td><Table.Td ta="right"><Money kopecks={query.data.total.awardedKopecks} /></Table.Td>
                  <Table.Td ta="right"><Money kopecks={query.data.total.spentKopecks} /></Table.Td><Table.Td ta="right">{query.data.total.reportsAccepted}</Table.Td>
                  <Table.Td ta="right">{query.data.total.reportsOverdue}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </ScrollTable>
          </>
        )}
      </Stack>
    </>
  );
}

/** After the award: what the winners have spent of their grants, and how their reports stand. */
function ReportingCards({ total }: { total: Totals['total'] }) {
  const t = useT('official');
  const { lang } = useLang();
  const share = total.awardedKopecks > 0 ? t.spentShare(Math.round((total.spentKopecks / total.awardedKopecks) * 1000) / 10) : undefined;
  const card = (testId: string, label: string, value: ReactNode, note?: string, alert = false) => (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={24} fw={700} c={alert ? 'red.8' : undefined} style={{ overflowWrap: 'anywhere' }}>{value}</Text>
      {note && <Text size="xs" c="dimmed">{note}</Text>}
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="section" aria-label={t.reporting}>
      {card('spent-card', t.spent, formatMoney(total.spentKopecks, lang), share)}
      {card('accepted-card', t.reportsAccepted, total.reportsAccepted.toLocaleString(lang === 'en' ? 'en-GB' : 'ru-RU'))}
      {card('overdue-card', t.reportsOverdue, total.reportsOverdue.toLocaleString(lang === 'en' ? 'en-GB' : 'ru-RU'), t.overdueNote, total.reportsOverdue > 0)}
    </SimpleGrid>
  );
}
