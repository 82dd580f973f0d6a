// An application read in full (expert, organiser): project card, team, calendar plan, budget, documents.
import { useState } from 'react';
import { Anchor, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ATTACHMENT_KIND_LABELS, BUDGET_CATEGORY_LABELS, budgetLineTotal, type Application } from '@konkurs/shared';
import { downloadAttachment } from '../../api/attachments';
import { isApiError } from '../../api/client';
import { DateText } from '../../components/date-text';
import { useProblemText } from '../../components/field-error';
import { ScrollTable } from '../../components/scroll-region';
import { Money } from '../../components/money';
import { OrganizationIdentity, PrintHeading, taskOf } from '../../components/print';
import { useLang, useT } from '../../i18n';
import { notify } from '../../lib/notify';
import { directionName, regionName } from '../../lib/reference';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">{title}</Title>
      {children}
    </Card>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <div style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>{children}</div>
    </div>
  );
}

export function ApplicationView({ application: a }: { application: Application }) {
  const t = useT('expert').application;
  const { lang } = useLang();
  const problemText = useProblemText();
  const p = useT('common').print;
  const [downloading, setDownloading] = useState<string | null>(null);
  const none = <Text span c="dimmed" size="sm">{t.nothing}</Text>;
  const text = (v: string | null | undefined) => (v && v.trim() ? v : none);
  const list = (xs: readonly string[] | null | undefined) =>
    xs?.length ? <List size="sm" type="ordered">{xs.map((x, i) => <List.Item key={i}>{x}</List.Item>)}</List> : none;

  async function download(id: string, name: string) {
    setDownloading(id);
    try {
      await downloadAttachment(a.id, id, name);
    } catch (e) {
      notify(isApiError(e) ? problemText(e) : String(e), { color: 'red' });
    } finally {
      setDownloading(null);
    }
  }

  return (
    <Stack gap="md">
      <PrintHeading application={a} />
      <Section title={t.card}>
        <Stack gap="sm">
          <OrganizationIdentity application={a} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Field label={t.direction}>{directionName(a.directionCode, lang)}</Field>
            <Field label={t.dates}>
              <DateText value={a.startDate} /> — <DateText value={a.endDate} />
            </Field>
            <Field label={t.geography}>{a.geographyRegionCodes?.length ? a.geographyRegionCodes.map((c) => `${c} ${regionName(c)}`).join(', ') : none}</Field>
          </SimpleGrid>
          <Field label={t.summary}>{text(a.summary)}</Field>
          <Field label={t.relevance}>{text(a.relevance)}</Field>
          <Field label={t.goal}>{text(a.goal)}</Field>
          <Field label={t.tasks}>{list(a.tasks)}</Field>
          <Field label={t.targetGroups}>{list(a.targetGroups)}</Field>
        </Stack>
      </Section>

      <Section title={t.team}>
        {a.team?.length ? (
          <ScrollTable minWidth={480} label={t.team} striped>
            <Table.Thead><Table.Tr><Table.Th>{t.teamName}</Table.Th><Table.Th>{t.teamRole}</Table.Th><Table.Th>{t.teamExperience}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {a.team.map((m, i) => (
                <Table.Tr key={i}><Table.Td>{m.fullName}</Table.Td><Table.Td>{m.role}</Table.Td><Table.Td style={{ whiteSpace: 'pre-wrap' }}>{m.experience}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : none}
      </Section>

      <Section title={t.plan}>
        {a.calendarPlan?.length ? (
          <ScrollTable minWidth={560} label={t.plan} striped>
            <Table.Thead>
              <Table.Tr><Table.Th>{t.planEvent}</Table.Th><Table.Th>{t.planTask}</Table.Th><Table.Th>{t.planDates}</Table.Th><Table.Th>{t.planResult}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.calendarPlan.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.title}</Table.Td>
                  <Table.Td>{taskOf(a, e.taskIndex)}</Table.Td>
                  <Table.Td><DateText value={e.startDate} /> — <DateText value={e.endDate} /></Table.Td>
                  <Table.Td>{e.expectedResult}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : none}
      </Section>

      <Section title={t.budget}>
        <ScrollTable minWidth={640} label={t.budget} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.category}</Table.Th><Table.Th>{t.item}</Table.Th><Table.Th ta="right">{t.quantity}</Table.Th>
              <Table.Th ta="right">{t.unitCost}</Table.Th><Table.Th ta="right">{t.lineTotal}</Table.Th><Table.Th ta="right">{t.cofinancing}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(a.budget ?? []).map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td>{l.category ? BUDGET_CATEGORY_LABELS[lang][l.category] : '—'}</Table.Td>
                <Table.Td>{l.item}</Table.Td>
                <Table.Td ta="right">{l.quantity ?? '—'}</Table.Td>
                <Table.Td ta="right"><Money kopecks={l.unitCostKopecks} /></Table.Td>
                <Table.Td ta="right"><Money kopecks={budgetLineTotal(l)} /></Table.Td>
                <Table.Td ta="right"><Money kopecks={l.cofinancingKopecks ?? 0} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="budget-total-row">
              <Table.Th scope="row" colSpan={4}>{p.total}</Table.Th>
              <Table.Td ta="right" fw={700}><Money kopecks={a.totalCostKopecks} /></Table.Td><Table.Td ta="right" fw={700}><Money kopecks={a.cofinancingKopecks} /></Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </ScrollTable>
        <SimpleGrid cols={{ base: 1, xs: 3 }} mt="sm" spacing="xs">
          <Field label={t.totalCost}><Money kopecks={a.totalCostKopecks} /></Field>
          <Field label={t.cofinancing}><Money kopecks={a.cofinancingKopecks} /></Field>
          <Field label={t.requested}><b><Money kopecks={a.requestedKopecks} /></b></Field>
        </SimpleGrid>
      </Section>

      <Section title={t.attachments}>
        {a.attachments.length ? (
          <List size="sm" spacing={4}>
            {a.attachments.map((f) => (
              <List.Item key={f.id}>
                {ATTACHMENT_KIND_LABELS[lang][f.kind]}:{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => download(f.id, f.fileName)} aria-label={t.downloadFile(f.fileName)} disabled={downloading === f.id}>
                  {f.fileName}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">({Math.ceil(f.sizeBytes / 1024)} KB)</Text>
              </List.Item>
            ))}
          </List>
        ) : <Text size="sm" c="dimmed">{t.noAttachments}</Text>}
      </Section>
    </Stack>
  );
}
