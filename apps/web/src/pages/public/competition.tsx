import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { resultsArePublic } from '@konkurs/shared';
import { competitionQuery } from '../../api/competitions';
import { CompetitionFacts, Deadline, DirectionBadges } from '../../components/competition-facts';
import { PageTitle } from '../../components/page-title';
import { ErrorState, Loading } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { ScrollTable } from '../../components/scroll-region';
import { useT } from '../../i18n';
import { ApplyButton } from './apply-button';

export function CompetitionPage() {
  const { id = '' } = useParams();
  const t = useT('public');
  const common = useT('common');
  const q = useQuery(competitionQuery(id));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} title={common.notFoundTitle} onRetry={() => q.refetch()} />;
  const c = q.data;
  const published = resultsArePublic(c.status);
  return (
    <>
      <PageTitle
        title={c.title}
        subtitle={<>{c.code} · {c.operatorName}</>}
        actions={
          <>
            <StatusBadge kind="competition" status={c.status} />
            <ApplyButton competition={c} />
            {published && <Button component={Link} to={`/competitions/${c.id}/results`} variant="default">{t.competition.toResults}</Button>}
          </>
        }
      />
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="rules-heading">
          <Title order={2} fz="lg" mb="sm" id="rules-heading">{t.competition.rules}</Title>
          <Stack gap="md">
            <Deadline competition={c} />
            <CompetitionFacts competition={c} />
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>{t.competition.directions}</Text>
              <DirectionBadges codes={c.directionCodes} />
            </div>
          </Stack>
        </Card>
        {c.description && (
          <Card withBorder padding="lg" component="section" aria-labelledby="about-heading">
            <Title order={2} fz="lg" mb="sm" id="about-heading">{t.competition.description}</Title>
            <Text style={{ whiteSpace: 'pre-line' }}>{c.description}</Text>
          </Card>
        )}
        <Card withBorder padding="lg" component="section" aria-labelledby="criteria-heading">
          <Title order={2} fz="lg" mb="sm" id="criteria-heading">{t.competition.criteria}</Title>
          <ScrollTable minWidth={480} label={t.competition.criteria} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">№</Table.Th>
                <Table.Th scope="col">{t.competition.criterion}</Table.Th>
                <Table.Th scope="col" ta="right">{t.competition.weight}</Table.Th>
                <Table.Th scope="col" ta="right">{t.competition.maxScore}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.criteria.map((cr) => (
                <Table.Tr key={cr.code}>
                  <Table.Td>{cr.code}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{cr.title}</Text>
                    {cr.description && <Text size="xs" c="dimmed">{cr.description}</Text>}
                  </Table.Td>
                  <Table.Td ta="right">{String(cr.weight).replace('.', ',')}</Table.Td>
                  <Table.Td ta="right">{cr.maxScore}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Card>
        {published && (
          <Group>
            <Anchor component={Link} to={`/competitions/${c.id}/results`}>{t.competition.toResults}</Anchor>
          </Group>
        )}
      </Stack>
    </>
  );
}
