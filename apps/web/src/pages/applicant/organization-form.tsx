// A new organisation, with ИНН/ОГРН/КПП checked live as they are typed (shared checksums), the way
// the server will check them.
import { Button, Card, Grid, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, type FieldError } from 'react-hook-form';
import { createOrganizationBody, isValidInn, isValidKpp, isValidOgrn, type Organization } from '@konkurs/shared';
import { createOrganization, organizationKeys } from '../../api/organizations';
import { isApiError } from '../../api/client';
import { useCreateForm } from '../../components/create-dialog';
import { FormProblem, useProblemText } from '../../components/field-error';
import { useT } from '../../i18n';
import { regionOptions } from '../../lib/reference';

type CheckState = 'empty' | 'typing' | 'bad-format' | 'bad-checksum' | 'ok';

/** Where a typed ИНН or ОГРН stands: still being typed, malformed, wrong check digit, or correct. */
export function checkState(value: string, kind: 'inn' | 'ogrn'): CheckState {
  const v = value.trim();
  if (!v) return 'empty';
  const [length, valid, shape] = kind === 'inn' ? [10, isValidInn, /^\d*$/] : [13, isValidOgrn, /^[15]?\d*$/];
  if (!shape.test(v) || v.length > length) return 'bad-format';
  if (v.length < length) return 'typing';
  return valid(v) ? 'ok' : 'bad-checksum';
}

const FIELDS = ['inn', 'ogrn', 'kpp', 'fullName', 'shortName', 'regionCode', 'address', 'email', 'phone', 'website'] as const;
// Optional fields left empty are not sent (an empty e-mail is not an e-mail).
const optional = { setValueAs: (v: string) => (v.trim() === '' ? undefined : v) };

export function OrganizationForm({ onCreated }: { onCreated: (org: Organization) => void }) {
  const t = useT('applicant').organizations;
  const text = useProblemText();
  const queryClient = useQueryClient();
  const { form, mutation, submit } = useCreateForm({
    schema: createOrganizationBody,
    defaultValues: { inn: '', ogrn: '', kpp: '', fullName: '', shortName: '', regionCode: undefined as unknown as string, address: '', email: '', phone: '', website: '' },
    fields: FIELDS,
    create: createOrganization,
    onCreated: async (org) => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.mine });
      onCreated(org);
    },
    onRefused: (e, unplaced) => {
      // A taken ИНН refuses the whole request; it belongs next to the ИНН all the same.
      if (isApiError(e, 409) && unplaced.length === 0) form.setError('inn', { type: 'server', message: text(e) }, { shouldFocus: true });
    },
  });

  const { errors, submitCount } = form.formState;
  const inn = form.watch('inn');
  const ogrn = form.watch('ogrn');
  const kpp = form.watch('kpp');

  // Live: a complete but wrong number is flagged at once, an incomplete one only after a submit attempt; in the words
  // of the codes the server refuses them with.
  const liveMessage = (state: CheckState, kind: 'inn' | 'ogrn') =>
    state === 'bad-checksum' ? text({ code: `${kind}-checksum` })
      : state === 'bad-format' || (state === 'typing' && submitCount > 0) ? text({ code: `${kind}-format` }) : undefined;
  const innState = checkState(inn, 'inn');
  const ogrnState = checkState(ogrn, 'ogrn');
  const server = (e: FieldError | undefined) => (e?.type === 'server' ? e.message : undefined);
  const innError = server(errors.inn) ?? liveMessage(innState, 'inn') ?? errors.inn?.message;
  const ogrnError = server(errors.ogrn) ?? liveMessage(ogrnState, 'ogrn') ?? errors.ogrn?.message;
  const kppError = server(errors.kpp) ?? ((kpp.length >= 9 || submitCount > 0) && kpp && !isValidKpp(kpp) ? text({ code: 'kpp-format' }) : errors.kpp?.message);
  const ok = (state: CheckState, hint: string, okText: string) => (state === 'ok' ? <Text component="span" size="xs" c="green.9" fw={600}>✓ {okText}</Text> : hint);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="org-form-title">
      <Title order={2} fz="lg" mb="md" id="org-form-title">{t.createTitle}</Title>
      <form noValidate onSubmit={submit}>
        <Stack>
          {/* A taken ИНН is told next to the ИНН, not twice. */}
          {!(isApiError(mutation.error, 409) && mutation.error.errors.length === 0) && <FormProblem error={mutation.error} shownPaths={FIELDS} />}
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t.inn} required inputMode="numeric" autoComplete="off" maxLength={12} description={ok(innState, t.innHint, t.innOk)} error={innError} {...form.register('inn')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t.ogrn} required inputMode="numeric" autoComplete="off" maxLength={15} description={ok(ogrnState, t.ogrnHint, t.ogrnOk)} error={ogrnError} {...form.register('ogrn')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t.kpp} required autoComplete="off" maxLength={9} description={t.kppHint} error={kppError}
                {...form.register('kpp', { setValueAs: (v: string) => v.toUpperCase() })} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput label={t.fullName} required {...form.register('fullName')} error={errors.fullName?.message} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t.shortName} required {...form.register('shortName')} error={errors.shortName?.message} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Controller
                control={form.control}
                name="regionCode"
                render={({ field, fieldState }) => (
                  <Select label={t.region} required searchable data={regionOptions()} value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)}
                    onBlur={field.onBlur} ref={field.ref} error={fieldState.error?.message} nothingFoundMessage="—" />
                )}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput label={t.address} {...form.register('address', optional)} error={errors.address?.message} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t.email} type="email" {...form.register('email', optional)} error={errors.email?.message} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t.phone} type="tel" {...form.register('phone', optional)} error={errors.phone?.message} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t.website} {...form.register('website', optional)} error={errors.website?.message} />
            </Grid.Col>
          </Grid>
          <div>
            <Button type="submit" loading={mutation.isPending}>{t.save}</Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
