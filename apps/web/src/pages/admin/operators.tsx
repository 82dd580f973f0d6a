// Operators (admin): the bodies that run competitions — list and create.
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Table, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { OPERATOR_LEVELS, createOperatorBody } from '@konkurs/shared';
import { createOperator, operatorKeys, operatorsQuery } from '../../api/admin';
import { applyProblemToForm, FormProblem, useServerMessage } from '../../components/field-error';
import { ScrollRegion } from '../../components/scroll-region';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { regionName, regionOptions } from '../../lib/reference';

type OperatorForm = z.input<typeof createOperatorBody>;
const FIELDS = ['name', 'level', 'regionCode'] as const;

function CreateOperatorDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT('admin').operators;
  const tc = useT('common');
  const translate = useServerMessage();
  const queryClient = useQueryClient();
  const form = useForm({ resolver: zodResolver(createOperatorBody), defaultValues: { name: '', level: 'regional' } as OperatorForm });
  const mutation = useMutation({
    mutationFn: createOperator,
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: operatorKeys.all });
      notify(t.created);
      form.reset();
      onClose();
    },
    onError: (e) => applyProblemToForm(e, FIELDS, form.setError, translate),
  });
  const err = form.formState.errors;
  const msg = (m?: string) => (m ? translate(m) : undefined);
  return (
    <Modal opened={opened} onClose={onClose} title={t.create} centered>
      <form noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <Stack>
          <FormProblem error={mutation.error} shownPaths={FIELDS} />
          <TextInput label={t.name} required {...form.register('name')} error={msg(err.name?.message)} data-autofocus />
          <Controller control={form.control} name="level" render={({ field }) => (
            <Select label={t.level} required allowDeselect={false} data={OPERATOR_LEVELS.map((l) => ({ value: l, label: t.levels[l] }))} value={field.value} onChange={field.onChange} ref={field.ref} />
          )} />
          <Controller control={form.control} name="regionCode" render={({ field }) => (
            <Select label={t.region} searchable clearable data={regionOptions()} value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} ref={field.ref}
              error={msg(err.regionCode?.message)} />
          )} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{tc.cancel}</Button>
            <Button type="submit" loading={mutation.isPending}>{tc.save}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function OperatorsPage() {
  const t = useT('admin').operators;
  const [creating, setCreating] = useState(false);
  const query = useQuery(operatorsQuery());
  return (
    <>
      <PageTitle title={t.title} actions={<Button onClick={() => setCreating(true)}>{t.create}</Button>} />
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : query.data.items.length === 0 ? <EmptyState title={t.empty} /> : (
        <ScrollRegion minWidth={560}>
          <Table striped aria-label={t.tableLabel}>
            <Table.Thead><Table.Tr><Table.Th>{t.name}</Table.Th><Table.Th>{t.level}</Table.Th><Table.Th>{t.region}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {query.data.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.name}</Table.Td><Table.Td>{t.levels[o.level]}</Table.Td>
                  <Table.Td>{o.regionCode ? `${o.regionCode} ${regionName(o.regionCode)}` : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <CreateOperatorDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
