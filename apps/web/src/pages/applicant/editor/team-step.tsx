import { ActionIcon, Button, Card, Grid, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { isRequiredField, type DraftFields } from '@konkurs/shared';
import { useT } from '../../../i18n';
import { EmptyState } from '../../../components/states';
import { fieldId } from './field-paths';
import type { StepProps } from './step-props';

type Person = NonNullable<DraftFields['team']>[number];

export function TeamStep({ fields, set, problems }: StepProps) {
  const t = useT('applicant').team;
  const common = useT('common');
  const team = fields.team ?? [];
  const update = (i: number, patch: Partial<Person>) => set('team', team.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Stack gap="md" id={fieldId('team')} tabIndex={-1}>
      {problems.team && <Text c="red.9" size="sm" role="alert">{problems.team}</Text>}
      {team.length === 0 && <EmptyState title={t.empty} />}
      {team.map((p, i) => (
        <Card key={i} withBorder padding="md" component="fieldset" style={{ margin: 0 }}>
          <Group justify="space-between" mb="xs">
            <Text component="legend" fw={600}>{t.person(i + 1)}</Text>
            <ActionIcon variant="subtle" color="red.9" aria-label={`${common.remove}: ${t.person(i + 1)}`} onClick={() => set('team', team.filter((_, j) => j !== i))}>✕</ActionIcon>
          </Group>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput id={fieldId(`team.${i}.fullName`)} label={t.fullName} required={isRequiredField('team.fullName')} value={p.fullName ?? ''} onChange={(e) => update(i, { fullName: e.currentTarget.value })} error={problems[`team.${i}.fullName`]} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput id={fieldId(`team.${i}.role`)} label={t.role} value={p.role ?? ''} onChange={(e) => update(i, { role: e.currentTarget.value })} error={problems[`team.${i}.role`]} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea id={fieldId(`team.${i}.experience`)} label={t.experience} autosize minRows={2} value={p.experience ?? ''} onChange={(e) => update(i, { experience: e.currentTarget.value })} error={problems[`team.${i}.experience`]} />
            </Grid.Col>
          </Grid>
        </Card>
      ))}
      <div>
        <Button variant="default" onClick={() => set('team', [...team, { fullName: '', role: '', experience: '' }])}>+ {t.add}</Button>
      </div>
    </Stack>
  );
}
