// The outgoing e-mails (admin): every message newest first, filtered by status, and one message as it says itself —
// the plain text and the link it carries. The HTML version is not rendered here (the page's CSP, and the text says
// the same); with no SMTP server configured the mail stays queued, and this page is where it is read.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { OUTBOX_STATUSES, type OutboxStatus } from '@konkurs/shared';
import { outboxAnySentQuery, outboxMessageQuery, outboxQuery } from '../../api/outbox';
import { DateText } from '../../components/date-text';
import { LoadMore, useCursorList } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { ScrollTable } from '../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';

const STATUS_COLORS: Record<OutboxStatus, string> = { queued: 'blue.9', sent: 'green.9', failed: 'red.9' };

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const t = useT('admin').outbox;
  return <Badge color={STATUS_COLORS[status]} variant="outline" radius="sm" tt="none" fw={600}>{t.statuses[status]}</Badge>;
}

/** Said while nothing was ever sent: the zero-setup default keeps mail here (the API does not say why none went out). */
function NothingSentNote() {
  const t = useT('admin').outbox;
  const anySent = useQuery(outboxAnySentQuery());
  if (anySent.data !== false) return null;
  return <Alert variant="outline" color="blue.9" title={t.nothingSentTitle} data-testid="outbox-nothing-sent">{t.nothingSent}</Alert>;
}

export function OutboxPage() {
  const t = useT('admin').outbox;
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const { query, items, more } = useCursorList(outboxQuery(status ?? undefined));
  return (
    <>
      <PageTitle title={t.title} subtitle={t.subtitle} />
      <Stack>
        <NothingSentNote />
        <Select label={t.statusFilter} placeholder={t.anyStatus} clearable w={260} maw="100%" value={status}
          onChange={(v) => setStatus(v as OutboxStatus | null)} data={OUTBOX_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))} />
        {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : items.length === 0 ? <EmptyState title={status ? t.emptyFiltered : t.empty} /> : (
          <>
            <ScrollTable minWidth={720} label={t.tableLabel} striped highlightOnHover>
              <Table.Thead>
                <Table.Tr><Table.Th>{t.to}</Table.Th><Table.Th>{t.subject}</Table.Th><Table.Th>{t.created}</Table.Th><Table.Th>{t.attempts}</Table.Th><Table.Th>{t.status}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id} data-testid="outbox-row">
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.to}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}><Anchor component={Link} to={`/admin/outbox/${m.id}`}>{m.subject}</Anchor></Table.Td>
                    <Table.Td><DateText value={m.createdAt} withTime /></Table.Td>
                    <Table.Td>{m.attempts}</Table.Td>
                    <Table.Td><OutboxStatusBadge status={m.status} /></Table.Td>
                  </Table.Tr>
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

export function OutboxMessagePage() {
  const t = useT('admin').outbox;
  const { id = '' } = useParams();
  const query = useQuery(outboxMessageQuery(id));
  const back = <Button component={Link} to="/admin/outbox" variant="default">{t.back}</Button>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <><PageTitle title={t.messageTitle} actions={back} /><ErrorState error={query.error} onRetry={() => query.refetch()} /></>;
  const m = query.data;
  return (
    <>
      <PageTitle title={m.subject} actions={back} />
      <Stack>
        <Card withBorder padding="sm">
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap"><Text size="sm" c="dimmed">{t.to}:</Text><Text size="sm" data-testid="outbox-to" style={{ overflowWrap: 'anywhere' }}>{m.to}</Text></Group>
            <Group gap="xs" wrap="wrap"><Text size="sm" c="dimmed">{t.status}:</Text><OutboxStatusBadge status={m.status} /></Group>
            <Group gap="xs" wrap="wrap"><Text size="sm" c="dimmed">{t.created}:</Text><Text size="sm"><DateText value={m.createdAt} withTime /></Text></Group>
            {m.sentAt && <Group gap="xs" wrap="wrap"><Text size="sm" c="dimmed">{t.sentAt}:</Text><Text size="sm"><DateText value={m.sentAt} withTime /></Text></Group>}
            <Group gap="xs" wrap="wrap"><Text size="sm" c="dimmed">{t.attempts}:</Text><Text size="sm">{m.attempts}</Text></Group>
            {m.lastError && <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>{t.lastError}: <Code>{m.lastError}</Code></Text>}
          </Stack>
        </Card>
        {m.link && <Group><Button component="a" href={m.link} data-testid="outbox-link">{t.openLink}</Button></Group>}
        <Stack gap={4}>
          <Text fw={600} size="sm">{t.text}</Text>
          <Code block data-testid="outbox-text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.text}</Code>
        </Stack>
      </Stack>
    </>
  );
}
