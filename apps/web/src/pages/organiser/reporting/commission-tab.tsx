// «Комиссия»: the members the protocol lists with signature lines (full name, position, role), in the protocol's
// order; saved as one list (the server allows one chair and one secretary, and says which row when refused).
// Once the awards are decided, the protocol downloads as a PDF.
import { useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  COMMISSION_ROLES, COMMISSION_ROLE_LABELS, awardsDecided, commissionBody, fieldIssueOf, fieldIssueText,
  type CommissionMember, type CommissionRole, type Competition,
} from '@konkurs/shared';
import { commissionQuery, documentPaths, downloadDocument, reportKeys, setCommission } from '../../../api/reports';
import { FormProblem, useFieldError } from '../../../components/field-error';
import { ScrollTable } from '../../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { useLang, useT } from '../../../i18n';
import { notify } from '../../../lib/notify';
import '../../../lib/report-messages';

type Row = CommissionMember & { key: number };
let nextKey = 0;
const row = (m: CommissionMember): Row => ({ ...m, key: nextKey++ });
const FIELDS = ['fullName', 'position', 'role'] as const;

/** The protocol's download, or when it will be there. */
export function ProtocolDownload({ competition }: { competition: Competition }) {
  const t = useT('reporting').commission;
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  if (!awardsDecided(competition.status)) return <Text size="sm" c="dimmed">{t.protocolLater}</Text>;
  async function download() {
    setError(null);
    setPending(true);
    try {
      await downloadDocument(documentPaths.protocol(competition.id), t.protocolFile(competition.code));
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" onClick={download} loading={pending}>{t.protocol}</Button>
      <FormProblem error={error} />
    </Stack>
  );
}

export function CommissionEditor({ competition, members, onDone }: { competition: Competition; members: CommissionMember[]; onDone?: () => void }) {
  const t = useT('reporting').commission;
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => members.map(row));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (list: CommissionMember[]) => setCommission(competition.id, list),
    onSuccess: (c) => {
      queryClient.setQueryData(reportKeys.commission(competition.id), c);
      notify(t.saved);
      onDone?.();
    },
  });
  const serverError = useFieldError(mutation.error);
  const readOnly = competition.status === 'archived';
  const tc = useT('common');
  const error = (path: string) => issues[path] ?? serverError(path);
  const roleOptions = COMMISSION_ROLES.map((r) => ({ value: r, label: COMMISSION_ROLE_LABELS[lang][r] }));

  const change = (next: Row[]) => {
    setRows(next);
    setIssues({});
    mutation.reset();
  };
  const edit = (i: number, patch: Partial<CommissionMember>) => change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    change(next);
  };
  function save() {
    const list = rows.map(({ fullName, position, role }) => ({ fullName, position, role }));
    const parsed = commissionBody.safeParse({ members: list });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const f = fieldIssueOf(issue, { members: list });
        found[f.path] ??= fieldIssueText(f, lang);
      }
      return setIssues(found);
    }
    mutation.mutate(parsed.data.members);
  }
  const shown = rows.flatMap((_, i) => FIELDS.map((f) => `members.${i}.${f}`));

  return (
    <Stack gap="sm">
      {rows.length === 0 && <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>}
      {rows.map((r, i) => (
        <Card key={r.key} withBorder padding="sm" component="fieldset" aria-label={t.member(i + 1)} data-testid="commission-member" style={{ margin: 0 }}>
          <Group justify="space-between" mb={4} wrap="nowrap">
            <Text fw={600} size="sm">{t.member(i + 1)}</Text>
            {!readOnly && (
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" color="gray.8" aria-label={t.up(i + 1)} disabled={i === 0} onClick={() => move(i, -1)}>↑</ActionIcon>
                <ActionIcon variant="subtle" color="gray.8" aria-label={t.down(i + 1)} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>↓</ActionIcon>
                <ActionIcon variant="subtle" color="red" aria-label={t.remove(i + 1)} onClick={() => change(rows.filter((_, j) => j !== i))}>×</ActionIcon>
              </Group>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t.fullName} required value={r.fullName} readOnly={readOnly} maxLength={300}
              onChange={(e) => edit(i, { fullName: e.currentTarget.value })} error={error(`members.${i}.fullName`)} />
            <TextInput label={t.position} required value={r.position} readOnly={readOnly} maxLength={300}
              onChange={(e) => edit(i, { position: e.currentTarget.value })} error={error(`members.${i}.position`)} />
            <Select label={t.role} required data={roleOptions} value={r.role} readOnly={readOnly} allowDeselect={false}
              onChange={(v) => v && edit(i, { role: v as CommissionRole })} error={error(`members.${i}.role`)} />
          </SimpleGrid>
        </Card>
      ))}
      {issues.members && <Alert color="red" variant="light" role="alert">{issues.members}</Alert>}
      <FormProblem error={mutation.error} shownPaths={shown} />
      {!readOnly && (
        <Group gap="xs">
          <Button variant="default" onClick={() => change([...rows, row({ fullName: '', position: '', role: rows.length === 0 ? 'chair' : 'member' })])} disabled={rows.length >= 50}>
            {t.add}
          </Button>
          <Button onClick={save} loading={mutation.isPending}>{t.save}</Button>
          {onDone && <Button variant="subtle" onClick={onDone}>{tc.cancel}</Button>}
        </Group>
      )}
    </Stack>
  );
}

/** The members as the protocol will list them. */
function CommissionTable({ members }: { members: CommissionMember[] }) {
  const t = useT('reporting').commission;
  const { lang } = useLang();
  return (
    <ScrollTable minWidth={640} label={t.tableLabel} striped>
      <Table.Thead>
        <Table.Tr><Table.Th ta="right">№</Table.Th><Table.Th>{t.fullName}</Table.Th><Table.Th>{t.position}</Table.Th><Table.Th>{t.role}</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((m, i) => (
          <Table.Tr key={i}>
            <Table.Td ta="right">{i + 1}</Table.Td><Table.Td>{m.fullName}</Table.Td><Table.Td>{m.position}</Table.Td><Table.Td>{COMMISSION_ROLE_LABELS[lang][m.role]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

export function CommissionTab({ competition }: { competition: Competition }) {
  const t = useT('reporting').commission;
  const query = useQuery(commissionQuery(competition.id));
  const [editing, setEditing] = useState(false);
  const archived = competition.status === 'archived';
  const members = query.data?.members ?? [];
  return (
    <Stack>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} fz="h3">{t.title}</Title>
          <Text size="sm" c="dimmed">{archived ? t.archived : t.intro}</Text>
          {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} />
            : editing || (members.length === 0 && !archived) ? <CommissionEditor competition={competition} members={members} onDone={members.length ? () => setEditing(false) : undefined} />
              : members.length === 0 ? <EmptyState title={t.empty} /> : (
                <>
                  <CommissionTable members={members} />
                  {!archived && <Group><Button variant="default" onClick={() => setEditing(true)}>{t.edit}</Button></Group>}
                </>
              )}
        </Stack>
      </Card>
      <ProtocolDownload competition={competition} />
    </Stack>
  );
}
