import { ActionIcon, Alert, Button, Card, Grid, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { isRequiredField, type DraftFields } from '@konkurs/shared';
import { DateField } from '../../../components/date-fields';
import { useT } from '../../../i18n';
import { EmptyState } from '../../../components/states';
import { fieldId } from './field-paths';
import type { StepProps } from './step-props';

type PlanEvent = NonNullable<DraftFields['calendarPlan']>[number];

export function CalendarPlanStep({ fields, set, problems }: StepProps) {
  const t = useT('applicant').plan;
  const card = useT('applicant').card;
  const common = useT('common');
  const editor = useT('applicant').editor;
  const clear = (label: string) => ({ clearButtonProps: { 'aria-label': editor.clearDate(label) } });
  const plan = fields.calendarPlan ?? [];
  const tasks = fields.tasks ?? [];
  const taskOptions = tasks.map((task, i) => ({ value: String(i), label: `${card.task(i + 1)}${task ? `: ${task.slice(0, 80)}` : ''}` }));
  const update = (i: number, patch: Partial<PlanEvent>) => set('calendarPlan', plan.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const p = (i: number, f: string) => problems[`calendarPlan.${i}.${f}`];
  const req = (f: string) => isRequiredField(`calendarPlan.${f}`);
  return (
    <Stack gap="md" id={fieldId('calendarPlan')} tabIndex={-1}>
      {problems.calendarPlan && <Text c="red.9" size="sm" role="alert">{problems.calendarPlan}</Text>}
      {tasks.length === 0 && <Alert color="orange">{t.noTasks}</Alert>}
      {plan.length === 0 && <EmptyState title={t.empty} />}
      {plan.map((e, i) => (
        <Card key={i} withBorder padding="md" component="fieldset" style={{ margin: 0 }}>
          <Group justify="space-between" mb="xs">
            <Text component="legend" fw={600}>{t.event(i + 1)}</Text>
            <ActionIcon variant="subtle" color="red.9" aria-label={`${common.remove}: ${t.event(i + 1)}`} onClick={() => set('calendarPlan', plan.filter((_, j) => j !== i))}>✕</ActionIcon>
          </Group>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select id={fieldId(`calendarPlan.${i}.taskIndex`)} label={t.task} required={req('taskIndex')} data={taskOptions} value={e.taskIndex === null || e.taskIndex === undefined ? null : String(e.taskIndex)}
                onChange={(v) => update(i, { taskIndex: v === null ? null : Number(v) })} error={p(i, 'taskIndex')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput id={fieldId(`calendarPlan.${i}.title`)} label={t.eventTitle} required={req('title')} value={e.title ?? ''} onChange={(ev) => update(i, { title: ev.currentTarget.value })} error={p(i, 'title')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <DateField id={fieldId(`calendarPlan.${i}.startDate`)} label={t.startDate} required={req('startDate')} value={e.startDate}
                onChange={(v) => update(i, { startDate: v })} {...clear(`${t.event(i + 1)}: ${t.startDate}`)} error={p(i, 'startDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <DateField id={fieldId(`calendarPlan.${i}.endDate`)} label={t.endDate} required={req('endDate')} value={e.endDate}
                onChange={(v) => update(i, { endDate: v })} {...clear(`${t.event(i + 1)}: ${t.endDate}`)} error={p(i, 'endDate')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea id={fieldId(`calendarPlan.${i}.expectedResult`)} label={t.expectedResult} required={req('expectedResult')} autosize minRows={2} value={e.expectedResult ?? ''}
                onChange={(ev) => update(i, { expectedResult: ev.currentTarget.value })} error={p(i, 'expectedResult')} />
            </Grid.Col>
          </Grid>
        </Card>
      ))}
      <div>
        <Button variant="default" onClick={() => set('calendarPlan', [...plan, { taskIndex: tasks.length === 1 ? 0 : null, title: '', startDate: fields.startDate ?? null, endDate: fields.endDate ?? null, expectedResult: '' }])}>
          + {t.add}
        </Button>
      </div>
    </Stack>
  );
}
