import { Grid, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { formatDate, isRequiredField as req } from '@konkurs/shared';
import { DateField } from '../../../components/date-fields';
import { useLang, useT } from '../../../i18n';
import { directionOptions, regionOptions } from '../../../lib/reference';
import { StringList } from './controls';
import { fieldId } from './field-paths';
import type { StepProps } from './step-props';

export function ProjectCardStep({ fields, set, problems, competition }: StepProps) {
  const t = useT('applicant').card;
  const editor = useT('applicant').editor;
  // The field's clear button is named for a screen reader (an unnamed button fails axe).
  const clear = (label: string) => ({ clearButtonProps: { 'aria-label': editor.clearDate(label) } });
  const { lang } = useLang();
  const text = (key: 'summary' | 'relevance' | 'goal', label: string, minRows: number, maxLength: number) => (
    <Textarea id={fieldId(key)} label={label} required={req(key)} value={fields[key] ?? ''} onChange={(e) => set(key, e.currentTarget.value)}
      autosize minRows={minRows} maxRows={16} maxLength={maxLength} error={problems[key]} />
  );
  return (
    <Stack gap="md">
      <TextInput id={fieldId('title')} label={t.title} required={req('title')} value={fields.title ?? ''} onChange={(e) => set('title', e.currentTarget.value)} maxLength={300} error={problems.title} />
      <Select id={fieldId('directionCode')} label={t.direction} required={req('directionCode')} data={directionOptions(lang, competition.directionCodes)} value={fields.directionCode ?? null}
        onChange={(v) => set('directionCode', v)} error={problems.directionCode} allowDeselect={false} />
      {text('summary', t.summary, 3, 3000)}
      {text('relevance', t.relevance, 5, 20000)}
      {text('goal', t.goal, 2, 3000)}
      <StringList name="tasks" legend={t.tasks} values={fields.tasks ?? []} onChange={(v) => set('tasks', v)} itemLabel={t.task} addLabel={t.addTask} problems={problems} required={req('tasks')} />
      <StringList name="targetGroups" legend={t.targetGroups} values={fields.targetGroups ?? []} onChange={(v) => set('targetGroups', v)} itemLabel={t.targetGroup} addLabel={t.addTargetGroup} problems={problems} required={req('targetGroups')} />
      <MultiSelect id={fieldId('geographyRegionCodes')} label={t.geography} required={req('geographyRegionCodes')} searchable data={regionOptions()} value={fields.geographyRegionCodes ?? []}
        onChange={(v) => set('geographyRegionCodes', v)} error={problems.geographyRegionCodes} />
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField id={fieldId('startDate')} label={t.startDate} required={req('startDate')} value={fields.startDate} onChange={(v) => set('startDate', v)} {...clear(t.startDate)}
            description={t.datesHint(formatDate(competition.closesAt, competition.timezone), competition.maxProjectMonths)} error={problems.startDate} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField id={fieldId('endDate')} label={t.endDate} required={req('endDate')} value={fields.endDate} onChange={(v) => set('endDate', v)} {...clear(t.endDate)}
            error={problems.endDate} description=" " />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
