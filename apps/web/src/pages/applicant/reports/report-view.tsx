// A submitted or accepted report as it stands: every section shown, nothing to type into.
import { Anchor, Card, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { REPORT_EVENT_STATUS_LABELS, formatDate, type Report } from '@konkurs/shared';
import { Money } from '../../../components/money';
import { ScrollTable } from '../../../components/scroll-region';
import { LabelledValue } from '../../../components/labelled-value';
import { EmptyState } from '../../../components/states';
import { useLang, useT } from '../../../i18n';
import { AttachmentsList } from './documents-step';
import { eventOf, spendingOf, spendingTotals } from './report-paths';

const day = (d: string | null | undefined) => (d ? formatDate(d) : '—');
/** What the organisation wrote, as it wrote it (line breaks kept). */
const AS_TYPED = { size: 'sm', style: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' } } as const;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Text component="h2" fz="lg" fw={700} mb="sm">{title}</Text>
      {children}
    </Card>
  );
}

export function ReportView({ report }: { report: Report }) {
  const r = useT('reports');
  const { lang } = useLang();
  const [steps, ev, sp, nar] = [r.editor.steps, r.events, r.spending, r.narrative];
  const plan = report.plan;
  const totals = spendingTotals(report, plan);
  return (
    <Stack gap="md">
      <Section title={steps[0]}>
        {plan.calendarPlan.length === 0 ? <EmptyState title={ev.empty} /> : (
          <Stack gap="sm">
            {plan.calendarPlan.map((planned, i) => {
              const e = eventOf(report, i);
              return (
                <Card key={i} withBorder padding="sm">
                  <Text fw={700} style={{ overflowWrap: 'anywhere' }}>{ev.event(i + 1)}: {planned.title || ev.untitled}</Text>
                  <Text size="sm" c="dimmed">{ev.planned}: {ev.plannedDates(day(planned.startDate), day(planned.endDate))}</Text>
                  <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
                    <LabelledValue value={AS_TYPED} label={ev.status}>{e.status ? REPORT_EVENT_STATUS_LABELS[lang][e.status] : '—'}</LabelledValue>
                    <LabelledValue value={AS_TYPED} label={ev.actualStartDate}>{day(e.actualStartDate)}</LabelledValue>
                    <LabelledValue value={AS_TYPED} label={ev.actualEndDate}>{day(e.actualEndDate)}</LabelledValue>
                  </SimpleGrid>
                  <Stack mt="xs"><LabelledValue value={AS_TYPED} label={ev.result}>{e.result || '—'}</LabelledValue></Stack>
                </Card>
              );
            })}
          </Stack>
        )}
      </Section>
      <Section title={steps[1]}>
        {plan.budget.length === 0 ? <EmptyState title={sp.empty} /> : (
          <Card withBorder padding={0}>
            <ScrollTable minWidth={760} label={steps[1]} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{sp.item}</Table.Th>
                  <Table.Th scope="col" ta="right">{sp.plannedGrant}</Table.Th>
                  <Table.Th scope="col" ta="right">{sp.totalGrantSpent}</Table.Th>
                  <Table.Th scope="col" ta="right">{sp.plannedCofinancing}</Table.Th>
                  <Table.Th scope="col" ta="right">{sp.totalCofinancingSpent}</Table.Th>
                  <Table.Th scope="col">{sp.note}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.budget.map((line, i) => {
                  const s = spendingOf(report, i);
                  return (
                    <Table.Tr key={i}>
                      <Table.Td>{i + 1}. {line.item || '—'}</Table.Td>
                      <Table.Td ta="right"><Money kopecks={line.grantKopecks} /></Table.Td>
                      <Table.Td ta="right"><Money kopecks={s.grantSpentKopecks} /></Table.Td>
                      <Table.Td ta="right"><Money kopecks={line.cofinancingKopecks} /></Table.Td>
                      <Table.Td ta="right"><Money kopecks={s.cofinancingSpentKopecks} /></Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-line' }}>{s.note || '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
                <Table.Tr fw={700}>
                  <Table.Td>{sp.totals}</Table.Td>
                  <Table.Td ta="right"><Money kopecks={totals.plannedGrant} /></Table.Td>
                  <Table.Td ta="right"><Money kopecks={totals.grantSpent} /></Table.Td>
                  <Table.Td ta="right"><Money kopecks={totals.plannedCofinancing} /></Table.Td>
                  <Table.Td ta="right"><Money kopecks={totals.cofinancingSpent} /></Table.Td>
                  <Table.Td />
                </Table.Tr>
              </Table.Tbody>
            </ScrollTable>
          </Card>
        )}
      </Section>
      <Section title={steps[2]}>
        <AttachmentsList report={report} editable={false} />
      </Section>
      <Section title={steps[3]}>
        <Stack gap="sm">
          <LabelledValue value={AS_TYPED} label={nar.narrative}>{report.narrative || '—'}</LabelledValue>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{nar.links}</Text>
            {report.links?.length ? (
              <List size="sm">
                {report.links.map((l, i) => <List.Item key={i}><Anchor href={l} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>{l}</Anchor></List.Item>)}
              </List>
            ) : <Text size="sm">—</Text>}
          </div>
          {report.cofinancingNote && <LabelledValue value={AS_TYPED} label={nar.cofinancingNote}>{report.cofinancingNote}</LabelledValue>}
        </Stack>
      </Section>
    </Stack>
  );
}
