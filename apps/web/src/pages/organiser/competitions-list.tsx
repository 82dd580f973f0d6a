// The operator's competitions, newest first, with their status and application window.
import { Anchor, Button, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { competitionsQuery } from '../../api/competitions';
import { DateText } from '../../components/date-text';
import { ScrollTable } from '../../components/scroll-region';
import { Money } from '../../components/money';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { useT } from '../../i18n';

export function CompetitionsPage() {
  const t = useT('organiser').list;
  const query = useQuery(competitionsQuery({ limit: 500 }));
  const create = <Button component={Link} to="/organiser/competitions/new">{t.create}</Button>;
  return (
    <>
      <PageTitle title={t.title} actions={create} />
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : query.data.items.length === 0 ? (
        <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
      ) : (
        <ScrollTable minWidth={720} label={t.tableLabel} striped highlightOnHover>
          <Table.Thead>
            <Table.Tr><Table.Th>{t.code}</Table.Th><Table.Th>{t.competition}</Table.Th><Table.Th>{t.window}</Table.Th><Table.Th ta="right">{t.budget}</Table.Th><Table.Th>{t.status}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.code}</Table.Td>
                <Table.Td><Anchor component={Link} to={`/organiser/competitions/${c.id}`}>{c.title}</Anchor></Table.Td>
                <Table.Td><DateText value={c.opensAt} timeZone={c.timezone} /> — <DateText value={c.closesAt} withTime timeZone={c.timezone} /></Table.Td>
                <Table.Td ta="right"><Money kopecks={c.budgetKopecks} /></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><StatusBadge kind="competition" status={c.status} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </>
  );
}
