// The audit log (admin): newest first, filtered by entity, paged by cursor; and the check of the hash chain.
import { Fragment, useState } from 'react';
import { Alert, Button, Code, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES, type AuditEntityType } from '@konkurs/shared';
import { auditQuery, verifyAudit, type AuditFilter } from '../../api/audit';
import { DateText } from '../../components/date-text';
import { ScrollTable } from '../../components/scroll-region';
import { FormProblem } from '../../components/field-error';
import { LoadMore, useCursorList } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useLang, useT } from '../../i18n';

function VerifyChain() {
  const t = useT('admin').audit;
  const mutation = useMutation({ mutationFn: verifyAudit });
  return (
    <Stack gap="xs">
      <Group><Button onClick={() => mutation.mutate()} loading={mutation.isPending}>{t.verify}</Button></Group>
      <FormProblem error={mutation.error} />
      {mutation.data && (
        <Alert role="status" data-testid="verify-result" color={mutation.data.ok ? 'green.9' : 'red.9'} variant="outline"
          title={mutation.data.ok ? t.verifyOk(mutation.data.events) : t.verifyBroken(mutation.data.brokenAt ?? 0)} />
      )}
    </Stack>
  );
}

export function AuditPage() {
  const t = useT('admin').audit;
  const { lang } = useLang();
  const [entityType, setEntityType] = useState<AuditEntityType | null>(null);
  const [entityId, setEntityId] = useState('');
  const [filter, setFilter] = useState<AuditFilter>({});
  const [open, setOpen] = useState<number | null>(null);
  const { query, items: events, more } = useCursorList(auditQuery(filter));
  const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

  return (
    <>
      <PageTitle title={t.title} subtitle={t.subtitle} actions={<VerifyChain />} />
      <Stack>
        <form onSubmit={(e) => { e.preventDefault(); setFilter({ entityType: entityType ?? undefined, entityId: entityId.trim() || undefined }); }}>
          <Group align="flex-end" gap="sm">
            <Select label={t.entityType} placeholder={t.anyType} clearable w={220} value={entityType}
              onChange={(v) => setEntityType(v as AuditEntityType | null)} data={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: AUDIT_ENTITY_LABELS[lang][value] }))} />
            <TextInput label={t.entityId} value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)} w={{ base: '100%', sm: 360 }} maxLength={100} />
            <Button type="submit" variant="default">{t.apply}</Button>
          </Group>
        </form>
        {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : events.length === 0 ? <EmptyState title={t.empty} /> : (
          <>
            <ScrollTable minWidth={820} label={t.tableLabel} striped>
              <Table.Thead>
                <Table.Tr><Table.Th>№</Table.Th><Table.Th>{t.at}</Table.Th><Table.Th>{t.action}</Table.Th><Table.Th>{t.entity}</Table.Th><Table.Th>{t.actor}</Table.Th><Table.Th>{t.details}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.map((e) => (
                  <Fragment key={e.id}>
                    <Table.Tr>
                      <Table.Td>{e.id}</Table.Td>
                      <Table.Td><DateText value={e.at} withTime /></Table.Td>
                      <Table.Td><Code>{e.action}</Code></Table.Td>
                      <Table.Td><Text size="sm">{AUDIT_ENTITY_LABELS[lang][e.entityType]}</Text><Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>{e.entityId}</Text></Table.Td>
                      <Table.Td><Text size="xs" style={{ wordBreak: 'break-all' }}>{e.actorId ?? t.system}</Text></Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>{open === e.id ? t.hide : t.show}</Button>
                      </Table.Td>
                    </Table.Tr>
                    {open === e.id && (
                      <Table.Tr>
                        <Table.Td colSpan={6}>
                          <Group grow align="flex-start">
                            <div><Text size="xs" fw={600}>{t.before}</Text><Code block>{json(e.before)}</Code></div>
                            <div><Text size="xs" fw={600}>{t.after}</Text><Code block>{json(e.after)}</Code></div>
                          </Group>
                          <Text size="xs" c="dimmed" mt={4} style={{ wordBreak: 'break-all' }}>hash {e.hash}</Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <LoadMore {...more} />
          </>
        )}
      </Stack>
    </>
  );
}
