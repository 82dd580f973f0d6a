// One competition for its organiser: the lifecycle buttons and a tab per stage of the work.
import { Anchor, Group, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { COMPETITION_MOVES, movesFrom, type Competition, type CompetitionStatus } from '@konkurs/shared';
import { competitionKeys, competitionQuery } from '../../api/competitions';
import { moveCompetition, type CompetitionMove } from '../../api/competition-settings';
import { useAuth } from '../../auth/auth';
import { ConfirmButton } from '../../components/confirm-button';
import { DateText } from '../../components/date-text';
import { PageTitle } from '../../components/page-title';
import { ErrorState, Loading } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { usePassed } from '../../lib/use-passed';
import { AwardsTab } from './awards';
import { CompetitionEditor } from './competition-editor';
import { ExpertsTab } from './experts-tab';
import { RankingTab } from './ranking';
import { ScreeningTab } from './screening';
import { CommissionTab } from './reporting/commission-tab';
import { ReportScheduleEditor } from './reporting/report-schedule';
import { REPORTING_TABS, reportingTabs } from './reporting/reporting-tabs';
import { ReportsTab } from './reporting/reports-tab';

const TABS = ['settings', 'screening', 'experts', 'ranking', 'awards'] as const;

/** The request that makes each move this screen offers; the decision is taken in the awards tab, the archive nowhere yet. */
const MOVE_TO: Partial<Record<CompetitionStatus, CompetitionMove>> = { open: 'open', review: 'start-review', published: 'publish' };

function LifecycleButtons({ competition }: { competition: Competition }) {
  const t = useT('organiser').lifecycle;
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (move: CompetitionMove) => moveCompetition(competition.id, move),
    onSuccess: (c) => {
      queryClient.setQueryData(competitionKeys.one(c.id), c);
      queryClient.invalidateQueries({ queryKey: competitionKeys.all });
      notify(t.moved);
    },
  });
  const words: Record<CompetitionMove, [label: string, text: string]> = {
    open: [t.open, t.openConfirm], 'start-review': [t.startReview, t.startReviewConfirm], publish: [t.publish, t.publishConfirm],
  };
  // The moves shared's workflow allows this user from this status.
  const moves = user ? movesFrom(COMPETITION_MOVES, competition.status, user.role).flatMap((to) => MOVE_TO[to] ?? []) : [];
  // The review starts once applications are no longer accepted (the server refuses earlier: review-too-early).
  const closed = usePassed(competition.closesAt);
  const early = (m: CompetitionMove) => m === 'start-review' && !closed;
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" justify="flex-end">
        {moves.map((m) => (
          <ConfirmButton key={m} label={words[m][0]} title={words[m][0]} text={words[m][1]} onConfirm={() => mutation.mutateAsync(m)}
            disabled={early(m)} aria-describedby={early(m) ? 'accepting-until' : undefined} />
        ))}
        {competition.status !== 'draft' && <Anchor component={Link} to={`/competitions/${competition.id}`} size="sm">{t.publicPage}</Anchor>}
      </Group>
      {moves.some(early) && (
        <Text size="sm" c="dimmed" id="accepting-until" data-testid="accepting-until">
          {t.acceptingUntil} <DateText value={competition.closesAt} withTime timeZone={competition.timezone} />. {t.startReviewAfter}
        </Text>
      )}
    </Stack>
  );
}

export function CompetitionWorkspace() {
  const { id = '' } = useParams();
  const t = useT('organiser').tabs;
  const tr = useT('reporting').tabs;
  const navigate = useNavigate();
  const location = useLocation();
  const query = useQuery(competitionQuery(id));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const c = query.data;
  const current = [...TABS, ...REPORTING_TABS].find((tab) => location.pathname.endsWith(`/${tab}`)) ?? 'settings';
  const laterTabs = reportingTabs(c.status);
  return (
    <>
      <PageTitle title={c.title} subtitle={<Group gap="xs" component="span"><StatusBadge kind="competition" status={c.status} /><span>{c.code}</span></Group>}
        actions={<LifecycleButtons competition={c} />} />
      {/* The tabs are addresses (…/screening), so a stage can be bookmarked; only the current panel renders. */}
      <Tabs value={current} onChange={(v) => v && navigate(`/organiser/competitions/${id}/${v}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((tab) => <Tabs.Tab key={tab} value={tab}>{t[tab]}</Tabs.Tab>)}
          {laterTabs.map((tab) => <Tabs.Tab key={tab} value={tab}>{tr[tab]}</Tabs.Tab>)}
        </Tabs.List>
        {[...TABS, ...laterTabs].map((tab) => (
          <Tabs.Panel key={tab} value={tab}>
            <Routes>
              <Route index element={<Navigate to="settings" replace />} />
              <Route path="settings" element={<><CompetitionEditor key={c.version} competition={c} /><ReportScheduleEditor competition={c} /></>} />
              <Route path="screening" element={<ScreeningTab competition={c} />} />
              <Route path="experts" element={<ExpertsTab competition={c} />} />
              <Route path="ranking" element={<RankingTab competition={c} />} />
              <Route path="awards" element={<AwardsTab competition={c} />} />
              <Route path="commission" element={<CommissionTab competition={c} />} />
              <Route path="reporting" element={<ReportsTab competition={c} />} />
            </Routes>
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
