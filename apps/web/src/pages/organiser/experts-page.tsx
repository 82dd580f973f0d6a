// The operator's experts (organiser): who they are, their directions, and a new expert.
import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { usersQuery } from '../../api/users';
import { PageTitle } from '../../components/page-title';
import { ScrollTable } from '../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useLang, useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { directionName, regionName } from '../../lib/reference';
import { NewExpertDialog } from './new-expert-dialog';

export function ExpertsPage() {
  const t = useT('organiser').experts;
  const { lang } = useLang();
  const query = useQuery(usersQuery({ role: 'expert', limit: 500 }));
  return (
    <>
      <PageTitle title={t.operatorExperts} subtitle={t.operatorExpertsSubtitle} actions={<NewExpertDialog onCreated={(u) => { notify(t.createdExpert(u.fullName)); }} />} />
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : query.data.items.length === 0 ? <EmptyState title={t.noExperts} /> : (
        <ScrollTable minWidth={720} label={t.operatorExperts} striped>
          <Table.Thead><Table.Tr><Table.Th>{t.name}</Table.Th><Table.Th>{t.directions}</Table.Th><Table.Th>{t.region}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {query.data.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.fullName}<Text size="xs" c="dimmed">{u.email}</Text></Table.Td>
                <Table.Td><Text size="sm">{u.expertDirections.map((d) => directionName(d, lang)).join('; ') || '—'}</Text></Table.Td>
                <Table.Td>{u.regionCode ? `${u.regionCode} ${regionName(u.regionCode)}` : '—'}</Table.Td>
                <Table.Td>{!u.active && <Badge color="gray.8" variant="outline" tt="none">{t.inactive}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </>
  );
}
