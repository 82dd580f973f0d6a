import { Grid, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { formatDate } from '@konkurs/shared';
import { useLang, useT } from '../../../i18n';
import { directionOptions, regionOptions } from '../../../lib/reference';
import { StringList } from './controls';
import { fieldId } from './field-paths';
import type { StepProps } from './step-props';

export function ProjectCardStep({ fields, set, problems, competition }: StepProps) {
  const t = useT('applicant').card;
  const { lang } = useLang();
  const text = (key: 'summary' | 'relevance' | 'goal', label: string, minRows: number, maxLength: number) => (
    <Textarea id={fieldId(key)} label={label} required value={fields[key] ?? ''} onChange={(e) => set(key, e.currentTarget.value)}
      autosize minRows={minRows} maxRows={16} maxLength={maxLength} error={problems[key]} />
  );
  return (
    <Stack gap="md">
      <TextInput id={fieldId('title')} label={t.title} required value={fields.title ?? ''} onChange={(e) => set('title', e.currentTarget.value)} maxLength={300} error={problems.title} />
      <Select id={fieldId('directionCode')} label={t.direction} required data={directionOptions(lang, competition.directionCodes)} value={fields.directionCode ?? null}
        onChange={(v) => set('directionCode', v)} error={problems.directionCode} allowDeselect={false} />
      {text('summary', t.summary, 3, 3000)}
      {text('relevance', t.relevance, 5, 20000)}
      {text('goal', t.goal, 2, 3000)}
      <StringList name="tasks" legend={t.tasks} values={fields.tasks ?? []} onChange={(v) => set('tasks', v)} itemLabel={t.task} addLabel={t.addTask} problems={problems} />
      <StringList name="targetGroups" legend={t.targetGroups} values={fields.targetGroups ?? []} onChange={(v) => set('targetGroups', v)} itemLabel={t.targetGroup} addLabel={t.addTargetGroup} problems={problems} />
      <MultiSelect id={fieldId('geographyRegionCodes')} label={t.geography} required searchable data={regionOptions()} value={fields.geographyRegionCodes ?? []}
        onChange={(v) => set('geographyRegionCodes', v)} error={problems.geographyRegionCodes} />
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput id={fieldId('startDate')} type="date" label={t.startDate} required value={fields.startDate ?? ''} onChange={(e) => set('startDate', e.currentTarget.value || null)}
            description={t.datesHint(formatDate(competition.closesAt, competition.timezone), competition.maxProjectMonths)} error={problems.startDate} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput id={fieldId('endDate')} type="date" label={t.endDate} required value={fields.endDate ?? ''} onChange={(e) => set('endDate', e.currentTarget.value || null)}
            min={fields.startDate ?? undefined} error={problems.endDate} description=" " />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
