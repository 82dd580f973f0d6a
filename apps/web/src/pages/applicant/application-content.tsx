// What an application says, read-only (after submission), and how it prints: the organisation's ИНН, ОГРН and
// КПП, the calendar plan with the task each event serves, the budget with each line's total and a total row.
import { Anchor, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ATTACHMENT_KIND_LABELS, BUDGET_CATEGORY_LABELS, budgetLineTotal, type Application } from '@konkurs/shared';
import { downloadAttachment } from '../../api/attachments';
import { DateText } from '../../components/date-text';
import { Money } from '../../components/money';
import { OrganizationIdentity, PrintHeading, taskOf } from '../../components/print';
import { ScrollTable } from '../../components/scroll-region';
import { useLang, useT } from '../../i18n';
import { directionName, regionName } from '../../lib/reference';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-line' }}>{children || '—'}</Text>
    </div>
  );
}

export function ApplicationContent({ application: app }: { application: Application }) {
  const a = useT('applicant');
  const p = useT('common').print;
  const { lang } = useLang();
  const section = (title: string) => <Title order={3} fz="md" mt="md">{title}</Title>;
  const budget = app.budget ?? [];
  return (
    <Stack gap="sm">
      <PrintHeading application={app} />
      <OrganizationIdentity application={app} />

      {section(a.editor.steps[0])}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Field label={a.card.direction}>{directionName(app.directionCode, lang)}</Field>
        <Field label={a.card.geography}>{(app.geographyRegionCodes ?? []).map(regionName).join(', ')}</Field>
        <Field label={a.card.startDate}><DateText value={app.startDate} /></Field>
        <Field label={a.card.endDate}><DateText value={app.endDate} /></Field>
      </SimpleGrid>
      <Field label={a.card.summary}>{app.summary}</Field>
      <Field label={a.card.relevance}>{app.relevance}</Field>
      <Field label={a.card.goal}>{app.goal}</Field>
      <Field label={a.card.tasks}>{app.tasks?.length ? <List type="ordered" size="sm">{app.tasks.map((s, i) => <List.Item key={i}>{s}</List.Item>)}</List> : null}</Field>
      <Field label={a.card.targetGroups}>{app.targetGroups?.length ? <List size="sm">{app.targetGroups.map((s, i) => <List.Item key={i}>{s}</List.Item>)}</List> : null}</Field>

      {section(a.editor.steps[1])}
      <List size="sm">{(app.team ?? []).map((p, i) => <List.Item key={i}><b>{p.fullName}</b>{p.role ? ` — ${p.role}` : ''}{p.experience ? `. ${p.experience}` : ''}</List.Item>)}</List>

      {section(a.editor.steps[2])}
      <ScrollTable minWidth={640} label={a.plan.title} verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{a.plan.eventTitle}</Table.Th><Table.Th scope="col">{a.plan.task}</Table.Th><Table.Th scope="col">{a.plan.startDate}</Table.Th>
            <Table.Th scope="col">{a.plan.endDate}</Table.Th><Table.Th scope="col">{a.plan.expectedResult}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(app.calendarPlan ?? []).map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{e.title}</Table.Td><Table.Td>{taskOf(app, e.taskIndex)}</Table.Td><Table.Td><DateText value={e.startDate} /></Table.Td>
              <Table.Td><DateText value={e.endDate} /></Table.Td><Table.Td>{e.expectedResult}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>

      {section(a.editor.steps[3])}
      <ScrollTable minWidth={720} label={a.budget.title} verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{a.budget.category}</Table.Th><Table.Th scope="col">{a.budget.item}</Table.Th><Table.Th scope="col" ta="right">{a.budget.quantity}</Table.Th>
            <Table.Th scope="col" ta="right">{a.budget.unitCost}</Table.Th><Table.Th scope="col" ta="right">{a.budget.lineTotal}</Table.Th><Table.Th scope="col" ta="right">{a.budget.cofinancing}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budget.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>{l.category ? BUDGET_CATEGORY_LABELS[lang][l.category] : '—'}</Table.Td><Table.Td>{l.item}</Table.Td>
              <Table.Td ta="right">{l.quantity}</Table.Td><Table.Td ta="right"><Money kopecks={l.unitCostKopecks} /></Table.Td>
              <Table.Td ta="right" data-testid={`line-total-${i}`}><Money kopecks={budgetLineTotal(l)} /></Table.Td><Table.Td ta="right"><Money kopecks={l.cofinancingKopecks ?? 0} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="budget-total-row">
            <Table.Th scope="row" colSpan={4}>{p.total}</Table.Th>
            <Table.Td ta="right" fw={700}><Money kopecks={app.totalCostKopecks} /></Table.Td><Table.Td ta="right" fw={700}><Money kopecks={app.cofinancingKopecks} /></Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </ScrollTable>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={a.budget.total}><Money kopecks={app.totalCostKopecks} /></Field>
        <Field label={a.budget.cofinancingTotal}><Money kopecks={app.cofinancingKopecks} /></Field>
        <Field label={a.budget.requested}><Money kopecks={app.requestedKopecks} /></Field>
      </SimpleGrid>

      {section(a.editor.steps[4])}
      <List size="sm">
        {app.attachments.map((f) => (
          <List.Item key={f.id}>
            {ATTACHMENT_KIND_LABELS[lang][f.kind]}: <Anchor component="button" type="button" size="sm" onClick={() => downloadAttachment(app.id, f.id, f.fileName)}>{f.fileName}</Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
