// What an applicant must know about a competition before applying: window, money, rules.
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { ATTACHMENT_KIND_LABELS, formatMoney, type Competition } from '@konkurs/shared';
import { useLang, useT } from '../i18n';
import { directionName, regionName } from '../lib/reference';
import { timeLeft, useNow } from '../lib/use-now';
import { DateText } from './date-text';
import { Money } from './money';

export function Deadline({ competition }: { competition: Pick<Competition, 'opensAt' | 'closesAt' | 'timezone' | 'status'> }) {
  const t = useT('public');
  const now = useNow();
  const left = timeLeft(competition.closesAt, now);
  const notYet = Date.parse(competition.opensAt) > now;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t.competition.deadline}: <b><DateText value={competition.closesAt} withTime timeZone={competition.timezone} /></b>
      </Text>
      {competition.status === 'open' && (
        <Text size="sm" c={left.past ? 'red.9' : left.days < 3 ? 'orange.9' : 'green.9'} fw={600}>
          {notYet
            ? t.competition.notOpenYet
            : left.past
              ? t.competition.closed
              : `${t.competition.timeLeft}: ${t.countdown(left.days, left.hours, left.minutes)}`}
        </Text>
      )}
    </Stack>
  );
}

export function DirectionBadges({ codes }: { codes: readonly string[] }) {
  const { lang } = useLang();
  // Plain chips rather than Badges: direction names are long and must wrap on a phone, not be cut.
  return (
    <Group gap={6}>
      {codes.map((c) => (
        <Text key={c} size="xs" fw={500} px={8} py={2} bg="gray.1" c="gray.9" style={{ borderRadius: 4 }}>
          {directionName(c, lang)}
        </Text>
      ))}
    </Group>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function CompetitionFacts({ competition: c }: { competition: Competition }) {
  const t = useT('public');
  const { lang } = useLang();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
      <Fact label={t.competition.opens}><DateText value={c.opensAt} withTime timeZone={c.timezone} /></Fact>
      <Fact label={t.competition.deadline}><DateText value={c.closesAt} withTime timeZone={c.timezone} /></Fact>
      <Fact label={t.competition.budget}><Money kopecks={c.budgetKopecks} /></Fact>
      <Fact label={t.competition.grantRange}>{t.competition.grantRangeValue(formatMoney(c.minGrantKopecks, lang), formatMoney(c.maxGrantKopecks, lang))}</Fact>
      <Fact label={t.competition.maxMonths}>{t.competition.maxMonthsValue(c.maxProjectMonths)}</Fact>
      <Fact label={t.competition.cofinancing}>{t.competition.cofinancingValue(c.minCofinancingPercent)}</Fact>
      <Fact label={t.competition.regions}>{c.regionCodes.length ? c.regionCodes.map((r) => `${r} ${regionName(r)}`).join(', ') : t.competition.allRegions}</Fact>
      <Fact label={t.competition.maxApplications}>{c.maxApplicationsPerOrganization}</Fact>
      <Fact label={t.competition.requiredAttachments}>
        {c.requiredAttachmentKinds.length ? c.requiredAttachmentKinds.map((k) => ATTACHMENT_KIND_LABELS[lang][k]).join(', ') : t.competition.noRequiredAttachments}
      </Fact>
      {c.operatorName && <Fact label={t.competition.operator}>{c.operatorName}</Fact>}
    </SimpleGrid>
  );
}
