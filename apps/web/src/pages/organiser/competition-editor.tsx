// The competition editor (create and edit): general data, the application window in the competition's time
// zone (typed `01.02.2027` and a 24-hour `18:00`, components/date-fields.tsx), money in roubles, selection rules, required documents and the criteria table. A control is enabled exactly
// when the competition's status lets that setting change (shared's EDITABLE_FIELDS, the rule the server applies).
import { useState } from 'react';
import {
  ActionIcon, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useFieldArray, useForm, type Control } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS, DEFAULT_CRITERIA, type Competition } from '@konkurs/shared';
import { isApiError } from '../../api/client';
import { competitionKeys, competitionQuery } from '../../api/competitions';
import { createCompetition, updateCompetition } from '../../api/competition-settings';
import { useAuth } from '../../auth/auth';
import { FormProblem, useProblemText } from '../../components/field-error';
import { useSchemaResolver } from '../../components/form-resolver';
import { ScrollTable } from '../../components/scroll-region';
import { StaleVersionBanner } from '../../components/stale-version-banner';
import { DateTimeField } from '../../components/date-fields';
import { DateText } from '../../components/date-text';
import { PageTitle } from '../../components/page-title';
import { useLang, useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { directionOptions, regionOptions } from '../../lib/reference';
import {
  competitionFormSchema, competitionToForm, editableFormFields, emptyCompetitionForm, formPathOf, formToBody, formToPatch,
  type CompetitionFormField, type CompetitionFormValues,
} from './competition-form';
import { zonedToInstant } from './zoned-time';

const TIME_ZONES = [
  'Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Omsk', 'Asia/Novosibirsk',
  'Asia/Krasnoyarsk', 'Asia/Irkutsk', 'Asia/Yakutsk', 'Asia/Vladivostok', 'Asia/Magadan', 'Asia/Kamchatka',
];

/** What a typed wall-clock time means: the date as the platform shows it, in the competition's zone. */
function ZonedPreview({ value, zone }: { value: string; zone: string }) {
  const t = useT('organiser').editor;
  const instant = zonedToInstant(value ?? '', zone);
  return <>{instant ? <DateText value={instant} withTime timeZone={zone} /> : null} {t.zoneHint(zone)}</>;
}

type MoneyField = 'budget' | 'minGrant' | 'maxGrant';
type NumberField = MoneyField | 'maxProjectMonths' | 'minCofinancingPercent' | 'reviewersPerApplication' | 'divergenceThreshold' | 'passMark' | 'maxApplicationsPerOrganization';

function NumberField({ control, name, label, money = false, decimals = 0, disabled }: {
  control: Control<CompetitionFormValues>; name: NumberField; label: string; money?: boolean; decimals?: number; disabled?: boolean;
}) {
  return (
    <Controller control={control} name={name} render={({ field, fieldState }) => (
      <NumberInput
        label={label} required disabled={disabled} name={field.name} ref={field.ref} onBlur={field.onBlur}
        // An emptied input is no number at all: the schema then says the field is required.
        value={field.value ?? ''} onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? undefined : Number(String(v).replace(',', '.')))}
        min={0} allowNegative={false} decimalScale={money ? 2 : decimals} fixedDecimalScale={money}
        thousandSeparator={money ? ' ' : undefined} decimalSeparator=","
        error={fieldState.error?.message}
      />
    )} />
  );
}

function CriteriaTable({ control, disabled }: { control: Control<CompetitionFormValues>; disabled: boolean }) {
  const t = useT('organiser').editor;
  const { fields, append, remove, replace } = useFieldArray({ control, name: 'criteria' });
  return (
    <Stack gap="xs">
      {disabled && <Text size="sm" c="dimmed">{t.criteriaFrozen}</Text>}
      <ScrollTable minWidth={900} label={t.criteria} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>№</Table.Th><Table.Th w={90}>{t.criterionCode}</Table.Th><Table.Th>{t.criterionTitle}</Table.Th>
            <Table.Th>{t.criterionDescription}</Table.Th><Table.Th w={90}>{t.weight}</Table.Th><Table.Th w={100}>{t.maxScore}</Table.Th>
            <Table.Th w={110}>{t.commentRequired}</Table.Th><Table.Th w={50} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f, i) => (
            <Table.Tr key={f.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Controller control={control} name={`criteria.${i}.code`} render={({ field, fieldState }) => (
                  <TextInput aria-label={`${t.criterionCode} ${i + 1}`} disabled={disabled} {...field} error={fieldState.error?.message} />
                )} />
              </Table.Td>
              <Table.Td>
                <Controller control={control} name={`criteria.${i}.title`} render={({ field, fieldState }) => (
                  <Textarea aria-label={`${t.criterionTitle} ${i + 1}`} autosize minRows={1} disabled={disabled} {...field} error={fieldState.error?.message} />
                )} />
              </Table.Td>
              <Table.Td>
                <Controller control={control} name={`criteria.${i}.description`} render={({ field, fieldState }) => (
                  <Textarea aria-label={`${t.criterionDescription} ${i + 1}`} autosize minRows={1} disabled={disabled} {...field} error={fieldState.error?.message} />
                )} />
              </Table.Td>
              <Table.Td>
                <Controller control={control} name={`criteria.${i}.weight`} render={({ field, fieldState }) => (
                  <NumberInput aria-label={`${t.weight} ${i + 1}`} disabled={disabled} min={0} decimalScale={2} decimalSeparator="," name={field.name} ref={field.ref}
                    value={field.value} onChange={(v) => field.onChange(Number(v))} onBlur={field.onBlur} error={fieldState.error?.message} />
                )} />
              </Table.Td>
              <Table.Td>
                <Controller control={control} name={`criteria.${i}.maxScore`} render={({ field, fieldState }) => (
                  <NumberInput aria-label={`${t.maxScore} ${i + 1}`} disabled={disabled} min={1} max={100} allowDecimal={false} name={field.name} ref={field.ref}
                    value={field.value} onChange={(v) => field.onChange(Number(v))} onBlur={field.onBlur} error={fieldState.error?.message} />
                )} />
              </Table.Td>
              <Table.Td>
                <Controller control={control} name={`criteria.${i}.commentRequired`} render={({ field }) => (
                  <Checkbox aria-label={`${t.commentRequired} ${i + 1}`} disabled={disabled} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} ref={field.ref} />
                )} />
              </Table.Td>
              <Table.Td>
                {!disabled && (
                  <ActionIcon variant="subtle" color="red.9" aria-label={t.removeCriterion(i + 1)} onClick={() => remove(i)} disabled={fields.length <= 1}>×</ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {!disabled && (
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => append({ code: `K${fields.length + 1}`, title: '', description: '', weight: 1, maxScore: 10, commentRequired: false })}>
            {t.addCriterion}
          </Button>
          <Button variant="subtle" size="xs" onClick={() => replace(DEFAULT_CRITERIA.map((c) => ({ ...c })))}>{t.resetCriteria}</Button>
        </Group>
      )}
    </Stack>
  );
}

export function CompetitionEditor({ competition }: { competition?: Competition }) {
  const t = useT('organiser').editor;
  const { lang } = useLang();
  const { user } = useAuth();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [stale, setStale] = useState(false);
  const form = useForm<CompetitionFormValues>({
    resolver: useSchemaResolver(competitionFormSchema),
    defaultValues: competition ? competitionToForm(competition) : emptyCompetitionForm(new Date()),
  });
  const editable = editableFormFields(competition?.status);
  const frozen = (field: CompetitionFormField) => !editable.has(field);
  const zone = form.watch('timezone');
  // Read while rendering: react-hook-form tracks which fields changed only for a form state someone reads.
  const { dirtyFields } = form.formState;

  const mutation = useMutation({
    mutationFn: async (values: CompetitionFormValues) => {
      const operatorId = user?.operatorId ?? '';
      if (!competition) return createCompetition(formToBody(values, operatorId));
      const patch = formToPatch(values, dirtyFields as Partial<Record<CompetitionFormField, unknown>>, operatorId);
      return updateCompetition(competition.id, { version: competition.version, ...patch });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(competitionKeys.one(saved.id), saved);
      queryClient.invalidateQueries({ queryKey: competitionKeys.all });
      form.reset(competitionToForm(saved));
      notify(competition ? t.saved : t.created);
      if (!competition) navigate(`/organiser/competitions/${saved.id}`);
    },
    onError: (e) => {
      if (isApiError(e, 412)) return setStale(true);
      if (!isApiError(e)) return;
      let first = true;
      for (const fe of e.errors) {
        const path = formPathOf(fe.path);
        form.setError(path as CompetitionFormField, { type: 'server', message: problemText(fe) }, { shouldFocus: first });
        first = false;
      }
    },
  });

  async function reload() {
    if (!competition) return;
    const fresh = await queryClient.fetchQuery({ ...competitionQuery(competition.id), staleTime: 0 });
    form.reset(competitionToForm(fresh));
    setStale(false);
  }

  const err = form.formState.errors;
  const text = (name: 'code' | 'title', label: string, extra: Record<string, unknown> = {}) => (
    <TextInput label={label} required {...form.register(name)} error={err[name]?.message} {...extra} />
  );
  const formFields = Object.keys(competitionFormSchema.shape ?? {});

  return (
    <form noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
      <Stack gap="lg">
        {!competition && <PageTitle title={t.createTitle} />}
        {stale && <StaleVersionBanner title={t.stale} text={t.staleText} onReload={reload} />}
        {!isApiError(mutation.error, 412) && (
          <FormProblem error={mutation.error} shownPaths={isApiError(mutation.error) ? mutation.error.errors.map((e) => e.path).filter((p) => formFields.includes(formPathOf(p).split('.')[0])) : []} />
        )}

        <Card withBorder padding="lg" radius="md" component="section">
          <Title order={2} size="h4" mb="sm">{t.general}</Title>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {text('code', t.code, { description: t.codeHint, disabled: frozen('code'), autoCapitalize: 'characters' })}
              <div style={{ gridColumn: 'span 2' }}>{text('title', t.title, { disabled: frozen('title') })}</div>
            </SimpleGrid>
            <Textarea label={t.description} autosize minRows={3} disabled={frozen('description')} {...form.register('description')} error={err.description?.message} />
            <Controller control={form.control} name="directionCodes" render={({ field, fieldState }) => (
              <MultiSelect label={t.directions} required searchable disabled={frozen('directionCodes')} data={directionOptions(lang)} value={field.value} onChange={field.onChange}
                onBlur={field.onBlur} ref={field.ref} error={fieldState.error?.message} />
            )} />
            <Controller control={form.control} name="regionCodes" render={({ field, fieldState }) => (
              <MultiSelect label={t.regions} description={t.regionsHint} searchable clearable disabled={frozen('regionCodes')} data={regionOptions()} value={field.value}
                onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldState.error?.message} />
            )} />
          </Stack>
        </Card>

        <Card withBorder padding="lg" radius="md" component="section">
          <Title order={2} size="h4" mb="sm">{t.window}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Controller control={form.control} name="timezone" render={({ field }) => (
              <Select label={t.timezone} data={TIME_ZONES} disabled={frozen('timezone')} allowDeselect={false} value={field.value} onChange={(v) => field.onChange(v ?? 'Europe/Moscow')} ref={field.ref} />
            )} />
            {(['opensAt', 'closesAt'] as const).map((name) => (
              <Controller key={name} control={form.control} name={name} render={({ field, fieldState }) => (
                <DateTimeField id={`competition-${name}`} label={t[name]} required disabled={frozen(name)} value={field.value} onChange={field.onChange}
                  onBlur={field.onBlur} description={<ZonedPreview value={field.value} zone={zone} />} error={fieldState.error?.message} />
              )} />
            ))}
          </SimpleGrid>
        </Card>

        <Card withBorder padding="lg" radius="md" component="section">
          <Title order={2} size="h4" mb="sm">{t.money}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberField control={form.control} name="budget" label={t.budget} money disabled={frozen('budget')} />
            <NumberField control={form.control} name="minGrant" label={t.minGrant} money disabled={frozen('minGrant')} />
            <NumberField control={form.control} name="maxGrant" label={t.maxGrant} money disabled={frozen('maxGrant')} />
            <NumberField control={form.control} name="maxProjectMonths" label={t.months} disabled={frozen('maxProjectMonths')} />
            <NumberField control={form.control} name="minCofinancingPercent" label={t.cofinancing} decimals={2} disabled={frozen('minCofinancingPercent')} />
          </SimpleGrid>
        </Card>

        <Card withBorder padding="lg" radius="md" component="section">
          <Title order={2} size="h4" mb="sm">{t.rules}</Title>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <NumberField control={form.control} name="reviewersPerApplication" label={t.reviewers} disabled={frozen('reviewersPerApplication')} />
              <NumberField control={form.control} name="divergenceThreshold" label={t.divergence} decimals={2} disabled={frozen('divergenceThreshold')} />
              <NumberField control={form.control} name="passMark" label={t.passMark} decimals={2} disabled={frozen('passMark')} />
              <NumberField control={form.control} name="maxApplicationsPerOrganization" label={t.maxApplications} disabled={frozen('maxApplicationsPerOrganization')} />
            </SimpleGrid>
            <Checkbox label={t.oneWin} disabled={frozen('oneWinPerOrganization')} {...form.register('oneWinPerOrganization')} />
            <Controller control={form.control} name="requiredAttachmentKinds" render={({ field, fieldState }) => (
              <MultiSelect label={t.attachments} disabled={frozen('requiredAttachmentKinds')} clearable data={ATTACHMENT_KINDS.map((k) => ({ value: k, label: ATTACHMENT_KIND_LABELS[lang][k] }))}
                value={field.value} onChange={(v) => field.onChange(v)} ref={field.ref} error={fieldState.error?.message} />
            )} />
          </Stack>
        </Card>

        <Card withBorder padding="lg" radius="md" component="section">
          <Title order={2} size="h4" mb="sm">{t.criteria}</Title>
          <CriteriaTable control={form.control} disabled={frozen('criteria')} />
        </Card>

        {editable.size > 0 && (
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>{competition ? t.save : t.create}</Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
