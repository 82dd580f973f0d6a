import { Anchor, Button, Card, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@konkurs/shared';
import { applicationsQuery } from '../../api/applications';
import { DateText } from '../../components/date-text';
import { Money } from '../../components/money';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { ScrollTable } from '../../components/scroll-region';
import { useLang, useT } from '../../i18n';

export function ApplicationsPage() {
  const t = useT('applicant').applications;
  const common = useT('common');
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ApplicationStatus | null) ?? undefined;
  const list = useQuery(applicationsQuery({ status, limit: 200 }));
  return (
    <>
      <PageTitle title={t.title} actions={<Button component={Link} to="/applicant/applications/new">{t.new}</Button>} />
      <Select
        label={t.filterStatus}
        data={APPLICATION_STATUSES.map((s) => ({ value: s, label: APPLICATION_STATUS_LABELS[lang][s] }))}
        value={status ?? null}
        onChange={(v) => setParams(v ? { status: v } : {})}
        clearable
        placeholder={common.all}
        maw={320}
        mb="md"
      />
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} /> : list.data.items.length === 0 ? (
        <EmptyState title={t.empty} action={<Button component={Link} to="/">{common.nav.home}</Button>}>{t.emptyHint}</EmptyState>
      ) : (
        <Card withBorder padding={0}>
          <ScrollTable minWidth={760} label={t.title} highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.number}</Table.Th>
                <Table.Th scope="col">{t.project}</Table.Th>
                <Table.Th scope="col">{t.organization}</Table.Th>
                <Table.Th scope="col">{t.status}</Table.Th>
                <Table.Th scope="col" ta="right">{t.requested}</Table.Th>
                <Table.Th scope="col">{t.updated}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/applicant/applications/${a.id}`}>{a.number}</Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>{a.title || t.untitled}</Text>
                    <Text size="xs" c="dimmed">{a.competitionTitle}</Text>
                  </Table.Td>
                  <Table.Td><Text size="sm">{a.organizationName}</Text></Table.Td>
                  <Table.Td><StatusBadge kind="application" status={a.status} /></Table.Td>
                  <Table.Td ta="right"><Money kopecks={a.requestedKopecks} /></Table.Td>
                  <Table.Td><DateText value={a.updatedAt} withTime /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Card>
      )}
    </>
  );
}
