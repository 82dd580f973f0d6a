import { Anchor, Button, Card, Group, Select, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@konkurs/shared';
import { applicationsQuery } from '../../api/applications';
import { DateText } from '../../components/date-text';
import { Money } from '../../components/money';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { ScrollTable } from '../../components/scroll-region';
import { useLang, useT } from '../../i18n';
import { DeleteDraftButton, HideButton } from './application-actions';

export function ApplicationsPage() {
  const t = useT('applicant').applications;
  const common = useT('common');
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ApplicationStatus | null) ?? undefined;
  const hidden = params.get('hidden') === 'true';
  const list = useQuery(applicationsQuery({ status, hidden: hidden || undefined, limit: 200 }));
  const setParam = (key: string, value: string | null) => setParams((p) => { if (value) p.set(key, value); else p.delete(key); return p; });
  return (
    <>
      <PageTitle title={t.title} actions={<Button component={Link} to="/applicant/applications/new">{t.new}</Button>} />
      <Group mb="md" align="flex-end" gap="md">
        <Select
          label={t.filterStatus}
          data={APPLICATION_STATUSES.map((s) => ({ value: s, label: APPLICATION_STATUS_LABELS[lang][s] }))}
          value={status ?? null}
          onChange={(v) => setParam('status', v)}
          clearable
          placeholder={common.all}
          w={320}
          maw="100%"
        />
        <Switch label={t.showHidden} checked={hidden} onChange={(e) => setParam('hidden', e.currentTarget.checked ? 'true' : null)} mb={8} />
      </Group>
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} /> : list.data.items.length === 0 ? (
        hidden ? <EmptyState title={t.noHidden} /> : (
          <EmptyState title={t.empty} action={<Button component={Link} to="/">{common.nav.home}</Button>}>{t.emptyHint}</EmptyState>
        )
      ) : (
        <Card withBorder padding={0}>
          {/* The number and the status come first: on a phone they are what shows before the table scrolls. */}
          <ScrollTable minWidth={820} label={t.title} highlightOnHover verticalSpacing="sm" horizontalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.number}</Table.Th>
                <Table.Th scope="col">{t.status}</Table.Th>
                <Table.Th scope="col">{t.project}</Table.Th>
                <Table.Th scope="col" ta="right">{t.requested}</Table.Th>
                <Table.Th scope="col">{t.updated}</Table.Th>
                <Table.Th scope="col">{t.organization}</Table.Th>
                <Table.Th scope="col"><VisuallyHidden>{t.actions}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/applicant/applications/${a.id}`}>{a.number}</Anchor>
                  </Table.Td>
                  <Table.Td>
                    {/* Its full width, never cut to "Пода…": the column takes what the status needs. */}
                    <div style={{ width: 'max-content' }}><StatusBadge kind="application" status={a.status} /></div>
                    {a.hiddenAt && <Text size="xs" c="dimmed" mt={2}>{t.hiddenMark}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} c={a.status === 'withdrawn' ? 'dimmed' : undefined}>{a.title || t.untitled}</Text>
                    <Text size="xs" c="dimmed">{a.competitionTitle}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}><Money kopecks={a.requestedKopecks} /></Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}><DateText value={a.updatedAt} withTime /></Table.Td>
                  <Table.Td><Text size="sm">{a.organizationName}</Text></Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DeleteDraftButton application={a} compact />
                    <HideButton application={a} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Card>
      )}
    </>
  );
}
