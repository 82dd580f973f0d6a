// The history of a report's rounds, oldest first: when each was submitted, the organiser's decision and comments.
// Collapsed until asked for.
import { useState } from 'react';
import { Button, Card, Collapse, List, Stack, Text } from '@mantine/core';
import type { Report } from '@konkurs/shared';
import { DateText } from '../../../components/date-text';
import { useT } from '../../../i18n';
import { describeReportPath } from './report-paths';

export function ReportHistory({ report }: { report: Report }) {
  const r = useT('reports');
  const t = r.history;
  const [open, setOpen] = useState(false);
  if (report.history.length === 0) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="report-history-title" mt="md">
      <Text component="h2" fz="lg" fw={700} id="report-history-title">{t.title}</Text>
      <div>
        <Button variant="subtle" size="compact-sm" px={0} mt={4} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="report-history">
          {open ? t.hide : t.show(report.history.length)}
        </Button>
      </div>
      <Collapse in={open} id="report-history">
        <Stack gap="sm" mt="sm">
          {report.history.map((round) => (
            <Card key={round.round} withBorder padding="sm" data-testid="report-round">
              <Text fw={700}>{t.round(round.round)}</Text>
              <Text size="sm">{t.submittedAt}: <DateText value={round.submittedAt} withTime timeZone={report.timezone} /></Text>
              <Text size="sm">
                {t.decision}: <Text span fw={600} c={round.decision === 'accept' ? 'green.9' : round.decision === 'return' ? 'orange.9' : 'dimmed'}>
                  {round.decision ? t[round.decision] : t.waiting}
                </Text>
                {round.reviewedAt && <> · {t.reviewedAt}: <DateText value={round.reviewedAt} withTime timeZone={report.timezone} /></>}
              </Text>
              {round.comment && <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}><b>{t.comment}:</b> {round.comment}</Text>}
              {round.fieldComments.length > 0 && (
                <>
                  <Text size="sm" fw={600} mt={4}>{t.fieldComments}</Text>
                  <List size="sm" spacing={2}>
                    {round.fieldComments.map((c, i) => (
                      <List.Item key={`${c.path}-${i}`} style={{ whiteSpace: 'pre-line' }}>{describeReportPath(c.path, r, report.plan)}: {c.comment}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Card>
          ))}
        </Stack>
      </Collapse>
    </Card>
  );
}
