// Awards: the proposal (a dry run over the ranking) with the budget bar, the stop/skip switch, amounts the
// organiser may only lower, then the confirmation that records the decisions. While any application still waits
// for a review the screen says which, and the confirmation stays closed (the server refuses it too: 409).
import { useMemo, useState } from 'react';
import { Alert, Badge, Card, Group, List, NumberInput, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { awardsDecided, formatMoney, isAllowedAwardAmount, formatScore, type AwardMode, type AwardProposal, type Competition, type RankingRow } from '@konkurs/shared';
import { applicationKeys, applicationsQuery } from '../../api/applications';
import { confirmAwards, proposeAwards, type AwardOverride } from '../../api/awards';
import { competitionKeys } from '../../api/competitions';
import { rankingKeys, rankingQuery } from '../../api/ranking';
import { ConfirmButton } from '../../components/confirm-button';
import { FormProblem } from '../../components/field-error';
import { ScrollTable } from '../../components/scroll-region';
import { Money } from '../../components/money';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useLang, useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { kopecksToRoubles, roublesToKopecks } from './zoned-time';

/** Budget, allocated and remaining as figures and as a bar (allocated share of the budget). */
export function BudgetBar({ proposal }: { proposal: Pick<AwardProposal, 'budgetKopecks' | 'allocatedKopecks' | 'remainingKopecks'> }) {
  const t = useT('organiser').awards;
  const pct = proposal.budgetKopecks > 0 ? (100 * proposal.allocatedKopecks) / proposal.budgetKopecks : 0;
  const pctText = pct.toFixed(1).replace('.', ',');
  const figure = (label: string, kopecks: number, testId: string) => (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700} fz="lg" data-testid={testId}><Money kopecks={kopecks} /></Text>
    </div>
  );
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        {figure(t.budget, proposal.budgetKopecks, 'budget')}
        {figure(t.allocated, proposal.allocatedKopecks, 'allocated')}
        {figure(t.remaining, proposal.remainingKopecks, 'remaining')}
      </SimpleGrid>
      <Group gap="sm" wrap="nowrap">
        <Progress.Root size={20} style={{ flex: 1, minWidth: 0 }}>
          <Progress.Section value={pct} color="green.9" aria-label={t.budgetBar(pctText)} />
        </Progress.Root>
        {/* Beside the bar, not inside: a narrow section would cut its own label ("0,0 %" to an ellipsis). */}
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{pctText} %</Text>
      </Group>
    </Stack>
  );
}

/** An amount in roubles that may only go down from what the application requests. */
function AmountInput({ row, amount, onChange }: { row: RankingRow; amount: number; onChange: (kopecks: number | null) => void }) {
  const t = useT('organiser').awards;
  const [value, setValue] = useState<number | string>(kopecksToRoubles(amount));
  const [error, setError] = useState<string | null>(null);
  function commit() {
    const kopecks = roublesToKopecks(Number(String(value).replace(',', '.')));
    if (!isAllowedAwardAmount(kopecks, row.requestedKopecks)) return setError(t.onlyLower);
    setError(null);
    onChange(kopecks === row.requestedKopecks ? null : kopecks);
  }
  return (
    <NumberInput aria-label={t.amountLabel(row.number)} value={value} onChange={setValue} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()}
      min={0} decimalScale={2} fixedDecimalScale thousandSeparator=" " decimalSeparator="," allowNegative={false} w={170} size="xs" error={error} />
  );
}

export function AwardProposalView({ proposal, rows, overrides, onOverride, passMark }: {
  proposal: AwardProposal; rows: RankingRow[]; overrides: Map<string, number>; onOverride?: (applicationId: string, kopecks: number | null) => void; passMark: number;
}) {
  const t = useT('organiser').awards;
  const awarded = new Map(proposal.awards.map((a) => [a.applicationId, a.amountKopecks]));
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Stack>
      <BudgetBar proposal={proposal} />
      <Group gap="xs">
        <Badge variant="light" color="green" c="green.9" tt="none" size="lg" data-testid="winners-count">{t.winners(proposal.awards.length)}</Badge>
        <Badge variant="light" color="gray" c="gray.9" tt="none" size="lg">{t.passMark(formatScore(passMark))}</Badge>
      </Group>
      <ScrollTable minWidth={960} label={t.tableLabel} striped>
        <Table.Thead>
          <Table.Tr style={nowrap}>
            <Table.Th ta="right">{t.rank}</Table.Th><Table.Th>{t.number}</Table.Th><Table.Th>{t.project}</Table.Th><Table.Th>{t.organization}</Table.Th>
            <Table.Th ta="right">{t.finalScore}</Table.Th><Table.Th ta="right">{t.requested}</Table.Th><Table.Th>{t.amount}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.filter((r) => !r.waiting).map((r) => {
            const amount = awarded.get(r.applicationId);
            return (
              <Table.Tr key={r.applicationId} style={amount === undefined ? { color: 'var(--mantine-color-dimmed)' } : undefined}>
                <Table.Td ta="right">{r.rank}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.number}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{r.organization}</Table.Td>
                <Table.Td ta="right">{formatScore(r.finalScore)}</Table.Td>
                <Table.Td ta="right" style={nowrap}><Money kopecks={r.requestedKopecks} /></Table.Td>
                <Table.Td>
                  {amount !== undefined ? (
                    onOverride ? <AmountInput key={`${r.applicationId}-${overrides.get(r.applicationId) ?? 'r'}`} row={r} amount={overrides.get(r.applicationId) ?? amount}
                      onChange={(k) => onOverride(r.applicationId, k)} /> : <Money kopecks={amount} />
                  ) : <Text size="sm" c="dimmed">{t.notInProposal}</Text>}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}

/** Why the decision cannot be confirmed yet: the applications still waiting for a review, by number and title. */
export function WaitingForReviews({ waiting }: { waiting: AwardProposal['waiting'] }) {
  const t = useT('organiser').awards;
  if (waiting.length === 0) return null;
  return (
    <Alert color="orange.9" variant="outline" title={t.waitingTitle} data-testid="awards-waiting">
      <Stack gap="xs">
        <Text size="sm">{t.waitingText(waiting.length)}</Text>
        <List size="sm" aria-label={t.waitingLabel} spacing={2}>
          {waiting.map((w) => <List.Item key={w.applicationId}><b style={{ whiteSpace: 'nowrap' }}>{w.number}</b>{w.title ? ` — ${w.title}` : ''}</List.Item>)}
        </List>
      </Stack>
    </Alert>
  );
}

function DecidedAwards({ competition }: { competition: Competition }) {
  const t = useT('organiser').awards;
  const winners = useQuery(applicationsQuery({ competitionId: competition.id, status: 'winner', limit: 500 }));
  if (winners.isPending) return <Loading />;
  if (winners.isError) return <ErrorState error={winners.error} />;
  const allocated = winners.data.items.reduce((s, a) => s + (a.awardedKopecks ?? 0), 0);
  return (
    <Stack>
      <Alert color="green.9" variant="outline" title={t.decided} />
      <BudgetBar proposal={{ budgetKopecks: competition.budgetKopecks, allocatedKopecks: allocated, remainingKopecks: competition.budgetKopecks - allocated }} />
      <ScrollTable minWidth={640} label={t.tableLabel} striped>
        <Table.Thead><Table.Tr><Table.Th>{t.number}</Table.Th><Table.Th>{t.project}</Table.Th><Table.Th>{t.organization}</Table.Th><Table.Th ta="right">{t.amount}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {winners.data.items.map((a) => (
            <Table.Tr key={a.id}><Table.Td>{a.number}</Table.Td><Table.Td>{a.title}</Table.Td><Table.Td>{a.organizationName}</Table.Td><Table.Td ta="right"><Money kopecks={a.awardedKopecks} /></Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}

export function AwardsTab({ competition }: { competition: Competition }) {
  const t = useT('organiser').awards;
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<AwardMode>('stop');
  const [overrides, setOverrides] = useState<Map<string, number>>(new Map());
  const body = useMemo(() => {
    const list: AwardOverride[] = [...overrides].map(([applicationId, amountKopecks]) => ({ applicationId, amountKopecks }));
    return { mode, ...(list.length ? { overrides: list } : {}) };
  }, [mode, overrides]);
  const inReview = competition.status === 'review';
  const ranking = useQuery({ ...rankingQuery(competition.id), enabled: inReview, staleTime: 0 });
  // A proposal saves nothing: asked again whenever the mode or an amount changes.
  const proposal = useQuery({
    queryKey: ['awards', 'proposal', competition.id, body], queryFn: () => proposeAwards(competition.id, body), enabled: inReview, staleTime: 0,
    placeholderData: (previous) => previous,
  });
  const confirm = useMutation({
    mutationFn: () => confirmAwards(competition.id, body),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: competitionKeys.one(competition.id) });
      queryClient.invalidateQueries({ queryKey: competitionKeys.all });
      queryClient.invalidateQueries({ queryKey: rankingKeys.one(competition.id) });
      queryClient.invalidateQueries({ queryKey: ['awards', 'proposal', competition.id] });
      queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      notify(t.confirmed);
    },
  });

  if (awardsDecided(competition.status)) return <DecidedAwards competition={competition} />;
  if (!inReview) return <Alert color="blue" variant="light">{t.notInReview}</Alert>;
  if (ranking.isPending || proposal.isPending) return <Loading />;
  if (ranking.isError) return <ErrorState error={ranking.error} onRetry={() => ranking.refetch()} />;
  if (proposal.isError) return <FormProblem error={proposal.error} />;
  const p = proposal.data;
  const setOverride = (id: string, kopecks: number | null) => setOverrides((prev) => {
    const next = new Map(prev);
    if (kopecks === null) next.delete(id); else next.set(id, kopecks);
    return next;
  });

  return (
    <Stack>
      <Card withBorder padding="md" radius="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4">{t.title}</Title>
            <Text size="sm" c="dimmed">{t.proposalHint}</Text>
          </div>
          <div style={{ minWidth: 0, maxWidth: '100%' }}>
            <Text size="sm" fw={500} id="award-mode-label" mb={4}>{t.mode}</Text>
            {/* Its labels wrap on a phone instead of widening the page. */}
            <SegmentedControl aria-labelledby="award-mode-label" value={mode} onChange={(v) => setMode(v as AwardMode)} fullWidth
              styles={{ label: { whiteSpace: 'normal' } }} data={[{ value: 'stop', label: t.modeStop }, { value: 'skip', label: t.modeSkip }]} />
          </div>
        </Group>
      </Card>
      <WaitingForReviews waiting={p.waiting} />
      {p.awards.length === 0 ? <EmptyState title={t.empty} /> : null}
      <AwardProposalView proposal={p} rows={ranking.data} overrides={overrides} onOverride={setOverride} passMark={competition.passMark} />
      <Group justify="flex-end">
        <ConfirmButton label={t.confirm} title={t.confirmTitle} disabled={p.awards.length === 0 || p.waiting.length > 0 || proposal.isFetching}
          text={t.confirmText(p.awards.length, formatMoney(p.allocatedKopecks, lang))} onConfirm={() => confirm.mutateAsync()} />
      </Group>
    </Stack>
  );
}
