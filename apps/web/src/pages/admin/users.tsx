// Users and roles (admin): list with a role filter, create, change role/operator, deactivate or activate.
import { useState } from 'react';
import { Badge, Button, Group, Modal, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { OPERATOR_ROLES, ROLES, ROLE_LABELS, createUserBody, type Role, type User } from '@konkurs/shared';
import { operatorsQuery } from '../../api/admin';
import { api, queryString, type Page } from '../../api/client';
import { createUser, updateUser, userKeys } from '../../api/users';
import { CreateDialog, useCreateDialog } from '../../components/create-dialog';
import { FormProblem, useFieldError } from '../../components/field-error';
import { LoadMore, useCursorList } from '../../components/load-more';
import { NewPasswordInput } from '../../components/password-field';
import { ScrollTable } from '../../components/scroll-region';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useLang, useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { directionOptions, regionOptions } from '../../lib/reference';

const userForm = createUserBody.extend({
  operatorId: z.string().nullable(),
  regionCode: z.string().nullable(),
  expertDirections: z.array(z.string()),
});
const CREATE_FIELDS = ['email', 'password', 'fullName', 'role', 'operatorId', 'regionCode', 'expertDirections'] as const;

function useOperatorOptions() {
  const operators = useQuery(operatorsQuery());
  return (operators.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
}

function CreateUserDialog() {
  const t = useT('admin').users;
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const operatorOptions = useOperatorOptions();
  const dialog = useCreateDialog({
    schema: userForm,
    defaultValues: { email: '', password: '', fullName: '', role: 'organiser', operatorId: null, regionCode: null, expertDirections: [] },
    fields: CREATE_FIELDS,
    create: (v) => createUser({
      email: v.email, password: v.password, fullName: v.fullName, role: v.role,
      ...(v.operatorId ? { operatorId: v.operatorId } : {}), ...(v.regionCode ? { regionCode: v.regionCode } : {}),
      ...(v.role === 'expert' ? { expertDirections: v.expertDirections } : {}),
    }),
    onCreated: () => {
      queryClient.invalidateQueries({ queryKey: userKeys.all });
      notify(t.created);
    },
  });
  const { form, errorOf } = dialog;
  const role = form.watch('role');
  return (
    <CreateDialog dialog={dialog} label={t.create} title={t.create} wide>
      <TextInput label={t.fullName} required {...form.register('fullName')} error={errorOf('fullName')} data-autofocus />
      <TextInput label={t.email} type="email" required autoComplete="off" {...form.register('email')} error={errorOf('email')} />
      <NewPasswordInput label={t.password} required {...form.register('password')} error={errorOf('password')} password={form.watch('password')} email={form.watch('email')} />
      <Controller control={form.control} name="role" render={({ field }) => (
        <Select label={t.role} required allowDeselect={false} data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[lang][r] }))} value={field.value} onChange={field.onChange} ref={field.ref} />
      )} />
      {OPERATOR_ROLES.includes(role) && (
        <Controller control={form.control} name="operatorId" render={({ field }) => (
          <Select label={t.operator} searchable clearable data={operatorOptions} value={field.value} onChange={field.onChange} ref={field.ref} error={errorOf('operatorId')} />
        )} />
      )}
      {role === 'expert' && (
        <>
          <Controller control={form.control} name="expertDirections" render={({ field }) => (
            <MultiSelect label={t.directions} searchable data={directionOptions(lang)} value={field.value} onChange={field.onChange} ref={field.ref} error={errorOf('expertDirections')} />
          )} />
          <Controller control={form.control} name="regionCode" render={({ field }) => (
            <Select label={t.region} searchable clearable data={regionOptions()} value={field.value} onChange={field.onChange} ref={field.ref} error={errorOf('regionCode')} />
          )} />
        </>
      )}
    </CreateDialog>
  );
}

function EditUserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT('admin').users;
  const tc = useT('common');
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const operatorOptions = useOperatorOptions();
  const [role, setRole] = useState<Role>(user?.role ?? 'applicant');
  const [operatorId, setOperatorId] = useState<string | null>(user?.operatorId ?? null);
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const mutation = useMutation({
    mutationFn: () => updateUser(user!.id, { role, operatorId: OPERATOR_ROLES.includes(role) ? operatorId : null, fullName }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: userKeys.all });
      notify(t.saved);
      onClose();
    },
  });
  const fieldMessage = useFieldError(mutation.error);
  return (
    <Modal opened={!!user} onClose={onClose} title={user ? t.editTitle(user.email) : ''} centered>
      <form noValidate onSubmit={(e) => { e.preventDefault(); mutation.mutate(); }}>
        <Stack>
          <FormProblem error={mutation.error} shownPaths={['role', 'operatorId', 'fullName']} />
          <TextInput label={t.fullName} required value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={fieldMessage('fullName')} />
          <Select label={t.role} allowDeselect={false} data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[lang][r] }))} value={role} onChange={(v) => v && setRole(v as Role)} error={fieldMessage('role')} />
          {OPERATOR_ROLES.includes(role) && (
            <Select label={t.operator} searchable clearable data={operatorOptions} value={operatorId} onChange={setOperatorId} error={fieldMessage('operatorId')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{tc.cancel}</Button>
            <Button type="submit" loading={mutation.isPending}>{tc.save}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function UsersPage() {
  const t = useT('admin').users;
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const operators = useQuery(operatorsQuery());
  const operatorName = new Map(operators.data?.items.map((o) => [o.id, o.name]));
  const { query, items: users, more } = useCursorList({
    queryKey: [...userKeys.all, 'pages', role],
    queryFn: ({ pageParam }) => api<Page<User>>(`/users${queryString({ role, limit: 100, cursor: pageParam })}`),
  });
  const toggle = useMutation({
    mutationFn: (u: User) => updateUser(u.id, { active: !u.active }),
    onSuccess: (u) => {
      queryClient.invalidateQueries({ queryKey: userKeys.all });
      notify(u.active ? t.activated : t.deactivated);
    },
  });

  return (
    <>
      <PageTitle title={t.title} actions={<CreateUserDialog />} />
      <Stack>
        <Select label={t.roleFilter} placeholder={t.allRoles} clearable w={260} value={role} onChange={(v) => setRole(v as Role | null)}
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[lang][r] }))} />
        <FormProblem error={toggle.error} />
        {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : users.length === 0 ? <EmptyState title={t.empty} /> : (
          <>
            <ScrollTable minWidth={760} label={t.tableLabel} striped highlightOnHover>
              <Table.Thead>
                <Table.Tr><Table.Th>{t.name}</Table.Th><Table.Th>{t.role}</Table.Th><Table.Th>{t.operator}</Table.Th><Table.Th>{t.status}</Table.Th><Table.Th /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>{u.fullName}<Text size="xs" c="dimmed">{u.email}</Text></Table.Td>
                    <Table.Td>{ROLE_LABELS[lang][u.role]}</Table.Td>
                    <Table.Td>{u.operatorId ? (operatorName.get(u.operatorId) ?? u.operatorId) : t.noOperator}</Table.Td>
                    <Table.Td>{u.active ? <Badge color="green.9" variant="outline" tt="none">{t.active}</Badge> : <Badge color="gray.8" variant="outline" tt="none">{t.inactive}</Badge>}</Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(u)} aria-label={t.editLabel(u.email)}>{t.edit}</Button>
                        <Button size="xs" variant="outline" color={u.active ? 'red.9' : 'green.9'} onClick={() => toggle.mutate(u)}
                          aria-label={u.active ? t.deactivateLabel(u.email) : t.activateLabel(u.email)}>{u.active ? t.deactivate : t.activate}</Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <LoadMore {...more} />
          </>
        )}
      </Stack>
      <EditUserDialog key={editing?.id} user={editing} onClose={() => setEditing(null)} />
    </>
  );
}
