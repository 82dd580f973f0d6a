// The winners' report schedule: the interim dates the organiser sets before the results are published (none set:
// one interim report at each project's midpoint), and the final report a fixed number of days after the end.
import { useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RESULTS_PUBLIC, formatDate, type Competition, type ReportSchedule } from '@konkurs/shared';
import { reportKeys, reportScheduleQuery, setReportSchedule } from '../../../api/reports';
import { DateField } from '../../../components/date-fields';
import { FormProblem, useFieldError } from '../../../components/field-error';
import { ErrorState, Loading } from '../../../components/states';
import { useT } from '../../../i18n';
import { notify } from '../../../lib/notify';
import '../../../lib/report-messages';

/** What applies, in words: the default, no interim reports, or the dates; and the final report. */
function ScheduleWords({ schedule }: { schedule: ReportSchedule }) {
  const t = useT('reporting').schedule;
  const dates = schedule.interimDates;
  return (
    <Stack gap={4}>
      {dates === null ? <Text size="sm">{t.byDefault}</Text> : dates.length === 0 ? <Text size="sm">{t.noInterim}</Text> : (
        <>
          <Text size="sm">{t.custom}</Text>
          <List size="sm" data-testid="interim-dates">{dates.map((d) => <List.Item key={d}>{formatDate(d)}</List.Item>)}</List>
        </>
      )}
      <Text size="sm">{t.final(schedule.finalReportDays)}</Text>
    </Stack>
  );
}

/** The editor: date rows added and removed, saved as one list (sorted); a date the server refuses says so beside it. */
function ScheduleEditor({ competition, schedule }: { competition: Competition; schedule: ReportSchedule }) {
  const t = useT('reporting').schedule;
  const tc = useT('common');
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<(string | null)[]>(schedule.interimDates ?? []);
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: (dates: string[] | null) => setReportSchedule(competition.id, dates),
    onSuccess: (s) => {
      queryClient.setQueryData(reportKeys.schedule(competition.id), s);
      setRows(s.interimDates ?? []);
      notify(t.saved);
    },
  });
  const fieldError = useFieldError(mutation.error);
  const saved = schedule.interimDates;
  const dirty = saved === null ? rows.length > 0 : JSON.stringify(rows) !== JSON.stringify(saved);
  const change = (next: (string | null)[]) => {
    setRows(next);
    setMissing(false);
    mutation.reset();
  };
  function save() {
    if (rows.some((d) => !d)) return setMissing(true);
    const sorted = [...new Set(rows as string[])].sort();
    setRows(sorted);
    mutation.mutate(sorted);
  }
  const shown = rows.map((_, i) => `interimDates.${i}`);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t.byDefault}</Text>
      {rows.map((d, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <DateField label={t.date(i + 1)} value={d} onChange={(v) => change(rows.map((x, j) => (j === i ? v : x)))} w={220}
            error={(missing && !d ? t.dateMissing : undefined) ?? fieldError(`interimDates.${i}`)} />
          <ActionIcon variant="subtle" color="red" mt={26} size="lg" aria-label={t.remove(i + 1)} onClick={() => change(rows.filter((_, j) => j !== i))}>×</ActionIcon>
        </Group>
      ))}
      {rows.length === 0 && saved !== null && saved.length > 0 && <Alert color="orange" variant="light">{t.emptyWarning}</Alert>}
      <FormProblem error={mutation.error} shownPaths={shown} />
      <Group gap="xs">
        <Button variant="default" onClick={() => change([...rows, null])} disabled={rows.length >= 12}>{t.add}</Button>
        <Button onClick={save} disabled={!dirty} loading={mutation.isPending}>{t.save}</Button>
        {dirty && <Button variant="subtle" onClick={() => change(saved ?? [])}>{tc.cancel}</Button>}
        {saved !== null && <Button variant="subtle" onClick={() => mutation.mutate(null)} loading={mutation.isPending}>{t.reset}</Button>}
      </Group>
      <Text size="sm">{t.final(schedule.finalReportDays)}</Text>
    </Stack>
  );
}

function ScheduleCard({ competition, editable }: { competition: Competition; editable: boolean }) {
  const t = useT('reporting').schedule;
  const query = useQuery(reportScheduleQuery(competition.id));
  return (
    <Card withBorder padding="lg" mt="xl" data-testid="report-schedule">
      <Stack gap="sm">
        <Title order={2} fz="h4">{t.title}</Title>
        <Text size="sm" c="dimmed">{t.intro}</Text>
        {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : editable
          ? <ScheduleEditor key={JSON.stringify(query.data.interimDates)} competition={competition} schedule={query.data} />
          : <><Text size="sm" c="dimmed">{t.locked}</Text><ScheduleWords schedule={query.data} /></>}
      </Stack>
    </Card>
  );
}

/** In the settings, while the results are not yet published (the server refuses a change after: 409). */
export function ReportScheduleEditor({ competition }: { competition: Competition }) {
  if (RESULTS_PUBLIC.includes(competition.status)) return null;
  return <ScheduleCard competition={competition} editable />;
}

/** Beside the reports: the schedule the winners were given. */
export function ReportScheduleView({ competition }: { competition: Competition }) {
  return <ScheduleCard competition={competition} editable={false} />;
}
