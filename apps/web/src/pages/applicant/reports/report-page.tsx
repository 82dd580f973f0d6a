// One report of a winning application (/applicant/applications/:id/reports/:reportId): the editor while the
// organisation may write it (due, draft, returned), otherwise everything it says, read-only. A returned report
// opens with the organiser's general comment; the rounds' history is below.
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { REPORT_KIND_LABELS, formatDate, isReportEditable, type ReportSummary } from '@konkurs/shared';
import { reportQuery } from '../../../api/reports';
import { PageTitle } from '../../../components/page-title';
import { ErrorState, Loading } from '../../../components/states';
import { useLang, useT } from '../../../i18n';
import { ReportEditor } from './report-editor';
import { ReportHistory } from './report-history';
import { ReportStatusBadge } from './report-status';
import { ReportView } from './report-view';
import '../../../lib/report-messages';

/** «Промежуточный отчёт № 1», «Итоговый отчёт». */
export function useReportName() {
  const { lang } = useLang();
  const t = useT('reports').section;
  return (r: Pick<ReportSummary, 'kind' | 'seq'>) => (r.kind === 'interim' ? t.kindNumbered(REPORT_KIND_LABELS[lang][r.kind], r.seq) : REPORT_KIND_LABELS[lang][r.kind]);
}

export function ReportPage({ autosaveDelayMs }: { autosaveDelayMs?: number }) {
  const { id = '', reportId = '' } = useParams();
  const r = useT('reports');
  const t = r.editor;
  const name = useReportName();
  const query = useQuery(reportQuery(reportId));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const report = query.data;
  const editable = isReportEditable(report.status);
  const returned = report.status === 'returned';
  return (
    <>
      <Anchor component={Link} to={`/applicant/applications/${id}`} size="sm" mb="xs" display="inline-block">← {t.back}</Anchor>
      <PageTitle
        title={name(report)}
        subtitle={<>{report.applicationNumber} · {report.applicationTitle ?? ''}{report.applicationTitle ? ' · ' : ''}{report.competitionTitle}</>}
        actions={<ReportStatusBadge status={report.status} overdue={report.overdue} />}
      />
      <Stack gap="md" mb="md">
        <Text fw={600} c={report.overdue ? 'red.9' : undefined} data-testid="report-due">{t.due(formatDate(report.dueAt, report.timezone))}</Text>
        {returned && (report.comment || report.fieldComments.length > 0) && (
          <Alert color="orange.9" variant="outline" title={r.comments.returned} data-testid="general-comment">
            {report.comment && <Text size="sm" style={{ whiteSpace: 'pre-line' }} mb={4}>{report.comment}</Text>}
            {report.fieldComments.length > 0 && <Text size="sm" c="dimmed">{r.comments.returnedHint(report.fieldComments.length)}</Text>}
          </Alert>
        )}
        {!editable && <Alert color={report.status === 'accepted' ? 'green.9' : 'blue.9'} variant="light">{report.status === 'accepted' ? t.readOnlyAccepted : t.readOnlySubmitted}</Alert>}
      </Stack>
      {editable ? <ReportEditor key={report.id} report={report} autosaveDelayMs={autosaveDelayMs} /> : <ReportView report={report} />}
      <ReportHistory report={report} />
    </>
  );
}
