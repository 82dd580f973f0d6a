// Step 1: each calendar-plan event as the application planned it (read-only), then what happened: its completion,
// the actual dates and the result.
import { Card, Grid, Select, Stack, Text, Textarea } from '@mantine/core';
import { REPORT_EVENT_STATUSES, REPORT_EVENT_STATUS_LABELS, formatDate, type ReportEventStatus } from '@konkurs/shared';
import { DateField } from '../../../components/date-fields';
import { EmptyState } from '../../../components/states';
import { useLang, useT } from '../../../i18n';
import { fieldId } from '../editor/field-paths';
import { FieldComment } from './field-comment';
import { eventOf, withEvent } from './report-paths';
import type { ReportStepProps } from './step-props';

const day = (d: string | null) => (d ? formatDate(d) : '—');

export function EventsStep({ report, fields, set, problems, comments }: ReportStepProps) {
  const t = useT('reports').events;
  const { lang } = useLang();
  const plan = report.plan.calendarPlan;
  if (plan.length === 0) return <EmptyState title={t.empty} />;
  return (
    <Stack gap="md" id={fieldId('events')} tabIndex={-1}>
      {problems.events && <Text c="red.9" size="sm" role="alert">{problems.events}</Text>}
      <FieldComment path="events" comments={comments} />
      {plan.map((planned, i) => {
        const e = eventOf(fields, i);
        const path = (f: string) => `events.${i}.${f}`;
        const name = `${t.event(i + 1)}: ${planned.title || t.untitled}`;
        const update = (patch: Parameters<typeof withEvent>[2]) => set('events', withEvent(fields, i, patch));
        return (
          <Card key={i} withBorder padding="md" component="section" role="group" aria-labelledby={`event-${i}-title`} id={fieldId(`events.${i}`)} tabIndex={-1}>
            <Text component="h3" fz="md" fw={700} id={`event-${i}-title`} style={{ overflowWrap: 'anywhere' }}>{name}</Text>
            <Text size="sm" c="dimmed" mt={4}>{t.planned}: {t.plannedDates(day(planned.startDate), day(planned.endDate))}</Text>
            {planned.expectedResult && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}><Text span c="dimmed">{t.expectedResult}:</Text> {planned.expectedResult}</Text>
            )}
            <FieldComment path={`events.${i}`} comments={comments} />
            <Grid mt="sm">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select id={fieldId(path('status'))} label={t.status} aria-label={`${name}: ${t.status}`} value={e.status ?? null} error={problems[path('status')]}
                  data={REPORT_EVENT_STATUSES.map((s) => ({ value: s, label: REPORT_EVENT_STATUS_LABELS[lang][s] }))}
                  onChange={(v) => update({ status: (v as ReportEventStatus | null) ?? null })} />
                <FieldComment path={path('status')} comments={comments} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 6, sm: 4 }}>
                <DateField id={fieldId(path('actualStartDate'))} label={t.actualStartDate} value={e.actualStartDate} error={problems[path('actualStartDate')]}
                  onChange={(v) => update({ actualStartDate: v })} />
                <FieldComment path={path('actualStartDate')} comments={comments} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 6, sm: 4 }}>
                <DateField id={fieldId(path('actualEndDate'))} label={t.actualEndDate} value={e.actualEndDate} error={problems[path('actualEndDate')]}
                  onChange={(v) => update({ actualEndDate: v })} />
                <FieldComment path={path('actualEndDate')} comments={comments} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea id={fieldId(path('result'))} label={t.result} autosize minRows={2} value={e.result ?? ''} error={problems[path('result')]}
                  onChange={(ev) => update({ result: ev.currentTarget.value })} />
                <FieldComment path={path('result')} comments={comments} />
              </Grid.Col>
            </Grid>
          </Card>
        );
      })}
    </Stack>
  );
}
