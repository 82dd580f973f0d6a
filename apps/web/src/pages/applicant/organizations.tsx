import { useState } from 'react';
import { Badge, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import type { Organization } from '@konkurs/shared';
import { addMember, membersQuery, myOrganizationsQuery, organizationKeys } from '../../api/organizations';
import { FormProblem, useFieldError } from '../../components/field-error';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { regionName } from '../../lib/reference';
import { OrganizationForm } from './organization-form';

function Members({ org }: { org: Organization }) {
  const t = useT('applicant').organizations;
  const queryClient = useQueryClient();
  const members = useQuery(membersQuery(org.id));
  const [email, setEmail] = useState('');
  const mutation = useMutation({
    mutationFn: () => addMember(org.id, email.trim()),
    onSuccess: async () => {
      setEmail('');
      notify(t.memberAdded);
      await queryClient.invalidateQueries({ queryKey: organizationKeys.members(org.id) });
    },
  });
  const fieldError = useFieldError(mutation.error);
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">{t.members}</Text>
      {members.isPending ? <Loading /> : members.isError ? <ErrorState error={members.error} onRetry={() => members.refetch()} /> : (
        <List size="sm" spacing={4}>
          {members.data.map((m) => (
            <List.Item key={m.userId}>
              {m.fullName} · {m.email} · <Text span c="dimmed" size="sm">{m.role === 'owner' ? t.owner : t.member}</Text>
            </List.Item>
          ))}
        </List>
      )}
      {org.myRole === 'owner' ? (
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (email.trim()) mutation.mutate(); }}>
          <Group align="flex-end" gap="xs">
            <TextInput label={t.memberEmail} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError('email')} style={{ flex: '1 1 16rem' }} />
            <Button type="submit" variant="default" loading={mutation.isPending}>{t.addMember}</Button>
          </Group>
          {mutation.isError && !fieldError('email') && <FormProblem error={mutation.error} />}
        </form>
      ) : (
        <Text size="sm" c="dimmed">{t.onlyOwner}</Text>
      )}
    </Stack>
  );
}

export function OrganizationsPage() {
  const t = useT('applicant').organizations;
  const orgs = useQuery(myOrganizationsQuery());
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(params.has('new'));
  const next = params.get('next');

  return (
    <>
      <PageTitle title={t.title} actions={!creating && <Button onClick={() => setCreating(true)}>{t.add}</Button>} />
      <Stack gap="md">
        {creating && (
          <OrganizationForm
            onCreated={(org) => {
              notify(t.created);
              setCreating(false);
              if (next?.startsWith('/applicant')) navigate(next.includes('?') ? `${next}&organizationId=${org.id}` : `${next}?organizationId=${org.id}`);
            }}
          />
        )}
        {orgs.isPending ? <Loading /> : orgs.isError ? <ErrorState error={orgs.error} onRetry={() => orgs.refetch()} /> : orgs.data.length === 0 ? (
          !creating && <EmptyState title={t.empty} action={<Button onClick={() => setCreating(true)}>{t.add}</Button>}>{t.emptyHint}</EmptyState>
        ) : (
          orgs.data.map((org) => (
            <Card key={org.id} withBorder padding="lg" component="article" aria-labelledby={`org-${org.id}`}>
              <Group justify="space-between" align="flex-start" mb="xs">
                <Stack gap={2}>
                  <Title order={2} fz="lg" id={`org-${org.id}`}>{org.shortName}</Title>
                  <Text size="sm" c="dimmed">{org.fullName}</Text>
                </Stack>
                <Badge variant="outline" color="gray.8" tt="none">{org.myRole === 'owner' ? t.owner : t.member}</Badge>
              </Group>
              <Text size="sm" mb="sm">
                {t.inn} {org.inn} · {t.ogrn} {org.ogrn} · {t.kpp} {org.kpp} · {org.regionCode} {regionName(org.regionCode)}
              </Text>
              <Members org={org} />
            </Card>
          ))
        )}
      </Stack>
    </>
  );
}
