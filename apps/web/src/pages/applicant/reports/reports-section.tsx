// On a winning application: its reports (kind, deadline in the competition's zone, status; overdue in red) with a
// way into each, and the documents to download. DocumentButtons also stands alone on any submitted application.
import { useState } from 'react';
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate, isReportEditable, type Application, type Competition, type ReportSummary } from '@konkurs/shared';
import { isApiError } from '../../../api/client';
import { applicationReportsQuery, documentPaths, downloadDocument } from '../../../api/reports';
import { useProblemText } from '../../../components/field-error';
import { ScrollTable } from '../../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { useT } from '../../../i18n';
import { notify } from '../../../lib/notify';
import { useReportName } from './report-page';
import { ReportStatusBadge } from './report-status';
import '../../../lib/report-messages';

function DownloadButton({ path, fileName, label }: { path: string; fileName: string; label: string }) {
  const t = useT('reports').documents;
  const text = useProblemText();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadDocument(path, fileName);
    } catch (e) {
      notify((isApiError(e) && text(e)) || t.failed, { color: 'red', title: t.failed });
    } finally {
      setBusy(false);
    }
  };
  return <Button variant="default" size="sm" loading={busy} onClick={() => void download()}>{label}</Button>;
}

/** «Соглашение (PDF)» for a winner, «Заявка (PDF)» for any submitted application. */
export function DocumentButtons({ application }: { application: Application }) {
  const t = useT('reports').documents;
  if (!application.submittedAt) return null;
  return (
    <Group gap="xs">
      {application.status === 'winner' && <DownloadButton path={documentPaths.agreement(application.id)} fileName={`agreement-${application.number}.pdf`} label={t.agreement} />}
      <DownloadButton path={documentPaths.application(application.id)} fileName={`application-${application.number}.pdf`} label={t.application} />
    </Group>
  );
}

/** «до 30.06.2027» in the competition's zone, red when overdue. */
function Due({ report: r, timeZone }: { report: ReportSummary; timeZone: string }) {
  const t = useT('reports').section;
  return (
    <Text span size="sm" c={r.overdue ? 'red.9' : undefined} fw={r.overdue ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
      {t.dueBy(formatDate(r.dueAt, timeZone))}
    </Text>
  );
}

function OpenReport({ report: r, applicationId }: { report: ReportSummary; applicationId: string }) {
  const t = useT('reports').section;
  const name = useReportName();
  const action = r.status === 'returned' ? t.fix : isReportEditable(r.status) ? t.fill : t.open;
  return (
    <Button component={Link} to={`/applicant/applications/${applicationId}/reports/${r.id}`} size="xs"
      variant={isReportEditable(r.status) ? 'filled' : 'default'} aria-label={t.actionOf(action, name(r))}>{action}</Button>
  );
}

export function ApplicationReports({ application, competition }: { application: Application; competition: Competition }) {
  const t = useT('reports').section;
  const name = useReportName();
  const reports = useQuery(applicationReportsQuery(application.id));
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="reports-title">
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Title order={2} fz="lg" id="reports-title">{t.title}</Title>
        <DocumentButtons application={application} />
      </Group>
      <Text size="sm" c="dimmed" mb="md">{t.intro}</Text>
      {reports.isPending ? <Loading /> : reports.isError ? <ErrorState error={reports.error} onRetry={() => reports.refetch()} /> : reports.data.length === 0 ? (
        <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
      ) : phone ? (
        // A phone: one card per report, so that the status and the way in are seen without scrolling sideways.
        <Stack gap="xs">
          {reports.data.map((r) => (
            <Card key={r.id} withBorder padding="sm" data-testid="report-row">
              <Text fw={700}>{name(r)}</Text>
              <Due report={r} timeZone={competition.timezone} />
              <Group justify="space-between" mt={6} gap="xs">
                <ReportStatusBadge status={r.status} overdue={r.overdue} />
                <OpenReport report={r} applicationId={application.id} />
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <ScrollTable minWidth={520} label={t.tableLabel} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.report}</Table.Th>
              <Table.Th scope="col">{t.due}</Table.Th>
              <Table.Th scope="col">{t.status}</Table.Th>
              <Table.Th scope="col">{t.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data.map((r) => (
              <Table.Tr key={r.id} data-testid="report-row">
                <Table.Td fw={600}>{name(r)}</Table.Td>
                <Table.Td><Due report={r} timeZone={competition.timezone} /></Table.Td>
                <Table.Td><ReportStatusBadge status={r.status} overdue={r.overdue} /></Table.Td>
                <Table.Td><OpenReport report={r} applicationId={application.id} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Card>
  );
}
