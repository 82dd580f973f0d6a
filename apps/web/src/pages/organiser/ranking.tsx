// The ranking (organiser): sortable and filterable, raw and normalised scores, each expert's total, divergence.
import { useMemo, useState } from 'react';
import { Badge, Checkbox, Group, Select, Stack, Table, Text, TextInput, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  createColumnHelper, flexRender, getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable, type SortingState,
} from '@tanstack/react-table';
import { APPLICATION_STATUSES, formatScore, type ApplicationStatus, type Competition, type RankingRow } from '@konkurs/shared';
import { expertPoolQuery } from '../../api/expert-pool';
import { rankingQuery } from '../../api/ranking';
import { Money } from '../../components/money';
import { ScrollTable } from '../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { useLang, useT } from '../../i18n';
import { APPLICATION_STATUS_LABELS } from '@konkurs/shared';
import { ExportButton } from '../official/export-button';

const column = createColumnHelper<RankingRow>();

export function RankingTable({ rows, expertNames }: { rows: RankingRow[]; expertNames: Map<string, string> }) {
  const t = useT('organiser').ranking;
  const { lang } = useLang();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'rank', desc: false }]);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [divergentOnly, setDivergentOnly] = useState(false);

  const data = useMemo(
    () => rows.filter((r) => (!status || r.status === status) && (!divergentOnly || r.divergent)),
    [rows, status, divergentOnly],
  );
  const columns = useMemo(() => [
    column.accessor('rank', { header: t.rank }),
    column.accessor('number', { header: t.number }),
    column.accessor((r) => r.title ?? '', { id: 'title', header: t.project }),
    column.accessor('organization', { header: t.organization }),
    column.accessor('finalScore', { header: t.finalScore, cell: (c) => <b>{formatScore(c.getValue())}</b>, sortUndefined: 'last' }),
    column.accessor('normalizedScore', {
      header: t.normalized, cell: (c) => formatScore(c.getValue()),
    }),
    column.display({
      id: 'experts', header: t.experts,
      cell: (c) => (
        <Stack gap={0}>
          {c.row.original.reviews.map((r) => (
            <Text key={r.expertId} size="xs" style={{ whiteSpace: 'nowrap' }}>{expertNames.get(r.expertId) ?? '—'}: {formatScore(r.total)}</Text>
          ))}
        </Stack>
      ),
    }),
    column.accessor('divergent', {
      header: t.divergent,
      cell: (c) => (c.getValue() ? <Badge color="orange.9" variant="outline" tt="none">{t.divergentYes}</Badge> : null),
    }),
    column.accessor('status', { header: t.status, cell: (c) => <StatusBadge kind="application" status={c.getValue() as ApplicationStatus} /> }),
    column.accessor('requestedKopecks', { header: t.requested, cell: (c) => <Money kopecks={c.getValue()} /> }),
  ], [t, expertNames]);

  const table = useReactTable({
    data, columns, state: { sorting, globalFilter: search }, onSortingChange: setSorting, onGlobalFilterChange: setSearch,
    globalFilterFn: (row, _id, value: string) => {
      const q = value.trim().toLowerCase();
      const r = row.original;
      return !q || [r.number, r.title ?? '', r.organization].some((s) => s.toLowerCase().includes(q));
    },
    getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(), getFilteredRowModel: getFilteredRowModel(),
  });
  const shown = table.getRowModel().rows;
  const numeric = new Set(['rank', 'finalScore', 'normalizedScore', 'requestedKopecks']);

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <TextInput label={t.filter} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} type="search" />
        <Select label={t.statusFilter} clearable value={status} onChange={setStatus} w={220}
          data={APPLICATION_STATUSES.filter((s) => rows.some((r) => r.status === s)).map((s) => ({ value: s, label: APPLICATION_STATUS_LABELS[lang][s] }))} />
        <Checkbox label={t.divergentOnly} checked={divergentOnly} onChange={(e) => setDivergentOnly(e.currentTarget.checked)} mb={8} />
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">{t.count(shown.length, rows.length)}</Text>
      <ScrollTable minWidth={1100} label={t.tableLabel} striped highlightOnHover>
        <Table.Thead>
          {table.getHeaderGroups().map((hg) => (
            <Table.Tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const label = flexRender(h.column.columnDef.header, h.getContext());
                return (
                  <Table.Th key={h.id} ta={numeric.has(h.id) ? 'right' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : h.column.getCanSort() ? 'none' : undefined}>
                    {h.column.getCanSort() ? (
                      <UnstyledButton onClick={h.column.getToggleSortingHandler()} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
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
          {shown.map((row) => (
            <Table.Tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id} ta={numeric.has(cell.column.id) ? 'right' : undefined}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}

export function RankingTab({ competition }: { competition: Competition }) {
  const t = useT('organiser').ranking;
  const query = useQuery({ ...rankingQuery(competition.id), staleTime: 0 });
  const pool = useQuery({ ...expertPoolQuery(competition.id), staleTime: 0 });
  const expertNames = useMemo(() => new Map(pool.data?.items.map((e) => [e.expertId, e.fullName])), [pool.data]);
  return (
    <Stack>
      <Group gap="xs" justify="flex-end">
        <ExportButton path="/exports/applications.csv" params={{ competitionId: competition.id }} fallbackName="applications.csv" label={t.exportApplications} />
        <ExportButton path="/exports/reviews.csv" params={{ competitionId: competition.id }} fallbackName="reviews.csv" label={t.exportReviews} />
      </Group>
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} />
        : query.data.length === 0 ? <EmptyState title={t.empty} /> : <RankingTable rows={query.data} expertNames={expertNames} />}
    </Stack>
  );
}
