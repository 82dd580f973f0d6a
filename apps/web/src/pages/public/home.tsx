import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Competition } from '@konkurs/shared';
import { competitionsQuery } from '../../api/competitions';
import { CompetitionFacts, Deadline, DirectionBadges } from '../../components/competition-facts';
import { Money } from '../../components/money';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { useT } from '../../i18n';
import { ApplyButton } from './apply-button';

function OpenCompetitionCard({ competition: c }: { competition: Competition }) {
  const t = useT('public');
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={`c-${c.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} miw={0} style={{ flex: 1 }}>
            <Text size="xs" c="dimmed" fw={600}>{c.code}</Text>
            <Title order={3} fz="lg" id={`c-${c.id}`}>
              <Anchor component={Link} to={`/competitions/${c.id}`} c="inherit" underline="hover">{c.title}</Anchor>
            </Title>
          </Stack>
          <StatusBadge kind="competition" status={c.status} />
        </Group>
        <Deadline competition={c} />
        <CompetitionFacts competition={c} />
        <DirectionBadges codes={c.directionCodes} />
        <Group gap="sm">
          <ApplyButton competition={c} />
          <Button component={Link} to={`/competitions/${c.id}`} variant="default">{t.competition.details}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function HomePage() {
  const t = useT('public');
  const open = useQuery(competitionsQuery({ status: 'open' }));
  const published = useQuery(competitionsQuery({ status: 'published' }));
  return (
    <>
      <PageTitle title={t.home.title} subtitle={t.home.intro} />
      <section aria-labelledby="open-heading">
        <Title order={2} fz="xl" mb="sm" id="open-heading">{t.home.open}</Title>
        {open.isPending ? (
          <Loading />
        ) : open.isError ? (
          <ErrorState error={open.error} onRetry={() => open.refetch()} />
        ) : open.data.items.length === 0 ? (
          <EmptyState title={t.home.noOpen}>{t.home.noOpenHint}</EmptyState>
        ) : (
          <Stack gap="md">
            {open.data.items.map((c) => <OpenCompetitionCard key={c.id} competition={c} />)}
          </Stack>
        )}
      </section>
      <section aria-labelledby="published-heading" style={{ marginTop: 32 }}>
        <Title order={2} fz="xl" mb="sm" id="published-heading">{t.home.published}</Title>
        {published.isPending ? (
          <Loading />
        ) : published.isError ? (
          <ErrorState error={published.error} onRetry={() => published.refetch()} />
        ) : published.data.items.length === 0 ? (
          <EmptyState title={t.home.noPublished} />
        ) : (
          <Stack gap="xs">
            {published.data.items.map((c) => (
              <Card key={c.id} withBorder padding="md">
                <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
                  <Stack gap={0} miw={0} style={{ flex: 1 }}>
                    <Anchor component={Link} to={`/competitions/${c.id}/results`} fw={600}>{c.title}</Anchor>
                    <Text size="sm" c="dimmed">{c.code} · {t.competition.budget}: <Money kopecks={c.budgetKopecks} /></Text>
                  </Stack>
                  <StatusBadge kind="competition" status={c.status} />
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </section>
    </>
  );
}
