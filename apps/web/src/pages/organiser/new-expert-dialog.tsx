// Creating an expert of the organiser's operator (POST /users, role expert), with their directions.
import { Button, Group, Modal, MultiSelect, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { createUserBody, type User } from '@konkurs/shared';
import { createUser, userKeys } from '../../api/users';
import { applyProblemToForm, FormProblem, useServerMessage } from '../../components/field-error';
import { useLang, useT } from '../../i18n';
import { directionOptions, regionOptions } from '../../lib/reference';

const expertForm = createUserBody.pick({ email: true, password: true, fullName: true }).extend({
  expertDirections: z.array(z.string()),
  regionCode: z.string().nullable(),
});
type ExpertForm = z.input<typeof expertForm>;
const FIELDS = ['email', 'password', 'fullName', 'expertDirections', 'regionCode'] as const;

export function NewExpertDialog({ opened, onClose, onCreated, submitLabel }: {
  opened: boolean; onClose: () => void; onCreated: (u: User) => Promise<unknown> | void; submitLabel?: string;
}) {
  const t = useT('organiser').experts;
  const tc = useT('common');
  const { lang } = useLang();
  const translate = useServerMessage();
  const queryClient = useQueryClient();
  const form = useForm<ExpertForm>({ resolver: zodResolver(expertForm), defaultValues: { email: '', password: '', fullName: '', expertDirections: [], regionCode: null } });
  const mutation = useMutation({
    mutationFn: (v: ExpertForm) => createUser({
      email: v.email, password: v.password, fullName: v.fullName, role: 'expert',
      expertDirections: v.expertDirections, ...(v.regionCode ? { regionCode: v.regionCode } : {}),
    }),
    onSuccess: async (u) => {
      queryClient.invalidateQueries({ queryKey: userKeys.all });
      await onCreated(u);
      form.reset();
      onClose();
    },
    onError: (e) => applyProblemToForm(e, FIELDS, form.setError, translate),
  });
  const err = form.formState.errors;
  const msg = (m?: string) => (m ? translate(m) : undefined);
  return (
    <Modal opened={opened} onClose={onClose} title={t.createTitle} centered size="lg">
      <form noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <Stack>
          <FormProblem error={mutation.error} shownPaths={FIELDS} />
          <TextInput label={t.fullName} required {...form.register('fullName')} error={msg(err.fullName?.message)} data-autofocus />
          <TextInput label={t.email} type="email" required autoComplete="off" {...form.register('email')} error={msg(err.email?.message)} />
          <PasswordInput label={t.password} required autoComplete="new-password" {...form.register('password')} error={msg(err.password?.message)} />
          <Controller control={form.control} name="expertDirections" render={({ field }) => (
            <MultiSelect label={t.expertDirections} searchable data={directionOptions(lang)} value={field.value} onChange={field.onChange} ref={field.ref} error={msg(err.expertDirections?.message)} />
          )} />
          <Controller control={form.control} name="regionCode" render={({ field }) => (
            <Select label={t.region} searchable clearable data={regionOptions()} value={field.value} onChange={field.onChange} ref={field.ref} error={msg(err.regionCode?.message)} />
          )} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{tc.cancel}</Button>
            <Button type="submit" loading={mutation.isPending}>{submitLabel ?? tc.save}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
