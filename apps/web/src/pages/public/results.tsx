// The published winners registry of one competition, with search and filters (all client-side: a
// registry is at most a few thousand rows). It prints as the list shown, every row of it on paper.
import { useEffect, useMemo, useState } from 'react';
import { Card, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formatScore, type RegistryItem } from '@konkurs/shared';
import { competitionQuery, publicResultsQuery } from '../../api/competitions';
import { isApiError } from '../../api/client';
import { LoadMore } from '../../components/load-more';
import { Money } from '../../components/money';
import { PageTitle } from '../../components/page-title';
import { PrintButton } from '../../components/print';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { ScrollTable } from '../../components/scroll-region';
import { useLang, useT } from '../../i18n';
import { directionName, regionName } from '../../lib/reference';

const PAGE = 100;

function matches(item: RegistryItem, needle: string) {
  if (!needle) return true;
  const n = needle.toLocaleLowerCase('ru');
  return [item.organization, item.inn, item.title ?? '', item.number].some((s) => s.toLocaleLowerCase('ru').includes(n));
}

export function ResultsPage() {
  const { id = '' } = useParams();
  const t = useT('public');
  const common = useT('common');
  const { lang } = useLang();
  const competition = useQuery(competitionQuery(id));
  const results = useQuery(publicResultsQuery(id));
  const [search, setSearch] = useState('');
  const [region, setRegion] = useState<string | null>(null);
  const [direction, setDirection] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  // Paper has no "show more": printing shows every row that the filters leave.
  useEffect(() => {
    const all = () => setShown(Number.MAX_SAFE_INTEGER);
    window.addEventListener('beforeprint', all);
    return () => window.removeEventListener('beforeprint', all);
  }, []);

  const items = results.data?.items ?? [];
  const filtered = useMemo(
    () => items.filter((i) => matches(i, search.trim()) && (!region || i.regionCode === region) && (!direction || i.directionCode === direction)),
    [items, search, region, direction],
  );
  const regionOpts = useMemo(() => [...new Set(items.map((i) => i.regionCode))].sort().map((c) => ({ value: c, label: `${c} — ${regionName(c)}` })), [items]);
  const directionOpts = useMemo(
    () => [...new Set(items.map((i) => i.directionCode).filter((d): d is string => !!d))].map((c) => ({ value: c, label: directionName(c, lang) })),
    [items, lang],
  );
  const total = filtered.reduce((s, i) => s + i.amountKopecks, 0);

  const title = competition.data ? `${t.results.title}: ${competition.data.title}` : t.results.title;
  if (results.isPending) return <Loading />;
  if (results.isError)
    return (
      <>
        <PageTitle title={title} />
        {isApiError(results.error, 404) ? <EmptyState title={t.results.notPublished} /> : <ErrorState error={results.error} onRetry={() => results.refetch()} />}
      </>
    );

  return (
    <>
      <PageTitle title={title} subtitle={competition.data?.code} actions={<PrintButton />} />
      <Card withBorder padding="md" mb="md" component="form" role="search" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t.results.searchLabel} value={search} onChange={(e) => { setSearch(e.currentTarget.value); setShown(PAGE); }} type="search" />
          <Select label={t.results.region} data={regionOpts} value={region} onChange={(v) => { setRegion(v); setShown(PAGE); }} clearable searchable placeholder={common.all} />
          <Select label={t.results.direction} data={directionOpts} value={direction} onChange={(v) => { setDirection(v); setShown(PAGE); }} clearable placeholder={common.all} />
        </SimpleGrid>
      </Card>
      <Group justify="space-between" mb="xs" aria-live="polite">
        <Text size="sm">{t.results.winners(filtered.length)} · {t.results.totalAmount}: <b><Money kopecks={total} /></b></Text>
        {filtered.length > shown && <Text size="sm" c="dimmed">{t.results.shown(shown, filtered.length)}</Text>}
      </Group>
      {filtered.length === 0 ? (
        <EmptyState title={t.results.nothingFound} />
      ) : (
        <Card withBorder padding={0}>
          <ScrollTable minWidth={900} label={t.results.title} striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.results.number}</Table.Th>
                <Table.Th scope="col">{t.results.organization}</Table.Th>
                <Table.Th scope="col">{t.results.inn}</Table.Th>
                <Table.Th scope="col">{t.results.region}</Table.Th>
                <Table.Th scope="col">{t.results.project}</Table.Th>
                <Table.Th scope="col">{t.results.direction}</Table.Th>
                <Table.Th scope="col" ta="right">{t.results.amount}</Table.Th>
                <Table.Th scope="col" ta="right">{t.results.finalScore}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {filtered.slice(0, shown).map((i) => (
                <Table.Tr key={i.applicationId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.number}</Table.Td>
                  <Table.Td>{i.organization}</Table.Td>
                  <Table.Td>{i.inn}</Table.Td>
                  <Table.Td>{regionName(i.regionCode)}</Table.Td>
                  <Table.Td>{i.title ?? '—'}</Table.Td>
                  <Table.Td>{directionName(i.directionCode, lang)}</Table.Td>
                  <Table.Td ta="right"><Money kopecks={i.amountKopecks} /></Table.Td>
                  <Table.Td ta="right">{formatScore(i.finalScore, lang === 'ru' ? ',' : '.')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Card>
      )}
      <LoadMore hasMore={filtered.length > shown} onMore={() => setShown((s) => s + PAGE)} label={common.next} />
    </>
  );
}
