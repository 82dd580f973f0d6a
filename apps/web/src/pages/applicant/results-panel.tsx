// The applicant's results after publication: the final score and the place (kept for a not supported application
// too), why it was not supported, and each expert's scores and comments as "Эксперт 1, 2…" (numbered as the
// organiser's reviews export lists them; never a name).
import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatScore, type Application, type ApplicantResults, type Competition } from '@konkurs/shared';
import { applicationResultsQuery } from '../../api/applications';
import { Money } from '../../components/money';
import { ScrollTable } from '../../components/scroll-region';
import { Loading } from '../../components/states';
import { useLang, useT } from '../../i18n';

/** The reason a not supported application was passed over, in words (nothing when it won or has no reason). */
export function NotSupportedReason({ results, passMark }: { results: Pick<ApplicantResults, 'reason' | 'finalScore'>; passMark: number }) {
  const t = useT('applicant').view;
  const { lang } = useLang();
  if (!results.reason) return null;
  const decimal = lang === 'ru' ? ',' : '.';
  const text = t.reasons[results.reason](formatScore(results.finalScore, decimal), formatScore(passMark, decimal));
  return <Alert color="gray" variant="outline" title={t.reasonTitle} data-testid="not-supported-reason">{text}</Alert>;
}

export function ResultsPanel({ application, competition }: { application: Application; competition: Competition }) {
  const t = useT('applicant').view;
  const { lang } = useLang();
  const results = useQuery(applicationResultsQuery(application.id));
  const decimal = lang === 'ru' ? ',' : '.';
  const criterionTitle = (code: string) => competition.criteria.find((c) => c.code === code)?.title ?? code;
  if (results.isPending) return <Loading />;
  if (results.isError) return <Text c="dimmed">{t.noResults}</Text>;
  const r = results.data;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.finalScore}</Text><Text fw={700} size="xl" data-testid="final-score">{formatScore(r.finalScore, decimal) || '—'}</Text></div>
        <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.rank}</Text><Text fw={700} size="xl" data-testid="rank">{r.rank ?? '—'}</Text></div>
        {r.awardedKopecks ? <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t.awarded}</Text><Text fw={700} size="xl"><Money kopecks={r.awardedKopecks} /></Text></div> : null}
      </SimpleGrid>
      <NotSupportedReason results={r} passMark={competition.passMark} />
      {r.reviews.map((rev) => (
        <Card key={rev.expert} withBorder padding="md" component="section" aria-label={t.expert(rev.expert)}>
          <Group justify="space-between" mb="xs">
            <Title order={3} fz="md">{t.expert(rev.expert)}</Title>
            <Text fw={600}>{t.expertTotal}: {formatScore(rev.total, decimal)}</Text>
          </Group>
          <ScrollTable minWidth={560} label={t.scoresOf(t.expert(rev.expert))} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.criterion}</Table.Th>
                <Table.Th scope="col" ta="right">{t.score}</Table.Th>
                <Table.Th scope="col">{t.comment}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rev.scores.map((s) => (
                <Table.Tr key={s.criterionCode}>
                  <Table.Td>{s.criterionCode}. {criterionTitle(s.criterionCode)}</Table.Td>
                  <Table.Td ta="right">{s.score}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{s.comment || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          {rev.comment && (
            <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-line' }}><b>{t.overall}:</b> {rev.comment}</Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}
