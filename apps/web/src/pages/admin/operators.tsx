// Operators (admin): the bodies that run competitions — list and create.
import { Select, Table, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { OPERATOR_LEVELS, createOperatorBody } from '@konkurs/shared';
import { createOperator, operatorKeys, operatorsQuery } from '../../api/admin';
import { CreateDialog, useCreateDialog } from '../../components/create-dialog';
import { ScrollTable } from '../../components/scroll-region';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { regionName, regionOptions } from '../../lib/reference';

const FIELDS = ['name', 'level', 'regionCode'] as const;

function CreateOperatorDialog() {
  const t = useT('admin').operators;
  const queryClient = useQueryClient();
  const dialog = useCreateDialog({
    schema: createOperatorBody,
    defaultValues: { name: '', level: 'regional' },
    fields: FIELDS,
    create: createOperator,
    onCreated: () => {
      queryClient.invalidateQueries({ queryKey: operatorKeys.all });
      notify(t.created);
    },
  });
  const { form, errorOf } = dialog;
  return (
    <CreateDialog dialog={dialog} label={t.create} title={t.create}>
      <TextInput label={t.name} required {...form.register('name')} error={errorOf('name')} data-autofocus />
      <Controller control={form.control} name="level" render={({ field }) => (
        <Select label={t.level} required allowDeselect={false} data={OPERATOR_LEVELS.map((l) => ({ value: l, label: t.levels[l] }))} value={field.value} onChange={field.onChange} ref={field.ref} />
      )} />
      <Controller control={form.control} name="regionCode" render={({ field }) => (
        <Select label={t.region} searchable clearable data={regionOptions()} value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} ref={field.ref}
          error={errorOf('regionCode')} />
      )} />
    </CreateDialog>
  );
}

export function OperatorsPage() {
  const t = useT('admin').operators;
  const query = useQuery(operatorsQuery());
  return (
    <>
      <PageTitle title={t.title} actions={<CreateOperatorDialog />} />
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : query.data.items.length === 0 ? <EmptyState title={t.empty} /> : (
        <ScrollTable minWidth={560} label={t.tableLabel} striped>
          <Table.Thead><Table.Tr><Table.Th>{t.name}</Table.Th><Table.Th>{t.level}</Table.Th><Table.Th>{t.region}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {query.data.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.name}</Table.Td><Table.Td>{t.levels[o.level]}</Table.Td>
                <Table.Td>{o.regionCode ? `${o.regionCode} ${regionName(o.regionCode)}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </>
  );
}
