// Creating an expert of the organiser's operator (POST /users, role expert), with their directions: the button
// and its dialog.
import { MultiSelect, Select, TextInput, type ButtonProps } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { createUserBody, type User } from '@konkurs/shared';
import { createUser, userKeys } from '../../api/users';
import { CreateDialog, useCreateDialog } from '../../components/create-dialog';
import { NewPasswordInput } from '../../components/password-field';
import { useLang, useT } from '../../i18n';
import { directionOptions, regionOptions } from '../../lib/reference';

const expertForm = createUserBody.pick({ email: true, password: true, fullName: true }).extend({
  expertDirections: z.array(z.string()),
  regionCode: z.string().nullable(),
});
const FIELDS = ['email', 'password', 'fullName', 'expertDirections', 'regionCode'] as const;

export function NewExpertDialog({ onCreated, submitLabel, variant }: {
  onCreated: (u: User) => Promise<unknown> | void; submitLabel?: string; variant?: ButtonProps['variant'];
}) {
  const t = useT('organiser').experts;
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const dialog = useCreateDialog({
    schema: expertForm,
    defaultValues: { email: '', password: '', fullName: '', expertDirections: [], regionCode: null },
    fields: FIELDS,
    create: (v) => createUser({
      email: v.email, password: v.password, fullName: v.fullName, role: 'expert',
      expertDirections: v.expertDirections, ...(v.regionCode ? { regionCode: v.regionCode } : {}),
    }),
    onCreated: async (u) => {
      queryClient.invalidateQueries({ queryKey: userKeys.all });
      await onCreated(u);
    },
  });
  const { form, errorOf } = dialog;
  return (
    <CreateDialog dialog={dialog} label={t.createExpert} variant={variant} title={t.createTitle} submitLabel={submitLabel} wide>
      <TextInput label={t.fullName} required {...form.register('fullName')} error={errorOf('fullName')} data-autofocus />
      <TextInput label={t.email} type="email" required autoComplete="off" {...form.register('email')} error={errorOf('email')} />
      <NewPasswordInput label={t.password} required {...form.register('password')} error={errorOf('password')} password={form.watch('password')} email={form.watch('email')} />
      <Controller control={form.control} name="expertDirections" render={({ field }) => (
        <MultiSelect label={t.expertDirections} searchable data={directionOptions(lang)} value={field.value} onChange={field.onChange} ref={field.ref} error={errorOf('expertDirections')} />
      )} />
      <Controller control={form.control} name="regionCode" render={({ field }) => (
        <Select label={t.region} searchable clearable data={regionOptions()} value={field.value} onChange={field.onChange} ref={field.ref} error={errorOf('regionCode')} />
      )} />
    </CreateDialog>
  );
}
