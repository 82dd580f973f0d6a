// Printing a page (the stylesheet is src/print.css): the "Печать" button, and the organisation's identity that a
// printed application carries (ИНН, ОГРН, КПП, region).
import { Button, Group, SimpleGrid, Text } from '@mantine/core';
import type { Application } from '@konkurs/shared';
import { useT } from '../i18n';
import { regionName } from '../lib/reference';
import { DateText } from './date-text';

/** Prints the page as it is (print.css leaves out the header, navigation, buttons and toasts). */
export function PrintButton() {
  const t = useT('common').print;
  return <Button variant="default" size="xs" className="no-print" title={t.label} onClick={() => window.print()}>{t.button}</Button>;
}

/** The line a printed application starts with (its competition, number and submission), with the «Печать» button. */
export function PrintHeading({ application: app }: { application: Application }) {
  const p = useT('common').print;
  return (
    <Group justify="space-between" align="flex-start" gap="sm">
      <Text size="sm" style={{ flex: '1 1 16rem', minWidth: 0 }}>
        {p.competition}: {app.competitionCode} «{app.competitionTitle}» · {p.application} {app.number}
        {app.submittedAt && <> · {p.submittedAt} <DateText value={app.submittedAt} withTime /></>}
      </Text>
      <PrintButton />
    </Group>
  );
}

/** The text of the task an event of the calendar plan serves ('—' when it names none). */
export const taskOf = (app: Pick<Application, 'tasks'>, index: number | null | undefined) =>
  index === null || index === undefined ? '—' : (app.tasks?.[index] ?? '—');

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

/** The applicant organisation as documents name it. */
export function OrganizationIdentity({ application: app }: { application: Application }) {
  const t = useT('common').print;
  const o = app.organization;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" data-testid="organization-identity">
      <Fact label={t.organization}>{o?.fullName ?? app.organizationName}</Fact>
      <Fact label={t.inn}>{o?.inn ?? '—'}</Fact>
      <Fact label={t.ogrn}>{o?.ogrn ?? '—'}</Fact>
      <Fact label={t.kpp}>{o?.kpp ?? '—'}</Fact>
      <Fact label={t.region}>{`${o?.regionCode ?? app.regionCode} ${regionName(o?.regionCode ?? app.regionCode)}`}</Fact>
    </SimpleGrid>
  );
}
