// The ranking (organiser): ranked rows first, then the ones still waiting for a review (unranked, marked); raw and
// normalised scores, each expert's total, the divergence as a fact and the extra expert's state. Order, filters and
// search are the server's (the ranking can hold a national round), a page at a time.
import { useMemo, useState } from 'react';
import { Badge, Checkbox, Group, Select, Stack, Table, Text, TextInput, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import {
  APPLICATION_STATUS_LABELS, COUNTED_AS_ADMITTED, RANKING_SORTS, formatScore, type ApplicationStatus, type Competition, type RankingRow, type RankingSort,
} from '@konkurs/shared';
import { expertPoolQuery } from '../../api/expert-pool';
import { rankingPagesQuery, type RankingFilter } from '../../api/ranking';
import { LoadMore } from '../../components/load-more';
import { Money } from '../../components/money';
import { ScrollTable } from '../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { useLang, useT } from '../../i18n';
import { ExportButton } from '../official/export-button';

const column = createColumnHelper<RankingRow>();
const NUMERIC = new Set(['rank', 'finalScore', 'normalizedScore', 'requestedKopecks']);
const nowrap = { whiteSpace: 'nowrap' } as const;
/** A badge keeps its whole width in a table cell (its label would otherwise shrink to an ellipsis). */
const whole = { width: 'max-content', maxWidth: 'none' } as const;

/** The server's order for the table's sorting state (`-` first: descending). */
export function sortOf(sorting: SortingState): RankingSort {
  const s = sorting[0];
  if (!s) return 'rank';
  const sort = `${s.desc ? '-' : ''}${s.id}`;
  return (RANKING_SORTS as readonly string[]).includes(sort) ? (sort as RankingSort) : 'rank';
}

function ExtraExpert({ state }: { state: RankingRow['extraExpert'] }) {
  const t = useT('organiser').ranking;
  if (!state) return null;
  return (
    <Badge color={state === 'assigned' ? 'yellow.9' : 'gray.8'} variant="outline" tt="none" style={whole}>
      {state === 'assigned' ? t.extraAssigned : t.extraReviewed}
    </Badge>
  );
}

export function RankingTable({ rows, expertNames, sorting, onSortingChange }: {
  rows: RankingRow[]; expertNames: Map<string, string>; sorting: SortingState; onSortingChange: (s: SortingState) => void;
}) {
  const t = useT('organiser').ranking;
  const columns = useMemo(() => [
    column.accessor('rank', {
      header: t.rank,
      cell: (c) => (c.row.original.waiting
        ? <Tooltip label={t.waitingHint}><Badge color="blue.9" variant="outline" tt="none" style={whole}>{t.waiting}</Badge></Tooltip>
        : c.getValue()),
    }),
    column.accessor('number', { header: t.number, cell: (c) => <span style={nowrap}>{c.getValue()}</span> }),
    column.accessor((r) => r.title ?? '', { id: 'title', header: t.project }),
    column.accessor('organization', { header: t.organization }),
    column.accessor('finalScore', { header: t.finalScore, cell: (c) => <b>{formatScore(c.getValue())}</b>, sortDescFirst: true }),
    column.accessor('normalizedScore', { header: t.normalized, cell: (c) => formatScore(c.getValue()), sortDescFirst: true }),
    column.display({
      id: 'experts', header: t.experts,
      cell: (c) => (
        <Stack gap={0}>
          {c.row.original.reviews.map((r) => (
            <Text key={r.expertId} size="xs" style={nowrap}>{expertNames.get(r.expertId) ?? '—'}: {formatScore(r.total)}</Text>
          ))}
        </Stack>
      ),
    }),
    column.display({
      id: 'divergent', header: t.divergent,
      cell: (c) => (c.row.original.divergent
        ? <Badge color="orange.9" variant="outline" tt="none" style={whole}>{t.divergentYes}</Badge> : null),
    }),
    column.display({ id: 'extraExpert', header: t.extraExpert, cell: (c) => <ExtraExpert state={c.row.original.extraExpert} /> }),
    column.accessor('status', { enableSorting: false, header: t.status, cell: (c) => <div style={whole}><StatusBadge kind="application" status={c.getValue() as ApplicationStatus} /></div> }),
    column.accessor('requestedKopecks', { header: t.requested, cell: (c) => <span style={nowrap}><Money kopecks={c.getValue()} /></span>, sortDescFirst: true }),
  ], [t, expertNames]);

  const table = useReactTable({
    data: rows, columns, state: { sorting }, manualSorting: true, enableMultiSort: false, enableSortingRemoval: false,
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.applicationId,
  });

  return (
    <ScrollTable minWidth={1320} label={t.tableLabel} striped highlightOnHover>
      <Table.Thead>
        {table.getHeaderGroups().map((hg) => (
          <Table.Tr key={hg.id}>
            {hg.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              const label = flexRender(h.column.columnDef.header, h.getContext());
              return (
                <Table.Th key={h.id} ta={NUMERIC.has(h.id) ? 'right' : undefined} style={nowrap}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : h.column.getCanSort() ? 'none' : undefined}>
                  {h.column.getCanSort() ? (
                    <UnstyledButton onClick={h.column.getToggleSortingHandler()} fw={700} fz="sm" style={nowrap}>
                      {h.id === 'normalizedScore' ? <Tooltip label={t.normalizedHint}><span>{label}</span></Tooltip> : label}
                      {' '}<span aria-hidden>{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                      <VisuallyHidden>{t.sortBy(String(h.column.columnDef.header))}</VisuallyHidden>
                    </UnstyledButton>
                  ) : label}
                </Table.Th>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Thead>
      <Table.Tbody>
        {table.getRowModel().rows.map((row) => (
          <Table.Tr key={row.id} data-waiting={row.original.waiting || undefined}
            style={row.original.waiting ? { background: 'var(--mantine-color-blue-light)' } : undefined}>
            {row.getVisibleCells().map((cell) => (
              <Table.Td key={cell.id} ta={NUMERIC.has(cell.column.id) ? 'right' : undefined}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

export function RankingTab({ competition }: { competition: Competition }) {
  const t = useT('organiser').ranking;
  const { lang } = useLang();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'rank', desc: false }]);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<string | null>(null);
  const [divergentOnly, setDivergentOnly] = useState(false);
  const filter: RankingFilter = {
    sort: sortOf(sorting), status: (status ?? undefined) as ApplicationStatus | undefined, divergent: divergentOnly ? 'true' : undefined, q: q || undefined,
  };
  const query = useInfiniteQuery({ ...rankingPagesQuery(competition.id, filter), staleTime: 0, placeholderData: (previous) => previous });
  const pool = useQuery({ ...expertPoolQuery(competition.id), staleTime: 0 });
  const expertNames = useMemo(() => new Map(pool.data?.items.map((e) => [e.expertId, e.fullName])), [pool.data]);
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const waiting = rows.filter((r) => r.waiting).length;
  const filtered = !!(status || divergentOnly || q);

  return (
    <Stack>
      <Group gap="xs" justify="flex-end">
        <ExportButton path="/exports/applications.csv" params={{ competitionId: competition.id }} fallbackName="applications.csv" label={t.exportApplications} />
        <ExportButton path="/exports/reviews.csv" params={{ competitionId: competition.id }} fallbackName="reviews.csv" label={t.exportReviews} />
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput label={t.filter} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 14rem', minWidth: 0 }} type="search" />
        <Select label={t.statusFilter} clearable value={status} onChange={setStatus} w={220} maw="100%"
          data={COUNTED_AS_ADMITTED.map((s) => ({ value: s, label: APPLICATION_STATUS_LABELS[lang][s] }))} />
        <Checkbox label={t.divergentOnly} checked={divergentOnly} onChange={(e) => setDivergentOnly(e.currentTarget.checked)} mb={8} />
      </Group>
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} />
        : rows.length === 0 && !filtered ? <EmptyState title={t.empty} /> : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">{t.count(rows.length, query.hasNextPage)}</Text>
            {waiting > 0 ? <Text size="sm">{t.waitingNote(waiting)}</Text> : null}
            <RankingTable rows={rows} expertNames={expertNames} sorting={sorting} onSortingChange={setSorting} />
            <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => void query.fetchNextPage()} />
          </>
        )}
    </Stack>
  );
}
