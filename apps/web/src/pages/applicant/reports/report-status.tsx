// A report's status in the glossary's words (shared labels); a report still owed after its deadline reads «Просрочен» in red.
import { Badge, Group } from '@mantine/core';
import { REPORT_STATUS_LABELS, type ReportStatus } from '@konkurs/shared';
import { useLang, useT } from '../../../i18n';

const COLORS: Record<ReportStatus, string> = { due: 'gray', draft: 'gray', submitted: 'blue', accepted: 'green', returned: 'orange' };

export function ReportStatusBadge({ status, overdue }: { status: ReportStatus; overdue: boolean }) {
  const { lang } = useLang();
  const t = useT('reports').section;
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={`${COLORS[status]}.9`} variant="outline" radius="sm" tt="none" fw={600}>{REPORT_STATUS_LABELS[lang][status]}</Badge>
      {overdue && <Badge color="red.9" variant="filled" radius="sm" tt="none" fw={600} data-testid="overdue">{t.overdue}</Badge>}
    </Group>
  );
}
