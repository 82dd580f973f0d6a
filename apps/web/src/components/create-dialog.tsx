// A dialog that creates one thing (a user, an operator, an expert): the button that opens it, the form on a
// shared schema, the request, the server's field errors next to their fields, and on success the dialog
// closes with its form reset. useCreateForm is the same without the dialog (a new organisation).
import { useState, type BaseSyntheticEvent, type ReactNode } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { TriggerProps } from './confirm-button';
import type { FieldProblem } from '../api/client';
import { FormProblem, useProblemText } from './field-error';
import { applyProblemToForm, useSchemaResolver } from './form-resolver';
import { useT } from '../i18n';

type CreateFormOptions<In extends FieldValues, Out, Created> = {
  schema: z.ZodType<Out, In>;
  defaultValues: DefaultValues<In>;
  /** The form's fields: a server error naming one goes next to it, the rest above the form. */
  fields: readonly Path<In>[];
  create: (values: Out) => Promise<Created>;
  /** Refreshes and tells what was created. */
  onCreated?: (created: Created) => Promise<unknown> | void;
  onRefused?: (error: unknown, unplaced: FieldProblem[]) => void;
};

/**
 * A form that creates one thing: the form on a shared schema, the request, the server's field errors next to
 * their fields (`onRefused` gets the error and the ones no field took), and the form reset once it is created.
 */
export function useCreateForm<In extends FieldValues, Out, Created>(
  { schema, defaultValues, fields, create, onCreated, onRefused }: CreateFormOptions<In, Out, Created>,
) {
  const text = useProblemText();
  const form = useForm<In, unknown, Out>({ resolver: useSchemaResolver<Out, In>(schema), defaultValues });
  const mutation = useMutation({
    mutationFn: create,
    onSuccess: async (created) => {
      await onCreated?.(created);
      form.reset();
    },
    onError: (e) => {
      const unplaced = applyProblemToForm(e, fields, form.setError, text);
      onRefused?.(e, unplaced);
    },
  });
  /** A field's error (the schema's or the server's), for a control's `error` prop. */
  const errorOf = (name: Path<In>) => form.getFieldState(name, form.formState).error?.message;
  return { form, errorOf, fields, mutation, submit: form.handleSubmit((values) => mutation.mutate(values)) };
}

/** useCreateForm in a dialog: its open state, and closing once the thing is created. */
export function useCreateDialog<In extends FieldValues, Out, Created>(options: CreateFormOptions<In, Out, Created>) {
  const [opened, setOpened] = useState(false);
  const created = useCreateForm({
    ...options,
    onCreated: async (c) => {
      await options.onCreated?.(c);
      setOpened(false);
    },
  });
  return { ...created, opened, open: () => setOpened(true), close: () => setOpened(false) };
}

/** The button and its dialog; the fields are the children, bound to `dialog.form`. */
export function CreateDialog({ dialog, label, title, submitLabel, wide, children, ...trigger }: TriggerProps & {
  dialog: {
    opened: boolean; open: () => void; close: () => void; submit: (e?: BaseSyntheticEvent) => Promise<void>;
    fields: readonly string[]; mutation: { error: unknown; isPending: boolean };
  };
  /** The button's text. */
  label: string;
  title: string;
  /** The dialog's button (default «Сохранить»). */
  submitLabel?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const tc = useT('common');
  return (
    <>
      <Button {...trigger} onClick={dialog.open}>{label}</Button>
      <Modal opened={dialog.opened} onClose={dialog.close} title={title} centered size={wide ? 'lg' : undefined}>
        <form noValidate onSubmit={dialog.submit}>
          <Stack>
            <FormProblem error={dialog.mutation.error} shownPaths={dialog.fields} />
            {children}
            <Group justify="flex-end">
              <Button variant="default" onClick={dialog.close}>{tc.cancel}</Button>
              <Button type="submit" loading={dialog.mutation.isPending}>{submitLabel ?? tc.save}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
